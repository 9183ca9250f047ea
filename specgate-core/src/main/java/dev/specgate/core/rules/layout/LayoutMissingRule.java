package dev.specgate.core.rules.layout;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.List;

/**
 * A path the File Organization promises does not exist. Runs only with {@code check --trace}. For a
 * spec in Implementation a missing unconditional implementation or test path is an error; every
 * other missing path is information.
 */
public final class LayoutMissingRule extends BaseRule {

    public static final String ID = RuleIds.LAYOUT_MISSING;

    public LayoutMissingRule() {
        super(
                ID,
                RuleCategory.LAYOUT,
                Severity.ERROR,
                "A path the File Organization promises does not exist (with --trace).");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.trace() || ctx.file().isEmpty() || ctx.source().isEmpty()) {
            return;
        }
        List<TracedEntry> traced =
                SpecLayout.trace(
                        ctx.file().get(), ctx.source().get(), ctx.document(), ctx.schema());
        for (TracedEntry t : traced) {
            if (t.exists()) {
                continue;
            }
            LayoutEntry e = t.entry();
            boolean required = SpecLayout.required(t, ctx.strictness());
            ctx.report(
                    required ? Severity.ERROR : Severity.INFO,
                    SourceRange.ofLine(e.line(), e.column(), e.column() + e.written().length() + 2),
                    (e.label().isEmpty() ? "" : e.label() + " ")
                            + e.kind().label()
                            + " '"
                            + e.path()
                            + "' does not exist"
                            + (required ? " (the spec is in Implementation)" : ""));
        }
    }
}
