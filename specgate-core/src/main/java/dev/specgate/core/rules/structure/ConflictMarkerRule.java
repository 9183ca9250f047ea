package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.MergeConflict;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A merge conflict git left in the file and nobody resolved: a {@code <<<<<<< HEAD} line, then a
 * {@code =======} line, then a {@code >>>>>>> branch} line, each at the start of its line as git
 * writes them (the parser's reading, {@link SpecDocument#mergeConflicts()}: front matter and code
 * included). Markdown reads them as text, and {@code =======} under a line as that line's heading,
 * so without this finding a spec holding both sides of a conflict passed, and could be approved.
 * Reported once per conflict, at its {@code <<<<<<<} line. A lone {@code =======} (a heading's
 * underline), or a {@code <<<<<<<} with no {@code =======} and {@code >>>>>>>} after it, is no
 * conflict; markers without a label ({@code git merge-file -L ''}, or trimmed) still are.
 */
public final class ConflictMarkerRule extends BaseRule {

    public static final String ID = RuleIds.CONFLICT_MARKER;

    /** How long git's markers are: the finding's range, the {@code <<<<<<<}. */
    private static final int MARKER = 7;

    public ConflictMarkerRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "A merge conflict is left unresolved: git's <<<<<<<, ======= and >>>>>>> lines"
                        + " hold both sides.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        // found by the parser, which tests the first char of every line it reads: no search here
        List<MergeConflict> conflicts = ctx.document().mergeConflicts();
        for (int i = 0; i < conflicts.size(); i++) {
            MergeConflict c = conflicts.get(i);
            ctx.report(SourceRange.ofLine(c.opening(), 0, MARKER), message(c));
        }
    }

    private static String message(MergeConflict c) {
        return "unresolved merge conflict: '"
                + marker("<<<<<<<", c.ours())
                + "', '=======' (line "
                + (c.separator() + 1)
                + ") and '"
                + marker(">>>>>>>", c.theirs())
                + "' (line "
                + (c.closing() + 1)
                + ") hold both sides of a change: keep what is meant, delete the three marker"
                + " lines, then commit the resolution";
    }

    /** A marker as far as its label's first word, the marker alone where it has no label. */
    private static String marker(String marker, String label) {
        return label.isEmpty() ? marker : marker + " " + label;
    }
}
