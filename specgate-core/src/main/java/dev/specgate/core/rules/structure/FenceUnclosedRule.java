package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.UnclosedFence;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * A code fence ({@code ```} or {@code ~~~}) is opened and never closed: Markdown then reads the
 * rest of the file as code, so every section, field and box after it vanishes, and the other rules
 * report them missing with no hint why; or, inside a list item or a block quote, the rest of that
 * item or quote. Reported once per fence, at its opening. The fences are the block parser's ({@link
 * dev.specgate.core.model.SpecDocument#unclosedFences()}), read with their containers' markers,
 * indentation and line endings as Markdown reads them, so the rule never reads lines itself.
 */
public final class FenceUnclosedRule extends BaseRule {

    public static final String ID = RuleIds.FENCE_UNCLOSED;

    public FenceUnclosedRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.WARNING,
                "A code fence is never closed, so the rest of the file (or of its list item or"
                        + " block quote) is read as code.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        for (UnclosedFence f : ctx.document().unclosedFences()) {
            ctx.report(f.opening(), message(f, ctx.document().lineCount()));
        }
    }

    private static String message(UnclosedFence f, int lineCount) {
        String close = " close it with " + f.fence();
        return switch (f.reach()) {
            case FILE -> {
                int after = Math.max(0, lineCount - f.opening().startLine() - 1);
                yield "this code fence is never closed, so the rest of the file ("
                        + after
                        + (after == 1 ? " line" : " lines")
                        + ") is read as code and its sections, fields and boxes are not seen:"
                        + close;
            }
            case LIST_ITEM ->
                    "this code fence is never closed, so the rest of its list item is"
                            + " read as code:"
                            + close
                            + " at the item's indentation";
            case BLOCK_QUOTE ->
                    "this code fence is never closed, so the rest of its block quote"
                            + " is read as code:"
                            + close
                            + " on a quoted line";
        };
    }
}
