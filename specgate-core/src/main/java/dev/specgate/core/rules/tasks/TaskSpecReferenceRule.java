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
import dev.specgate.core.tasks.TaskList;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task list does not link the spec it implements with a {@code **Spec:**} field. Whether the
 * linked spec exists is {@code link-broken}'s to report.
 */
public final class TaskSpecReferenceRule extends BaseRule {

    public static final String ID = RuleIds.TASK_SPEC_REFERENCE;

    /**
     * A line that links a spec under a plain or list label ({@code Spec: [x](../spec/x.md)}, {@code
     * - Spec: ...}), which is not the bold {@code **Spec:**} field a task list is read by. Only the
     * lines of links the parser reads are tried: a reference shown in code (a fence, an indented
     * block) is an example, and one in a block quote does not start at the margin.
     */
    private static final Pattern PLAIN_SPEC_LINE =
            Pattern.compile(
                    "^ {0,3}(?:[-*+][ \\t]+)?(?:_|\\*)?Spec(?:_|\\*)?[ \\t]*:[ \\t]*(\\[.*\\]\\(.*\\).*)$");

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
                int i = link.range().startLine();
                Matcher m = i < lines.length ? PLAIN_SPEC_LINE.matcher(lines[i]) : null;
                if (m != null && m.matches()) {
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
                                    + m.group(1).strip()
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
