package dev.specgate.core.rules.layout;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.layout.LayoutEntry;
import dev.specgate.core.layout.SpecLayout;
import dev.specgate.core.layout.TracedEntry;
import dev.specgate.core.layout.UnreadEntry;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.List;

/**
 * A path the File Organization promises does not exist. Runs only with {@code check --trace}. For a
 * spec in Implementation a missing unconditional implementation or test path is an error; every
 * other missing path is information. A path {@code scaffold} refuses (absolute, {@code ..}, out of
 * the project root through a link) is said to be refused, with scaffold's reason: an error where a
 * missing one would be, else a warning. A list item that names a path but is not read as an entry
 * (no backticks or link right after its label) is information: it is not traced. A directory that
 * exists but cannot be walked (a folder in it that cannot be opened) is an error: its files are not
 * counted, and the other specs are still checked; {@code layout-early} says it instead of a folder
 * of this feature's code while the spec is before approval ({@link SpecLayout#unjudged}).
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
        List<TracedEntry> traced = TracedLayout.of(ctx);
        for (UnreadEntry u : SpecLayout.unread(ctx.source().get(), ctx.document())) {
            // not traced, and said so: never a silent skip
            ctx.report(
                    Severity.INFO,
                    SourceRange.ofLine(u.line(), u.column(), u.column() + u.text().length()),
                    "'"
                            + shorten(u.text())
                            + "' is not read as a File Organization entry, so it is not traced: "
                            + UnreadEntry.WHY);
        }
        List<TracedEntry> early = null;
        for (TracedEntry t : traced) {
            LayoutEntry e = t.entry();
            if (t.unreadable().isPresent()) {
                if (early == null) {
                    early =
                            SpecLayout.unjudged(
                                    ctx.file().orElseThrow(), traced, ctx.document(), ctx.schema());
                }
                // its files could not be counted: an error on this spec, the others still checked;
                // layout-early says it of the folders it had to look into, so that turning this
                // rule off leaves no code ahead of approval unseen, and this rule says it of those
                // too when layout-early is off
                if (!early.contains(t) || !ctx.reports(RuleIds.LAYOUT_EARLY)) {
                    ctx.report(
                            Severity.ERROR,
                            SourceRange.ofLine(
                                    e.line(), e.column(), e.column() + e.written().length() + 2),
                            t.cannotBeRead() + ", so its files are not counted");
                }
                continue;
            }
            if (t.exists()) {
                continue;
            }
            boolean required = SpecLayout.required(t, ctx.strictness());
            SourceRange at =
                    SourceRange.ofLine(e.line(), e.column(), e.column() + e.written().length() + 2);
            if (t.refused().isPresent()) {
                // not missing: a path scaffold refuses can never be made inside the project
                ctx.report(
                        required ? Severity.ERROR : Severity.WARNING,
                        at,
                        (e.label().isEmpty() ? "" : e.label() + " ")
                                + e.kind().label()
                                + " '"
                                + e.path()
                                + "' is refused: it "
                                + t.refused().get()
                                + " (a File Organization path stays inside the project root;"
                                + " scaffold refuses it too)");
                continue;
            }
            ctx.report(
                    required ? Severity.ERROR : Severity.INFO,
                    at,
                    (e.label().isEmpty() ? "" : e.label() + " ")
                            + e.kind().label()
                            + " '"
                            + e.path()
                            + "' does not exist"
                            + (required ? " (the spec is in Implementation)" : ""));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
