package dev.specgate.core.rules.input;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * A file that cannot be checked: unreadable, binary, not UTF-8, or over the size limit. Its
 * findings come from {@link dev.specgate.core.input.SpecFileReader} before any parsing, so its
 * {@link #check} has nothing left to do; it is registered so that its id, severity and docs stand
 * beside every other rule's.
 */
public final class UnreadableFileRule extends BaseRule {

    public static final String ID = "unreadable-file";

    public UnreadableFileRule() {
        super(ID, "input", Severity.ERROR, "The file cannot be read as a UTF-8 Markdown spec.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext context) {
        // reported by the reader, see class comment
    }
}
