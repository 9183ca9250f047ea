package dev.specgate.core.history;

import dev.specgate.core.model.SpecDocument;
import dev.specgate.core.parse.SpecParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A spec's first metadata field of some labels, as the parser reads it, without parsing the whole
 * spec: a line scan finds the few paragraphs that can hold such a field and the parser reads only
 * those. A paragraph is read alone when the scan is sure that the Markdown before it leaves nothing
 * open (no fenced code or HTML block running across the blank line before it) and that it is a
 * paragraph of the document itself: its lines start at the margin with a bold label or a letter,
 * and no line after it turns it into a heading or a table. Whatever the scan cannot be sure of (an
 * indented fence that may belong to a list item, a block quote or list holding the label, a
 * leading-list template) answers null, and the caller parses the whole text. The answers equal the
 * whole parse's; a property test holds them so.
 */
final class FieldScan {

    /**
     * The text a field was read from and its document: {@code document.metadata(label)} is the
     * spec's first field with that label, or empty when the spec has none.
     */
    record Window(String text, SpecDocument document) {}

    private static final String[] RAW_TAGS = {"script", "pre", "style", "textarea"};

    private final SpecParser parser;
    private final Window none;

    FieldScan(SpecParser parser) {
        this.parser = parser;
        this.none = new Window("", parser.parse(""));
    }

    /**
     * For each label, the window its first field is read from; null when the scan cannot be sure.
     *
     * @param text the spec's text, without a byte order mark
     */
    List<Window> read(String text, List<String> labels) {
        if (parser.readsListMetadata()) {
            return null; // a leading list's fields need no bold label: parse it all
        }
        Scan s = new Scan(text);
        Window front = null;
        int body = 0;
        if (text.startsWith("---")) {
            int close = s.frontMatterClose();
            if (close < 0) {
                return null;
            }
            String prefix = text.substring(0, s.next[close]);
            SpecDocument d = parser.parse(prefix);
            if (d.frontMatter().isEmpty()) {
                return null; // a thematic break, not front matter
            }
            front = new Window(prefix, d);
            body = close + 1;
        }
        s.track(body);
        Map<Integer, Window> windows = new HashMap<>();
        List<Window> out = new ArrayList<>(labels.size());
        for (String label : labels) {
            if (front != null && front.document().metadata(label).isPresent()) {
                out.add(front);
                continue;
            }
            Window w = s.find(label.trim(), body, windows);
            if (w == null) {
                return null;
            }
            out.add(w);
        }
        return out;
    }

    /** The lines of one text and what the scan knows of them. */
    private final class Scan {
        final String text;
        final int n;
        final int[] start;
        final int[] end;
        final int[] next;

        /** Lines inside fenced code or an HTML block that runs across lines: never a paragraph. */
        boolean[] opaque;

        /** The first line whose context the scan cannot be sure of. */
        int uncertain;

        Scan(String text) {
            this.text = text;
            int len = text.length();
            int[] s = new int[64];
            int[] e = new int[64];
            int[] x = new int[64];
            int count = 0;
            boolean lfOnly = text.indexOf('\r') < 0;
            for (int at = 0; at < len; ) {
                int stop;
                int after;
                if (lfOnly) {
                    // LF breaks only, the common case: indexOf is far faster than a charAt loop
                    int nl = text.indexOf('\n', at);
                    stop = nl < 0 ? len : nl;
                    after = nl < 0 ? len : nl + 1;
                } else {
                    stop = at;
                    while (stop < len && text.charAt(stop) != '\n' && text.charAt(stop) != '\r') {
                        stop++;
                    }
                    after = stop;
                    if (after < len) {
                        boolean crlf =
                                text.charAt(after) == '\r'
                                        && after + 1 < len
                                        && text.charAt(after + 1) == '\n';
                        after += crlf ? 2 : 1;
                    }
                }
                if (count == s.length) {
                    s = Arrays.copyOf(s, count * 2);
                    e = Arrays.copyOf(e, count * 2);
                    x = Arrays.copyOf(x, count * 2);
                }
                s[count] = at;
                e[count] = stop;
                x[count] = after;
                count++;
                at = after;
            }
            n = count;
            start = s;
            end = e;
            next = x;
            uncertain = n;
        }

        /** The front matter's closing line ({@code ---} or {@code ...}), or -1. */
        int frontMatterClose() {
            for (int i = 1; i < n; i++) {
                String line = text.substring(start[i], end[i]).stripTrailing();
                if ((line.equals("---") || line.equals("..."))
                        && trailingBlanksOnly(i, start[i] + 3)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean trailingBlanksOnly(int i, int from) {
            for (int k = from; k < end[i]; k++) {
                char c = text.charAt(k);
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        boolean blank(int i) {
            return trailingBlanksOnly(i, start[i]);
        }

        /** Columns of indentation (a tab to the next multiple of 4), or 4 when 4 or more. */
        int indent(int i) {
            int col = 0;
            for (int k = start[i]; k < end[i] && col < 4; k++) {
                char c = text.charAt(k);
                if (c == ' ') {
                    col++;
                } else if (c == '\t') {
                    col += 4 - (col % 4);
                } else {
                    return col;
                }
            }
            return Math.min(col, 4);
        }

        int firstNonBlank(int i) {
            int k = start[i];
            while (k < end[i] && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            return k;
        }

        boolean contains(int i, char c) {
            int at = text.indexOf(c, start[i]);
            return at >= 0 && at < end[i];
        }

        /** The length of the fence opening the line (3 or more backticks or tildes), or 0. */
        int fence(int i) {
            int k = firstNonBlank(i);
            if (k >= end[i]) {
                return 0;
            }
            char c = text.charAt(k);
            if (c != '`' && c != '~') {
                return 0;
            }
            int run = 0;
            while (k + run < end[i] && text.charAt(k + run) == c) {
                run++;
            }
            if (run < 3) {
                return 0;
            }
            if (c == '`') {
                int tick = text.indexOf('`', k + run);
                if (tick >= 0 && tick < end[i]) {
                    return 0; // a code span, not a fence
                }
            }
            return run;
        }

        boolean closes(int i, char c, int run) {
            if (indent(i) > 3) {
                return false;
            }
            int k = firstNonBlank(i);
            int r = 0;
            while (k + r < end[i] && text.charAt(k + r) == c) {
                r++;
            }
            return r >= run && trailingBlanksOnly(i, k + r);
        }

        /**
         * The end marker of the HTML block (kinds 1 to 5 of CommonMark, those that run across blank
         * lines) the line opens, or null when it opens none.
         */
        String htmlEnd(int i) {
            int k = firstNonBlank(i);
            String rest = text.substring(k, end[i]);
            if (rest.startsWith("<!--")) {
                return "-->";
            }
            if (rest.startsWith("<?")) {
                return "?>";
            }
            if (rest.startsWith("<![CDATA[")) {
                return "]]>";
            }
            if (rest.length() > 2 && rest.startsWith("<!") && isAsciiLetter(rest.charAt(2))) {
                return ">";
            }
            String lower = rest.toLowerCase(Locale.ROOT);
            for (String tag : RAW_TAGS) {
                if (lower.startsWith("<" + tag)) {
                    int after = tag.length() + 1;
                    if (after == lower.length()
                            || lower.charAt(after) == '>'
                            || Character.isWhitespace(lower.charAt(after))) {
                        return "</" + tag + ">";
                    }
                }
            }
            return null;
        }

        /** The line holding {@code marker} from the start of line {@code i} on, or -1. */
        int lineOf(String marker, int i, boolean ignoreCase) {
            int at =
                    ignoreCase
                            ? indexOfIgnoreCase(text, marker, start[i])
                            : text.indexOf(marker, start[i]);
            return at < 0 ? -1 : line(at);
        }

        int line(int offset) {
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (start[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        /** Marks the lines inside fenced code and HTML blocks, and where the scan loses track. */
        void track(int body) {
            opaque = new boolean[n];
            int i = body;
            while (i < n) {
                if (blank(i) || indent(i) > 3) {
                    i++;
                    continue;
                }
                int indent = indent(i);
                int k = firstNonBlank(i);
                char c = text.charAt(k);
                int run = fence(i);
                if (run > 0) {
                    if (contains(i, '|')) {
                        uncertain = i; // perhaps a row of a table above
                        return;
                    }
                    int j = i + 1;
                    boolean closed = false;
                    for (; j < n; j++) {
                        if (blank(j)) {
                            continue;
                        }
                        if (indent > 0 && indent(j) < indent) {
                            break; // a list item holding the fence would end here
                        }
                        if (closes(j, c, run)) {
                            closed = true;
                            break;
                        }
                    }
                    if (indent > 0 && !closed) {
                        uncertain = i;
                        return;
                    }
                    int last = closed ? j : n - 1;
                    for (int x = i; x <= last; x++) {
                        opaque[x] = true;
                    }
                    i = last + 1;
                    continue;
                }
                if (c == '<') {
                    if (contains(i, '|')) {
                        uncertain = i;
                        return;
                    }
                    String marker = htmlEnd(i);
                    if (marker != null) {
                        boolean caseless = marker.startsWith("</");
                        int last = lineOf(marker, i, caseless);
                        if (last == i) {
                            opaque[i] = true;
                            i++;
                            continue;
                        }
                        if (indent > 0 || marker.equals(">")) {
                            uncertain = i;
                            return;
                        }
                        last = last < 0 ? n - 1 : last;
                        for (int x = i; x <= last; x++) {
                            opaque[x] = true;
                        }
                        i = last + 1;
                        continue;
                    }
                    // an HTML block ended by a blank line, or a paragraph: a fence or HTML block
                    // start before that blank line could be either
                    int j = i;
                    for (; j < n && !blank(j); j++) {
                        if (j > i && indent(j) <= 3 && (fence(j) > 0 || htmlEnd(j) != null)) {
                            uncertain = i;
                            return;
                        }
                    }
                    i = j;
                    continue;
                }
                i++;
            }
        }

        /** The window of the first field labelled {@code label}, or null when unsure. */
        Window find(String label, int body, Map<Integer, Window> windows) {
            if (body >= n) {
                return none;
            }
            int from = start[body];
            while (true) {
                int occ = labelAt(text, label, from);
                if (occ < 0) {
                    return none;
                }
                int i = line(occ);
                if (i >= uncertain) {
                    return null;
                }
                if (opaque[i]) {
                    from = next[i];
                    continue;
                }
                int b = i;
                while (b > body && !blank(b - 1)) {
                    b--;
                }
                for (int j = b; j <= i; j++) {
                    if (opaque[j] || !paragraphStart(j)) {
                        return null;
                    }
                }
                int e = i;
                while (e + 1 < n && !blank(e + 1)) {
                    e++;
                    if (underline(e)) {
                        return null; // a setext heading or a table
                    }
                }
                Window w = windows.get(b);
                if (w == null) {
                    String window = text.substring(start[b], next[e]);
                    w = new Window(window, parser.parse(window));
                    windows.put(b, w);
                }
                if (w.document().metadata(label).isPresent()) {
                    return w;
                }
                from = next[e];
                if (from >= text.length()) {
                    return none;
                }
            }
        }

        /** A line that can only be paragraph text: a bold label or a letter at the margin. */
        private boolean paragraphStart(int j) {
            int k = start[j];
            if (k >= end[j]) {
                return false;
            }
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                return true;
            }
            if (!text.startsWith("**", k)) {
                return false;
            }
            for (int x = k; x < end[j]; x++) {
                char d = text.charAt(x);
                if (d != '*' && d != ' ' && d != '\t') {
                    return true;
                }
            }
            return false; // a thematic break
        }

        /**
         * A setext underline, thematic break or table delimiter row: only {@code =-:|} and blanks.
         */
        private boolean underline(int j) {
            if (indent(j) > 3) {
                return false;
            }
            boolean any = false;
            for (int x = start[j]; x < end[j]; x++) {
                char d = text.charAt(x);
                if (d == '=' || d == '-' || d == ':' || d == '|') {
                    any = true;
                } else if (d != ' ' && d != '\t') {
                    return false;
                }
            }
            return any;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The first {@code **} from {@code from} on that {@code label} follows (ignoring case, after
     * blanks): where a bold label reading {@code label} can start, as the parser reads labels (the
     * text between {@code **} and {@code :**}, trimmed, equal ignoring case); -1 when none.
     */
    static int labelAt(String text, String label, int from) {
        for (int q = text.indexOf("**", from); q >= 0; q = text.indexOf("**", q + 1)) {
            int k = q + 2;
            while (k < text.length() && text.charAt(k) <= ' ') {
                k++; // String.trim's blanks
            }
            if (text.regionMatches(true, k, label, 0, label.length())) {
                return q;
            }
        }
        return -1;
    }

    /** The first place {@code needle} stands in {@code text} from {@code from}, ignoring case. */
    static int indexOfIgnoreCase(String text, String needle, int from) {
        int m = needle.length();
        if (m == 0) {
            return from <= text.length() ? from : -1;
        }
        // String.regionMatches ignoring case, as Field.hasLabel's equalsIgnoreCase compares
        char up = Character.toUpperCase(needle.charAt(0));
        char lo = Character.toLowerCase(up);
        boolean ascii = up < 128 && lo < 128;
        for (int k = Math.max(0, from); k + m <= text.length(); k++) {
            char c = text.charAt(k);
            boolean first;
            if (ascii && c < 128) {
                first = c == up || c == lo; // what the case mapping gives for ASCII
            } else {
                char u = Character.toUpperCase(c);
                first = u == up || Character.toLowerCase(u) == lo;
            }
            if (first && text.regionMatches(true, k, needle, 0, m)) {
                return k;
            }
        }
        return -1;
    }
}
