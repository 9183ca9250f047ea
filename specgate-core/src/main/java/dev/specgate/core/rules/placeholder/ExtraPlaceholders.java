package dev.specgate.core.rules.placeholder;

import dev.specgate.core.model.Section;
import dev.specgate.core.model.SourceRange;
import dev.specgate.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a project's extra placeholders in a spec's text: line by line, outside fenced code blocks,
 * code spans and HTML comments (where an author may quote them on purpose).
 */
public final class ExtraPlaceholders {

    /** One placeholder found: its text and where it stands. */
    record Found(String text, SourceRange range) {}

    private ExtraPlaceholders() {}

    /** The project's extra placeholders left in a spec, in order (none without its text). */
    static List<Found> find(RuleContext ctx) {
        if (ctx.schema().extraPlaceholders().isEmpty() || ctx.source().isEmpty()) {
            return List.of();
        }
        return find(ctx.source().get(), ctx.schema().extraPlaceholders());
    }

    /**
     * The 0-based line of the spec's title heading, or -1 without one: an extra placeholder there
     * ({@code # KEP-NNNN: Title}) is {@code placeholder-title}'s, not {@code
     * placeholder-template}'s.
     */
    static int titleLine(RuleContext ctx) {
        int title = ctx.sectionMatch().titleIndex();
        for (Section s : ctx.document().sections()) {
            if (s.index() == title) {
                return s.line();
            }
        }
        return -1;
    }

    /**
     * Whether {@code text} (a section's body, say) holds one of {@code patterns} where {@code
     * placeholder-template} looks for them: outside code and HTML comments.
     */
    public static boolean anyIn(String text, List<Pattern> patterns) {
        return !patterns.isEmpty() && !find(text, patterns).isEmpty();
    }

    static List<Found> find(String source, List<Pattern> patterns) {
        List<Found> found = new ArrayList<>();
        String[] lines = source.split("\r\n|\r|\n", -1);
        String fence = null;
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.stripLeading();
            if (fence != null) {
                if (t.startsWith(fence) && t.substring(fence.length()).isBlank()) {
                    fence = null;
                }
                continue;
            }
            if (line.length() - t.length() < 4 && (t.startsWith("```") || t.startsWith("~~~"))) {
                int n = 0;
                while (n < t.length() && t.charAt(n) == t.charAt(0)) {
                    n++;
                }
                fence = t.substring(0, n);
                continue;
            }
            char[] masked = line.toCharArray();
            inComment = maskComments(masked, inComment);
            maskCodeSpans(masked);
            String visible = new String(masked);
            for (Pattern p : patterns) {
                Matcher m = p.matcher(visible);
                while (m.find()) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    found.add(
                            new Found(
                                    line.substring(m.start(), m.end()),
                                    SourceRange.ofLine(i, m.start(), m.end())));
                }
            }
        }
        found.sort((a, b) -> a.range().compareTo(b.range()));
        return found;
    }

    /** Blanks HTML comments of a line; returns whether a comment is still open at its end. */
    private static boolean maskComments(char[] line, boolean open) {
        String s = new String(line);
        int k = 0;
        while (k < line.length) {
            if (open) {
                int close = s.indexOf("-->", k);
                int end = close < 0 ? line.length : close + 3;
                blank(line, k, end);
                k = end;
                open = close < 0;
            } else {
                int start = s.indexOf("<!--", k);
                if (start < 0) {
                    break;
                }
                k = start;
                open = true;
            }
        }
        return open;
    }

    /** Blanks the code spans of a line (backtick runs closed by a run of the same length). */
    private static void maskCodeSpans(char[] line) {
        int k = 0;
        while (k < line.length) {
            if (line[k] != '`') {
                k++;
                continue;
            }
            int run = k;
            while (run < line.length && line[run] == '`') {
                run++;
            }
            int len = run - k;
            int close = -1;
            for (int j = run; j < line.length; ) {
                if (line[j] == '`') {
                    int e = j;
                    while (e < line.length && line[e] == '`') {
                        e++;
                    }
                    if (e - j == len) {
                        close = e;
                        break;
                    }
                    j = e;
                } else {
                    j++;
                }
            }
            if (close < 0) {
                k = run;
            } else {
                blank(line, k, close);
                k = close;
            }
        }
    }

    private static void blank(char[] line, int from, int to) {
        for (int k = from; k < to; k++) {
            line[k] = ' ';
        }
    }
}
