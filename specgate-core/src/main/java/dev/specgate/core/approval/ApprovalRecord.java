package dev.specgate.core.approval;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern VALUE =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2}) by (.+?), sha256:([0-9a-fA-F]{"
                            + ContentFingerprint.HASH_LENGTH
                            + "})");

    private static final Pattern SECTIONS =
            Pattern.compile("<!--\\s*sections:\\s*([A-Za-z0-9_-]*)\\s*-->");

    /** The shape a record's value must have, for messages. */
    public static final String SHAPE = "YYYY-MM-DD by NAME, sha256:<12 hex digits>";

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
     * Reads a field value, or empty when it is not a record of this shape.
     *
     * @param value the field's value (the parser leaves trailing HTML comments out of a bold line's
     *     value; a front matter value holds the section comment inside its quotes)
     * @param rest the rest of the field's line after the value, where the section comment stands
     */
    public static Optional<ApprovalRecord> parse(String value, String rest) {
        requireNonNull(rest, "rest must not be null");
        requireNonNull(value, "value must not be null");
        // a quoted front matter value is the text between its quotes, which close the rest: read
        // it as YAML does, so that a name written O''Brien comes back O'Brien
        if (rest.startsWith("'")) {
            value = value.replace("''", "'");
        } else if (rest.startsWith("\"")) {
            value = unescapeDoubleQuoted(value);
        }
        Matcher m = VALUE.matcher(value.trim());
        int comment = value.indexOf("<!--");
        if (!m.matches() && comment >= 0) {
            // a front matter value holds the section comment inside its quotes
            rest = value.substring(comment) + rest;
            m = VALUE.matcher(value.substring(0, comment).trim());
        }
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ApprovalRecord(
                            isoDate(m.group(1)),
                            m.group(2).trim(),
                            m.group(3).toLowerCase(java.util.Locale.ROOT),
                            sections(rest)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The text of a double-quoted YAML scalar from between its quotes: {@code \"} and {@code \\}
     * (and the other one-character escapes a name may hold) read as the character; any other escape
     * is kept as written.
     */
    private static String unescapeDoubleQuoted(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                String plain =
                        switch (next) {
                            case '"', '\\', '/', ' ' -> String.valueOf(next);
                            case 't' -> "\t";
                            default -> null;
                        };
                if (plain != null) {
                    sb.append(plain);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** {@code LocalDate.parse(yyyyMmDd)} for the four, two and two ASCII digits the value has. */
    private static LocalDate isoDate(String yyyyMmDd) {
        return LocalDate.of(
                Integer.parseInt(yyyyMmDd, 0, 4, 10),
                Integer.parseInt(yyyyMmDd, 5, 7, 10),
                Integer.parseInt(yyyyMmDd, 8, 10, 10));
    }

    private static String sections(String rest) {
        Matcher m = SECTIONS.matcher(rest);
        return m.find() ? m.group(1) : "";
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
