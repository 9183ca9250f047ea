package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An approval as a spec records it, the value of its approval field: {@code 2026-12-03 by Ana Ruiz,
 * sha256:3f2a9c1e7b04 <!-- sections: ... -->}. The HTML comment holds the section digests ({@link
 * ContentFingerprint#sectionCode()}) so that a stale approval can name what changed; a rendered
 * spec does not show it.
 *
 * @param date the day of the approval
 * @param by who approved
 * @param hash the {@link ContentFingerprint#hash()} approved
 * @param sectionCode the section digests approved; empty when the record has none (written by hand)
 */
public record ApprovalRecord(LocalDate date, String by, String hash, String sectionCode) {

    /** Where the name starts in a record's value: after {@code YYYY-MM-DD by }. */
    private static final int BY_AT = "YYYY-MM-DD by ".length();

    /** {@code , sha256:} and the hash's digits, which end a record's value. */
    private static final int HASH_TAIL = ", sha256:".length() + ContentFingerprint.HASH_LENGTH;

    /** What the HTML comment that holds a record's section digests starts with. */
    /**
     * Whether this record gives the status block a digest of its own, as {@code approve} records it
     * now ({@link ContentFingerprint#STATUS_BLOCK}); a record made before held the block in its
     * last section's digest.
     */
    public boolean recordsStatusBlock() {
        return ContentFingerprint.recordsStatusBlock(sectionCode);
    }

    static final String SECTIONS = "sections:";

    /** The shape a record's value must have, for messages. */
    public static final String SHAPE = "YYYY-MM-DD by NAME, sha256:<12 hex digits>";

    /** The characters of a section code ({@link #codeChar}), by their value. */
    private static final boolean[] CODE_CHARS = new boolean[128];

    static {
        for (char c = 0; c < CODE_CHARS.length; c++) {
            CODE_CHARS[c] =
                    (c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-';
        }
    }

    public ApprovalRecord {
        requireNonNull(date, "date must not be null");
        requireNonNull(by, "by must not be null");
        requireNonNull(hash, "hash must not be null");
        requireNonNull(sectionCode, "sectionCode must not be null");
        if (by.isBlank() || by.contains("\n") || by.contains("\r")) {
            throw new IllegalArgumentException("by '" + by + "' must be a name on one line");
        }
    }

    /** The record of approving {@code fingerprint} on {@code date} by {@code by}. */
    public static ApprovalRecord of(LocalDate date, String by, ContentFingerprint fingerprint) {
        return new ApprovalRecord(date, by.trim(), fingerprint.hash(), fingerprint.sectionCode());
    }

    /**
     * Reads a record from its field as the spec's parse gives it, or empty when the value is not a
     * record of this shape.
     *
     * @param value the field's value as read ({@link #parse}: a front matter value holds the
     *     section comment inside its quotes)
     * @param sectionsComment the inner text of the HTML comment after the value on its line that
     *     starts with {@code sections:}, as the document holds it (trimmed); empty when there is
     *     none
     */
    public static Optional<ApprovalRecord> read(String value, String sectionsComment) {
        requireNonNull(sectionsComment, "sectionsComment must not be null");
        return readCode(value, sectionsComment.startsWith(SECTIONS) ? sectionsComment : "");
    }

    /**
     * As {@link #read}, with {@code sectionsComment} known to start with {@code sections:}, or
     * empty ({@code Approvals} has found it so among the document's comments).
     */
    static Optional<ApprovalRecord> readCode(String value, String sectionsComment) {
        requireNonNull(value, "value must not be null");
        if (matches(value)) {
            // the record as Specgate writes it (a digit first, a hex digit last: nothing to trim):
            // read at once with the comment's code, not first made without it
            return of(value, sectionsComment.isEmpty() ? "" : codeAfterPrefix(sectionsComment));
        }
        Optional<ApprovalRecord> r = parse(value, "");
        if (r.isEmpty() || !r.get().sectionCode().isEmpty() || sectionsComment.isEmpty()) {
            return r;
        }
        String code = codeAfterPrefix(sectionsComment);
        return code.isEmpty()
                ? r
                : Optional.of(new ApprovalRecord(r.get().date, r.get().by, r.get().hash, code));
    }

    /**
     * The code of a comment's inner text that starts with {@code sections:}, as {@link #sections}
     * reads it from {@code <!-- sections: CODE -->}: white space around it, the code's characters
     * only.
     */
    private static String codeAfterPrefix(String comment) {
        int n = comment.length();
        int from = space(comment, SECTIONS.length());
        int to = from;
        while (to < n && codeChar(comment.charAt(to))) {
            to++;
        }
        return space(comment, to) == n ? comment.substring(from, to) : "";
    }

    /**
     * Reads a field value, or empty when it is not a record of this shape.
     *
     * @param value the field's value as read: a bold line's or list item's text (the parser leaves
     *     trailing HTML comments out of it), a front matter key's scalar as YAML reads it (quotes
     *     taken off and escapes read: {@link Approvals} takes it from the front matter's entry),
     *     which holds the section comment inside its quotes
     * @param rest the rest of the field's line after the value, where the section comment stands
     */
    public static Optional<ApprovalRecord> parse(String value, String rest) {
        requireNonNull(rest, "rest must not be null");
        requireNonNull(value, "value must not be null");
        String v = value.trim();
        if (!matches(v)) {
            int comment = value.indexOf("<!--");
            if (comment < 0) {
                return Optional.empty();
            }
            // a front matter value holds the section comment inside its quotes
            rest = value.substring(comment) + rest;
            v = value.substring(0, comment).trim();
            if (!matches(v)) {
                return Optional.empty();
            }
        }
        return of(v, sections(rest));
    }

    /**
     * The record of a whole value {@code v} ({@link #matches}) with section code {@code code}, or
     * empty when it names nobody ({@code by , sha256:...}) or its date is no day.
     */
    private static Optional<ApprovalRecord> of(String v, String code) {
        int n = v.length();
        // the name, trimmed as String.trim does
        int from = BY_AT;
        int to = n - HASH_TAIL;
        while (from < to && v.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && v.charAt(to - 1) <= ' ') {
            to--;
        }
        String by = v.substring(from, to);
        if (by.isBlank()) {
            return Optional.empty(); // "by  , sha256:..." names nobody: not a record
        }
        LocalDate date;
        try {
            // LocalDate.parse of the four, two and two ASCII digits matches found
            date = LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(
                new ApprovalRecord(
                        date,
                        by,
                        v.substring(n - ContentFingerprint.HASH_LENGTH)
                                .toLowerCase(java.util.Locale.ROOT),
                        code));
    }

    /** The number the ASCII digits {@code [from, to)} of {@code s} write. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = 10 * v + (s.charAt(i) - '0');
        }
        return v;
    }

    /**
     * Whether {@code v} is a whole record value, as the regular expression {@code
     * (\\d{4}-\\d{2}-\\d{2}) by (.+?), sha256:([0-9a-fA-F]{12})} matches it: ASCII {@code
     * dddd-dd-dd by }, a name of at least one character without a line terminator (the {@code .} of
     * a regular expression: LF, CR, U+0085, U+2028, U+2029), {@code , sha256:} and 12 hexadecimal
     * digits at the very end. Read by hand instead of with a {@code Matcher}: every approved spec's
     * check reads its record, and under C1 the expression's backtracking over the name cost more
     * than the rest of the reading ({@code ApprovalRecordPropertyTest} holds the two equal).
     */
    static boolean matches(String v) {
        int n = v.length();
        if (n < BY_AT + 1 + HASH_TAIL) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        if (!v.startsWith(" by ", 10) || !v.startsWith(", sha256:", n - HASH_TAIL)) {
            return false;
        }
        for (int i = n - ContentFingerprint.HASH_LENGTH; i < n; i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        for (int i = BY_AT; i < n - HASH_TAIL; i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    /**
     * The code of the first {@code <!-- sections: CODE -->} in {@code rest}, as the regular
     * expression {@code <!--\\s*sections:\\s*([A-Za-z0-9_-]*)\\s*-->} finds it, or empty: read by
     * hand for the same reason as {@link #matches}.
     */
    static String sections(String rest) {
        int n = rest.length();
        for (int open = rest.indexOf("<!--"); open >= 0; open = rest.indexOf("<!--", open + 1)) {
            int i = space(rest, open + 4);
            if (!rest.startsWith("sections:", i)) {
                continue;
            }
            int from = space(rest, i + "sections:".length());
            int to = from;
            while (to < n && codeChar(rest.charAt(to))) {
                to++;
            }
            if (rest.startsWith("-->", space(rest, to))) {
                return rest.substring(from, to);
            }
            // the code's greedy run took the closing "--" (which are code characters too)
            if (to - from >= 2 && rest.startsWith("-->", to - 2)) {
                return rest.substring(from, to - 2);
            }
        }
        return "";
    }

    /** Past the regular expressions' white space ({@code \\s}: space, tab, LF, VT, FF, CR). */
    private static int space(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && (c < '\t' || c > '\r')) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Whether {@code c} is one of the code's characters: {@code A-Z a-z 0-9 _ -}. From a table, a
     * method small enough for C1 to inline in the loops over a record's ~200 code characters.
     */
    private static boolean codeChar(char c) {
        return c < CODE_CHARS.length && CODE_CHARS[c];
    }

    /** The field value as written into the spec. */
    public String value() {
        return date
                + " by "
                + by
                + ", sha256:"
                + hash
                + (sectionCode.isEmpty() ? "" : " <!-- sections: " + sectionCode + " -->");
    }

    /** What people read: {@code 2026-12-03 by Ana Ruiz, sha256:3f2a9c1e7b04}. */
    public String summary() {
        return date + " by " + by + ", sha256:" + hash;
    }
}
