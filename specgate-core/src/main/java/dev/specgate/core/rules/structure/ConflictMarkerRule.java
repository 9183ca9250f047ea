package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.input.SpecText;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * A merge conflict git left in the file and nobody resolved: a {@code <<<<<<<} line, then a {@code
 * =======} line, then a {@code >>>>>>>} line, each at the start of its line as git writes them.
 * Markdown reads them as text, and {@code =======} under a line as that line's heading, so without
 * this finding a spec holding both sides of a conflict passed, and could be approved. Reported once
 * per conflict, at its {@code <<<<<<<} line. A lone {@code =======} (a heading's underline) or a
 * {@code <<<<<<<} with no {@code =======} and {@code >>>>>>>} after it is no conflict.
 */
public final class ConflictMarkerRule extends BaseRule {

    public static final String ID = RuleIds.CONFLICT_MARKER;

    /** How long git's markers are ({@code merge.conflictStyle} and attributes aside). */
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
        // almost every spec holds no marker: its chars searched once, never made a string, and
        // lines split only where a line starts with one
        SpecText chars = ctx.sourceText().orElse(null);
        if (chars == null || !opensAConflict(chars.array(), chars.length())) {
            return;
        }
        String[] lines = ctx.lines();
        int open = -1;
        int middle = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (marker(line, '<')) {
                open = i;
                middle = -1;
            } else if (open >= 0 && middle < 0 && separator(line)) {
                middle = i;
            } else if (middle >= 0 && marker(line, '>')) {
                ctx.report(
                        SourceRange.ofLine(open, 0, MARKER),
                        message(lines[open], middle, lines[i], i));
                open = -1;
                middle = -1;
            }
        }
    }

    /**
     * Whether a line of {@code text} (its first {@code length} chars) starts with {@code <<<<<<<}:
     * a stride search, one char in seven looked at where none is {@code <}, as {@code
     * nesting-depth} searches for runs of markers (this runs on every spec).
     */
    private static boolean opensAConflict(char[] text, int length) {
        int i = MARKER - 1;
        while (i < length) {
            if (text[i] != '<') {
                i += MARKER; // no run of seven can hold position i
                continue;
            }
            int from = i;
            while (from > 0 && text[from - 1] == '<') {
                from--;
            }
            int to = i + 1;
            while (to < length && text[to] == '<') {
                to++;
            }
            if (to - from >= MARKER
                    && (from == 0 || text[from - 1] == '\n' || text[from - 1] == '\r')) {
                return true;
            }
            i = to + MARKER - 1;
        }
        return false;
    }

    /** {@code <<<<<<<} or {@code >>>>>>>} alone or before a space (and the side's name). */
    private static boolean marker(String line, char c) {
        if (line.length() < MARKER) {
            return false;
        }
        for (int k = 0; k < MARKER; k++) {
            if (line.charAt(k) != c) {
                return false;
            }
        }
        return line.length() == MARKER || line.charAt(MARKER) == ' ';
    }

    /** {@code =======} alone on its line (trailing white space aside). */
    private static boolean separator(String line) {
        return line.stripTrailing().equals("=".repeat(MARKER));
    }

    /** A marker line as far as the name of its side: {@code <<<<<<< HEAD}. */
    private static String side(String line) {
        String[] words = line.strip().split("\\s+", 3);
        return words.length > 1 ? words[0] + " " + words[1] : words[0];
    }

    private static String message(String open, int middle, String close, int closeLine) {
        return "unresolved merge conflict: '"
                + side(open)
                + "', '=======' (line "
                + (middle + 1)
                + ") and '"
                + side(close)
                + "' (line "
                + (closeLine + 1)
                + ") hold both sides of a change: keep what is meant, delete the three marker"
                + " lines, then commit the resolution";
    }
}
