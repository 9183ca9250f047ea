package dev.specgate.core.rules.checklist;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.TextMark;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/** A task box that Markdown does not read as one: {@code - []}, {@code - [ x]}, {@code -[ ]}. */
public final class TaskBoxRule extends BaseRule {

    public static final String ID = RuleIds.TASK_BOX;

    public TaskBoxRule() {
        super(
                ID,
                RuleCategory.CHECKLIST,
                Severity.ERROR,
                "A task box is malformed and will not render as a checkbox.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (TextMark box : ctx.document().malformedTaskBoxes()) {
            ctx.report(
                    box.range(),
                    "malformed task box '"
                            + box.text()
                            + "': write '- [ ] ' (open) or '- [x] ' (done), with a space after the list marker and after the box");
        }
    }
}
