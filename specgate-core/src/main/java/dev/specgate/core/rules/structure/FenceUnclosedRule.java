package dev.specgate.core.rules.structure;

import dev.specgate.core.diagnostic.Severity;
import dev.specgate.core.model.DocumentKind;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.BaseRule;
import dev.specgate.core.rules.RuleCategory;
import dev.specgate.core.rules.RuleContext;
import dev.specgate.core.rules.RuleIds;
import java.util.EnumSet;
import java.util.Set;

/**
 * A code fence ({@code ```} or {@code ~~~}) is opened and never closed: Markdown then reads the
 * rest of the file as code, so every section, field and box after it vanishes, and the other rules
 * report them missing with no hint why. Reported once, at the opening line.
 */
public final class FenceUnclosedRule extends BaseRule {

    public static final String ID = RuleIds.FENCE_UNCLOSED;

    public FenceUnclosedRule() {
        super(
                ID,
                RuleCategory.STRUCTURE,
                Severity.WARNING,
                "A code fence is never closed, so the rest of the file is read as code.");
    }

    @Override
    public Set<DocumentKind> documentKinds() {
        return EnumSet.allOf(DocumentKind.class);
    }

    @Override
    public void check(RuleContext ctx) {
        String text = ctx.source().orElse(null);
        if (text == null) {
            return;
        }
        char fenceChar = 0;
        int fenceLength = 0;
        int openStart = -1; // the start of the opening fence's line
        int openColumn = 0;
        int length = text.length();
        // Only a line holding three backticks or tildes in a row can open or close a fence: the
        // scan jumps from one such line to the next and counts lines only for the message.
        int from = 0;
        while (true) {
            int next = nextRun(text, from);
            if (next < 0) {
                break;
            }
            int start = text.lastIndexOf('\n', next) + 1;
            int end = text.indexOf('\n', next);
            if (end < 0) {
                end = length;
            }
            int i = start;
            // block-quote markers, then up to three spaces: a fence's own indentation
            while (i < end
                    && (text.charAt(i) == '>'
                            || text.charAt(i) == ' ' && i + 1 < end && text.charAt(i + 1) == '>')) {
                i++;
            }
            int indent = 0;
            while (i < end && text.charAt(i) == ' ' && indent < 4) {
                i++;
                indent++;
            }
            int run = 0;
            char c = i < end ? text.charAt(i) : 0;
            if (indent < 4 && (c == '`' || c == '~')) {
                while (i + run < end && text.charAt(i + run) == c) {
                    run++;
                }
            }
            if (openStart < 0) {
                if (run >= 3 && (c == '~' || !hasBacktick(text, i + run, end))) {
                    fenceChar = c;
                    fenceLength = run;
                    openStart = start;
                    openColumn = i - start;
                }
            } else if (c == fenceChar && run >= fenceLength && isBlank(text, i + run, end)) {
                openStart = -1;
            }
            from = end + 1;
        }
        if (openStart >= 0) {
            int openLine = 0;
            int after = 0; // the lines after the opening one: its line break and those after it
            for (int k = 0; k < length; k++) {
                if (text.charAt(k) == '\n') {
                    if (k < openStart) {
                        openLine++;
                    } else {
                        after++;
                    }
                }
            }
            ctx.report(
                    SourceRange.ofLine(openLine, openColumn, openColumn + fenceLength),
                    "this code fence is never closed, so the rest of the file ("
                            + after
                            + (after == 1 ? " line" : " lines")
                            + ") is read as code and its sections, fields and boxes are not seen:"
                            + " close it with "
                            + String.valueOf(fenceChar).repeat(fenceLength));
        }
    }

    /**
     * Where, at or after {@code from} (a line start), three backticks or three tildes stand in a
     * row: a position inside the first such run, or -1. Any three consecutive positions hold one of
     * {@code from, from + 3, from + 6, ...}, so only every third character is read until a backtick
     * or tilde turns up: one pass over a third of the text for both kinds, where two {@code
     * indexOf} searches read all of it twice.
     */
    static int nextRun(String text, int from) {
        int length = text.length();
        for (int k = from; k < length; k += 3) {
            char c = text.charAt(k);
            if (c == '`' || c == '~') {
                int lo = k;
                while (lo > from && k - lo < 2 && text.charAt(lo - 1) == c) {
                    lo--;
                }
                int hi = k + 1;
                while (hi - lo < 3 && hi < length && text.charAt(hi) == c) {
                    hi++;
                }
                if (hi - lo >= 3) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Whether a backtick stands in {@code [from, to)}: a backtick fence's info string has none. */
    private static boolean hasBacktick(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '`') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
