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
                    // "Spec: [name](../spec/name.md)": the link is there, under no bold label
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
                                    + m.get().value()
                                    + "' on a line of its own");
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
}
