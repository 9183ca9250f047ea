package dev.specgate.core.rules.tasks;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.Field;
import dev.specgate.core.model.Link;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import dev.specgate.core.schema.ListedFields;
import dev.specgate.core.tasks.TaskList;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A task list does not link the spec it implements with a {@code **Spec:**} field. Whether the
 * linked spec exists is {@code link-broken}'s to report.
 */
public final class TaskSpecReferenceRule extends BaseRule {

    public static final String ID = RuleIds.TASK_SPEC_REFERENCE;

    /** A value that is a link: {@code [x](../spec/x.md)}, perhaps with words after it. */
    private static final Pattern LINK_VALUE = Pattern.compile("\\[.*\\]\\(.*\\).*");

    /** The bold field line itself: {@code **Spec:** [name](../spec/name.md)}, any indent. */
    private static final Pattern BOLD_SPEC_LINE =
            Pattern.compile(
                    "[ \\t]*\\*\\*"
                            + TaskList.SPEC_FIELD
                            + "(?::\\*\\*|\\*\\*:)[ \\t]*\\[.*\\]\\(.*\\).*",
                    Pattern.CASE_INSENSITIVE);

    public TaskSpecReferenceRule() {
        super(
                ID,
                RuleCategory.TASKS,
                Severity.ERROR,
                "A task list does not link the spec it implements.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return Set.of(DocumentKind.TASK_LIST);
    }

    @Override
    public void check(RuleContext ctx) {
        Optional<Field> field = ctx.metadata(TaskList.SPEC_FIELD);
        if (field.isEmpty()) {
            SourceRange at =
                    ctx.document().title().map(s -> s.range()).orElse(SourceRange.fileStart());
            String[] lines = ctx.lines();
            for (Link link : ctx.document().links()) { // in document order, never inside code
                // a line that links a spec under a plain, emphasised or list label (Spec: [x](..),
                // - **Spec:** ...), which is not the bold field of its own a task list is read by;
                // only the lines of links the parser reads are tried: a reference shown in code is
                // an example, and one in a block quote does not start at the margin
                int i = link.range().startLine();
                Optional<ListedFields.LabelLine> m =
                        i < lines.length
                                ? ListedFields.labelLine(lines[i])
                                        .filter(
                                                l ->
                                                        l.label()
                                                                .equalsIgnoreCase(
                                                                        TaskList.SPEC_FIELD))
                                        .filter(l -> LINK_VALUE.matcher(l.value()).matches())
                                : Optional.empty();
                if (m.isPresent()) {
                    // "Spec: [name](../spec/name.md)": the link is there, under no bold label;
                    // the suggestion holds the link alone, not the prose around it
                    ctx.report(
                            at,
                            "task list names no spec: line "
                                    + (i + 1)
                                    + " '"
                                    + lines[i].strip()
                                    + "' is not the '**"
                                    + TaskList.SPEC_FIELD
                                    + ":**' field: write '**"
                                    + TaskList.SPEC_FIELD
                                    + ":** "
                                    + linkText(lines[i], link)
                                    + "' on a line of its own");
                    return;
                }
                if (i < lines.length && BOLD_SPEC_LINE.matcher(lines[i]).matches()) {
                    // "**Spec:** [name](..)" itself, where no field is read: a list item's line
                    ctx.report(
                            at,
                            "task list names no spec: line "
                                    + (i + 1)
                                    + " '"
                                    + lines[i].strip()
                                    + "' "
                                    + (inListItem(lines, i)
                                            ? "sits inside a list item, where it is not read as"
                                                    + " the '**"
                                                    + TaskList.SPEC_FIELD
                                                    + ":**' field: move it out of the list, onto"
                                                    + " a line of its own"
                                            : "is not read as the '**"
                                                    + TaskList.SPEC_FIELD
                                                    + ":**' field where it stands: write it on a"
                                                    + " line of its own, after a blank line"));
                    return;
                }
            }
            ctx.report(
                    at,
                    "task list names no spec: add '**"
                            + TaskList.SPEC_FIELD
                            + ":** [YYYY-MM-DD_spec_<slug>.md](../spec/YYYY-MM-DD_spec_<slug>.md)'");
            return;
        }
        if (TaskList.specLink(ctx.document()).isEmpty()) {
            ctx.report(
                    field.get().valueRange(),
                    "'"
                            + TaskList.SPEC_FIELD
                            + "' must link the spec file, e.g. [name](../spec/name.md)");
        }
    }

    /** The link as written on {@code line}, else the rest of the line from where it starts. */
    private static String linkText(String line, Link link) {
        SourceRange r = link.range();
        int from = Math.min(r.startColumn(), line.length());
        int to =
                r.endLine() == r.startLine()
                        ? Math.min(r.endColumn(), line.length())
                        : line.length();
        return to > from ? line.substring(from, to).strip() : line.substring(from).strip();
    }

    /**
     * Whether line {@code i} continues a list item: a line of one of the lines before it, back to a
     * blank line, opens one.
     */
    private static boolean inListItem(String[] lines, int i) {
        for (int j = i - 1; j >= 0 && !lines[j].isBlank(); j--) {
            if (ListedFields.opensListItem(lines[j])) {
                return true;
            }
        }
        return false;
    }
}
