package dev.specgate.core.rules.layout;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.layout.EarlyEntry;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;

/**
 * Code ahead of approval: a spec whose status stands before its lifecycle's approval point (Draft
 * or Review in the built-in lifecycle) while an unconditional implementation or test path of this
 * feature already holds files ({@link SpecLayout#early}). Runs only with {@code check --trace}, as
 * {@code layout-missing} does: both look at the file system. The empty folders {@code scaffold}
 * makes, conditional and documentation entries, and shared paths never trigger it.
 */
public final class LayoutEarlyRule extends BaseRule {

    public static final String ID = RuleIds.LAYOUT_EARLY;

    public LayoutEarlyRule() {
        super(
                ID,
                RuleCategory.LAYOUT,
                Severity.WARNING,
                "This feature's code exists while its spec is not yet approved (with --trace).");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.trace() || ctx.file().isEmpty() || ctx.source().isEmpty()) {
            return;
        }
        java.util.List<dev.specgate.core.layout.TracedEntry> traced = TracedLayout.of(ctx);
        for (var t : SpecLayout.unjudged(ctx.file().get(), traced, ctx.document(), ctx.schema())) {
            // could not look: an error, whatever this rule's severity, never a silent pass
            LayoutEntry e = t.entry();
            ctx.report(
                    Severity.ERROR,
                    SourceRange.ofLine(e.line(), e.column(), e.column() + e.written().length() + 2),
                    t.cannotBeRead() + ", so whether it holds code ahead of approval is not known");
        }
        for (EarlyEntry early :
                SpecLayout.early(ctx.file().get(), traced, ctx.document(), ctx.schema())) {
            LayoutEntry e = early.traced().entry();
            ctx.report(
                    SourceRange.ofLine(e.line(), e.column(), e.column() + e.written().length() + 2),
                    early.message());
        }
    }
}
