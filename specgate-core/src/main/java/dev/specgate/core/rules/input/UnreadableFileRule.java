package dev.specgate.core.rules.input;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file that cannot be checked: unreadable, binary, not UTF-8, or over the size limit. The checker
 * runs this rule alone, on an empty document, when {@link dev.specgate.core.input.SpecFileReader}
 * refuses a file; its severity and level follow the configuration as every other rule's do.
 */
public final class UnreadableFileRule extends BaseRule {

    public static final String ID = RuleIds.UNREADABLE_FILE;

    public UnreadableFileRule() {
        super(
                ID,
                RuleCategory.INPUT,
                Severity.ERROR,
                "The file cannot be read as a UTF-8 Markdown spec.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext context) {
        context.unreadableReason()
                .ifPresent(message -> context.report(context.unreadableAt(), message));
    }
}
