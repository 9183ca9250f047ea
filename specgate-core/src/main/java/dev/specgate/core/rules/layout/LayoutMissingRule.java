package dev.specgate.core.rules.layout;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.discovery.ProjectRoot;
import dev.specgate.core.layout.FeatureSlug;
import dev.specgate.core.layout.FileOrganization;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.LayoutTrace;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.schema.Strictness;
import java.nio.file.Path;
import java.util.List;

/**
 * A path the File Organization promises does not exist. Runs only with {@code check --trace}. For a
 * spec in Implementation a missing unconditional implementation or test path is an error; every
 * other missing path is information.
 */
public final class LayoutMissingRule extends BaseRule {

    public static final String ID = "layout-missing";

    public LayoutMissingRule() {
        super(
                ID,
                "layout",
                Severity.ERROR,
                "A path the File Organization promises does not exist (with --trace).");
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.trace() || ctx.file().isEmpty() || ctx.source().isEmpty()) {
            return;
        }
        Path file = ctx.file().get();
        String slug = FeatureSlug.of(file, ctx.schema());
        List<LayoutEntry> entries = FileOrganization.read(ctx.source().get(), ctx.document(), slug);
        boolean implementing = ctx.strictness() == Strictness.IMPLEMENTATION;
        for (TracedEntry t : LayoutTrace.trace(ProjectRoot.ofSpec(file), entries)) {
            if (t.exists()) {
                continue;
            }
            LayoutEntry e = t.entry();
            boolean required = t.missingWhileRequired(implementing);
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
