package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.input.CharRuns;
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
 * Lists or block quotes nested deeper than {@value #MAX_LEVELS} levels: past that depth the parser
 * reads markers as text (so that hostile input costs no deep recursion), and items there would drop
 * out of checklists and progress without a word. Reported once, at the first such line.
 */
public final class NestingDepthRule extends BaseRule {

    public static final String ID = RuleIds.NESTING_DEPTH;

    /**
     * The deepest nesting read as structure: the parser's limit of open container blocks ({@code
     * SpecParser.MAX_NESTING_DEPTH}, 100) holds 50 list levels, each a list and its item.
     */
    public static final int MAX_LEVELS = 50;

    /**
     * The fewest characters of {@code >}, space and tab before a list marker that nest deeper than
     * {@link #MAX_LEVELS}: each such character adds at most two levels (a tab up to four columns,
     * two columns a level), so a line over the limit has a run of at least this many. A spec with
     * no such run (almost every spec) is passed over without reading it line by line.
     */
    static final int MIN_PREFIX = MAX_LEVELS / 2;

    public NestingDepthRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.ERROR,
                "Lists or quotes are nested deeper than Specgate reads as structure.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        // the chars of the text: almost every spec has no run, and is then never made a string
        SpecText chars = ctx.sourceText().orElse(null);
        if (chars == null || !hasRun(chars.array(), chars.length(), MIN_PREFIX)) {
            return;
        }
        String text = ctx.source().orElseThrow();
        int line = 0;
        int first = -1;
        int count = 0;
        boolean fenced = false;
        int length = text.length();
        for (int start = 0; start <= length; line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            // indices into the text, no copy of the line: this runs on every line of every spec
            int lead = start;
            while (lead < end && Character.isWhitespace(text.charAt(lead))) {
                lead++;
            }
            if (text.startsWith("```", lead) && lead + 3 <= end
                    || text.startsWith("~~~", lead) && lead + 3 <= end) {
                fenced = !fenced;
            } else if (!fenced && levels(text, start, end) > MAX_LEVELS) {
                if (first < 0) {
                    first = line;
                }
                count++;
            }
            start = end + 1;
        }
        if (first >= 0) {
            ctx.report(
                    SourceRange.ofLine(first, 0, 0),
                    "nested deeper than "
                            + MAX_LEVELS
                            + " levels: Specgate reads "
                            + (count == 1 ? "this line" : "this line and " + (count - 1) + " more")
                            + " as plain text, so list items and boxes there are not counted (and"
                            + " a heading right after the list may be read as text too); flatten"
                            + " the list");
        }
    }

    /**
     * Whether {@code text} has {@code run} or more consecutive characters of {@code >}, space and
     * tab. Looks at every {@code run}-th character and only around those that are one, so prose is
     * skimmed rather than read.
     */
    static boolean hasRun(String text, int run) {
        return hasRun(text.toCharArray(), text.length(), run);
    }

    /** As {@link #hasRun(String, int)}, of the text in the first {@code n} of {@code text}. */
    static boolean hasRun(char[] text, int n, int run) {
        return CharRuns.find(text, 0, n, run, '>', ' ', '\t') >= 0;
    }

    /** The nesting the line {@code text[start, n)} opens: block-quote markers, then list levels. */
    private static int levels(String line, int start, int n) {
        int quotes = 0;
        int i = start;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '>') {
                quotes++;
                i++;
            } else if (c == ' ' && i + 1 < n && line.charAt(i + 1) == '>') {
                i++;
            } else {
                break;
            }
        }
        int columns = 0;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            columns += line.charAt(i) == '\t' ? 4 - columns % 4 : 1;
            i++;
        }
        if (i >= n || !isListMarker(line, i, n)) {
            return quotes;
        }
        // each list level indents its items by at least two columns ("- ")
        return quotes + columns / 2 + 1;
    }

    private static boolean isListMarker(String line, int i, int n) {
        char c = line.charAt(i);
        if ((c == '-' || c == '*' || c == '+') && (i + 1 == n || line.charAt(i + 1) == ' ')) {
            return true;
        }
        int j = i;
        while (j < n && j - i < 9 && Character.isDigit(line.charAt(j))) {
            j++;
        }
        return j > i
                && j < n
                && (line.charAt(j) == '.' || line.charAt(j) == ')')
                && (j + 1 == n || line.charAt(j + 1) == ' ');
    }
}
