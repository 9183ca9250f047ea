package dev.specgate.core.rules.layout;

import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.rules.RuleContext;
import java.util.List;

/**
 * A spec's File Organization traced once per check, for {@code layout-missing} and {@code
 * layout-early} both: the file system is looked at once.
 */
record TracedLayout(List<TracedEntry> entries) {

    /** The trace of the spec {@code ctx} checks; it must have a file and its source. */
    static List<TracedEntry> of(RuleContext ctx) {
        return ctx.derived(
                        TracedLayout.class,
                        doc ->
                                new TracedLayout(
                                        SpecLayout.trace(
                                                ctx.file().get(),
                                                ctx.source().get(),
                                                doc,
                                                ctx.schema())))
                .entries();
    }
}
