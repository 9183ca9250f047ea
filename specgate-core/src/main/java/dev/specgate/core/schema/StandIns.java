package dev.specgate.core.schema;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a section's body is only a stand-in for text not written yet: {@code TBD}, {@code TODO},
 * {@code ...}, {@code ???}, {@code Coming soon}, however it is punctuated, cased or emphasised
 * ({@code *TBD*}, {@code - TBD.}, {@code > TODO}, {@code 1. TBD}), or a line that opens with an
 * upper-case marker and a colon, dash or bracket ({@code TODO: describe the rollback}, {@code TBD
 * (waiting on finance)}); a body of several lines is one when every line is ({@code TBD} and {@code
 * TODO} on two lines). A marker that a comma or slash and another marker follow opens a series a
 * sentence is about ({@code TODO, FIXME and XXX comments are rejected}), not a note ({@code TBD,
 * see ADR-12}). A marker in code ({@code `TODO:` comments fail the build}) or in a name ({@code
 * TODO.md}) is mentioned, not left.
 *
 * <p>A body holding a bracket is none: {@code [TBD]} is a placeholder, which the placeholder rules
 * report, and {@code - [ ] TBD} a task box. An answer is not a stand-in: {@code N/A}, {@code None},
 * {@code Not applicable}, {@code No}, {@code Nothing} say that the section does not apply, which is
 * what {@code section-empty} asks its writer to say; neither are {@code Unknown} or {@code
 * Pending}, which state a fact.
 */
public final class StandIns {

    /** Whole bodies that stand in for text, lower case, punctuation folded ({@link Reviewers}). */
    private static final Set<String> WHOLE =
            Set.of(
                    "tbd",
                    "tbc",
                    "tba",
                    "tbw",
                    "todo",
                    "to do",
                    "fixme",
                    "xxx",
                    "wip",
                    "work in progress",
                    "placeholder",
                    "coming soon",
                    "fill in",
                    "fill me in",
                    "fill this in",
                    "to be decided",
                    "to be determined",
                    "to be confirmed",
                    "to be defined",
                    "to be written",
                    "to be added",
                    "to be done",
                    "to be completed",
                    "to be filled in",
                    "lorem ipsum");

    /** Upper-case markers that make a one-line body a note about text still to write. */
    private static final String[] MARKERS = {"TBD", "TBC", "TBA", "TODO", "FIXME", "XXX"};

    /** Code comments' tags that, after a marker and a comma, make a series of them. */
    private static final Set<String> CODE_TAGS = Set.of("HACK", "NOTE", "BUG");

    /** What may follow a marker that opens a note: {@code TODO: ...}, {@code TBD (...)}. */
    private static final String AFTER_MARKER = ":-\u2013\u2014(.,;!?*_";

    /** Bodies longer than this are never a stand-in (a note after a marker is short). */
    public static final int MAX_LENGTH = 160;

    /**
     * What a stand-in may be written in before its first word: list, quote, emphasis and table
     * marks.
     */
    private static final String MARKS = " \t\r\n-*_>+`|";

    /**
     * The first words of the stand-ins, lower case: of {@link #WHOLE} and {@link #MARKERS} (a
     * marker is a whole word: {@link #opensNote}).
     */
    private static final String[] FIRST_WORDS = {
        "tbd",
        "tbc",
        "tba",
        "tbw",
        "todo",
        "to",
        "fixme",
        "xxx",
        "wip",
        "work",
        "placeholder",
        "coming",
        "fill",
        "lorem"
    };

    private StandIns() {}

    /**
     * Whether {@code chars[start, end)}, a section's body, may be a stand-in ({@link #of}), told
     * without making a string: its first word after list, quote and emphasis marks is a stand-in's
     * first word, or it starts with anything but a letter or digit ({@code ...}, {@code ???}, a
     * comment); and it is short, or holds a comment that may make it so. Most bodies of a spec are
     * told apart by their first words.
     */
    public static boolean mayHold(char[] chars, int start, int end) {
        int at = skipMarks(chars, start, end);
        int item = afterOrderedMarker(chars, at, end);
        if (item > at) {
            at = skipMarks(chars, item, end); // a numbered item: 1. TBD
        }
        if (at == end) {
            return false;
        }
        char c = chars[at];
        if (c == '[' || isLetterOrDigit(c) && !startsWithFirstWord(chars, at, end)) {
            return false; // a bracket first: a link, a box or a placeholder, never a stand-in
        }
        if (end - at <= MAX_LENGTH + 16) {
            return true; // room for trailing blank lines
        }
        for (int i = at; i < end; i++) {
            if (chars[i] == '<') {
                return true; // a comment may hold the rest
            }
        }
        return false;
    }

    /** The first offset from {@code at} that is no list, quote, emphasis or table mark. */
    private static int skipMarks(char[] chars, int at, int end) {
        while (at < end && isMark(chars[at])) {
            at++;
        }
        return at;
    }

    /**
     * The offset after an ordered list item's marker at {@code at} ({@code 1.}, {@code 2)}: one to
     * nine digits, a dot or bracket, then a space or the end), or {@code at} when there is none.
     */
    private static int afterOrderedMarker(char[] chars, int at, int end) {
        int to = at;
        while (to < end && to - at < 10 && chars[to] >= '0' && chars[to] <= '9') {
            to++;
        }
        if (to == at
                || to - at > 9
                || to == end
                || chars[to] != '.' && chars[to] != ')'
                || to + 1 < end
                        && chars[to + 1] != ' '
                        && chars[to + 1] != '\t'
                        && chars[to + 1] != '\r'
                        && chars[to + 1] != '\n') {
            return at;
        }
        return to + 1;
    }

    /**
     * Whether the word at {@code chars[at]} (up to the first char that is no letter or digit) is
     * one a stand-in starts with; a word with a letter outside ASCII may be, as NFKC folds it.
     */
    private static boolean startsWithFirstWord(char[] chars, int at, int end) {
        int to = at;
        while (to < end && isLetterOrDigit(chars[to])) {
            if (chars[to] >= 128) {
                return true; // folded by NFKC before it is compared: let of() decide
            }
            to++;
        }
        for (String word : FIRST_WORDS) {
            if (word.length() == to - at && sameIgnoringAsciiCase(chars, at, word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #MARKS} holds {@code c}, without a search of it per char. */
    private static boolean isMark(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '-', '*', '_', '>', '+', '`', '|' -> true;
            default -> false;
        };
    }

    /** {@link Character#isLetterOrDigit(char)}, ASCII answered without its tables. */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Whether {@code chars} from {@code at} read {@code lower}, in either ASCII case. */
    private static boolean sameIgnoringAsciiCase(char[] chars, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = chars[at + i];
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stand-in a section's body holds, as written and trimmed (its HTML comments already
     * removed), or null when the body says something. A body of several lines is one when each of
     * its lines is ({@code TBD} twice, {@code - TODO} and {@code - TBD}); a line after a marker's
     * note that is not is text the note stands beside.
     */
    public static String of(String body) {
        String text = body.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.indexOf('[') >= 0) {
            return null; // a bracket: a placeholder ([TBD], the placeholder rules'), a box, a link
        }
        String words = Reviewers.words(text);
        if (words.isEmpty() ? onlyPunctuation(text) : WHOLE.contains(words)) {
            return text; // "...", "???", "—", "TBD", "*Coming soon*"
        }
        if (words.isEmpty()) {
            return null; // a symbol such as a tick is an answer: ✅, ✓
        }
        for (String line : text.split("\r\n?|\n")) {
            if (!line.isBlank() && !isStandInLine(line.strip())) {
                return null;
            }
        }
        return text;
    }

    /**
     * Whether one line of a body (not blank, trimmed) stands in for text: a whole stand-in, only
     * punctuation, only markers ({@code TODO, FIXME}), or a marker opening a note, also as a
     * numbered item ({@code 1. TBD}).
     */
    private static boolean isStandInLine(String line) {
        char[] chars = line.toCharArray();
        int marks = skipMarks(chars, 0, chars.length);
        int item = afterOrderedMarker(chars, marks, chars.length);
        String text = item > marks ? line.substring(item).strip() : line;
        String words = Reviewers.words(text);
        if (words.isEmpty()) {
            return onlyPunctuation(text); // "1." alone, "...", but not a tick
        }
        if (WHOLE.contains(words) || onlyMarkers(words)) {
            return true;
        }
        int at = 0;
        while (at < text.length() && !Character.isLetterOrDigit(text.charAt(at))) {
            if (text.charAt(at) == '`') {
                return false; // a marker in code is mentioned, not left: `TODO:` comments fail
            }
            at++; // list marker, quote, emphasis
        }
        for (String marker : MARKERS) {
            int end = at + marker.length();
            if (text.startsWith(marker, at) && opensNote(text, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code words} (lower case, one space apart) are all markers: "todo fixme". */
    private static boolean onlyMarkers(String words) {
        for (String word : words.split(" ")) {
            if (!isMarker(word.toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMarker(String word) {
        for (String marker : MARKERS) {
            if (marker.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text}, which holds no letter or digit, is only punctuation and ASCII marks
     * ({@code ...}, {@code ???}, {@code —}, an empty table's pipes), not a symbol outside ASCII
     * such as a tick or an emoji, which answers.
     */
    private static boolean onlyPunctuation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            switch (Character.getType(c)) {
                case Character.CONNECTOR_PUNCTUATION,
                        Character.DASH_PUNCTUATION,
                        Character.START_PUNCTUATION,
                        Character.END_PUNCTUATION,
                        Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION,
                        Character.OTHER_PUNCTUATION -> {}
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a marker ending at {@code end} stands alone or opens a note ("TODO: ..."). */
    private static boolean opensNote(String text, int end) {
        if (end + 1 < text.length()
                && (text.charAt(end) == '.' || text.charAt(end) == '-')
                && Character.isLetterOrDigit(text.charAt(end + 1))) {
            return false; // one word with the marker: TODO.md, XXX-Large
        }
        int at = end;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        if (at == text.length()) {
            return true;
        }
        int series = at;
        while (series < text.length() && " *_".indexOf(text.charAt(series)) >= 0) {
            series++; // past the marker's closing emphasis: **TODO**, **FIXME** and ...
        }
        if (series < text.length()
                && (text.charAt(series) == ',' || text.charAt(series) == '/')
                && namesATag(text, series + 1)) {
            return false; // a series of markers in a sentence: TODO, FIXME and XXX comments fail
        }
        return AFTER_MARKER.indexOf(text.charAt(at)) >= 0;
    }

    /**
     * Whether the first word from {@code at} (after spaces and emphasis) is a marker in any case,
     * or a code comment's tag written in upper case ({@code HACK}, {@code NOTE}, {@code BUG}): the
     * marker before it opens a series that a sentence is about, not a note to its reader.
     */
    private static boolean namesATag(String text, int at) {
        while (at < text.length() && " *_`".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        int to = at;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        String word = text.substring(at, to);
        return isMarker(word.toUpperCase(Locale.ROOT)) || CODE_TAGS.contains(word);
    }
}
