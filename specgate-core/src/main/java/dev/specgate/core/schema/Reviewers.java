package dev.specgate.core.schema;

import dev.specgate.core.model.FieldValues;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a Reviewer value names a person. Stand-ins such as {@code TBD}, {@code n/a}, {@code ???},
 * {@code (tbd)}, {@code —} or {@code Unassigned} do not, however they are punctuated or cased, and
 * neither does a value that still asks a question ({@code Ana?}, {@code TBD - Ana?}).
 */
public final class Reviewers {

    /** Stand-ins, lower case, with punctuation and dashes already folded away. */
    private static final Set<String> NOT_A_PERSON =
            Set.of(
                    "tbd",
                    "tbc",
                    "tba",
                    "n a",
                    "na",
                    "none",
                    "todo",
                    "unknown",
                    "nobody",
                    "unassigned",
                    "not assigned",
                    "pending",
                    "team",
                    "the team",
                    "someone",
                    "anyone",
                    "to be decided",
                    "to be determined",
                    "to be confirmed",
                    "to be assigned");

    /** Anything that is not a letter or digit, runs of which fold to one space. */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Reviewers() {}

    /** Whether a Reviewer value names someone. */
    public static boolean namesAPerson(String value) {
        String v = FieldValues.plain(value);
        if (v.isEmpty() || Placeholders.isBracketed(v) || v.contains("?")) {
            return false;
        }
        String words = words(v);
        if (words.isEmpty()) {
            return false; // only punctuation or dashes: "-", "—", "..."
        }
        if (NOT_A_PERSON.contains(words)) {
            return false;
        }
        // a stand-in followed by more words ("TBD - Ana", "TBD later") still leaves it open
        int space = words.indexOf(' ');
        String first = space < 0 ? words : words.substring(0, space);
        return !(first.equals("tbd") || first.equals("tbc") || first.equals("tba"));
    }

    /**
     * The value's words, lower case, one space apart: NFKC, then each run of what is not a letter
     * or digit folded to a space ({@link #NOT_A_WORD}), trimmed. An ASCII value (nearly every
     * name), which NFKC leaves as it is, is folded by a scan (every Approved spec's Reviewer is
     * read).
     */
    static String words(String v) {
        if (!isAscii(v)) {
            return NOT_A_WORD
                    .matcher(Normalizer.normalize(v, Normalizer.Form.NFKC))
                    .replaceAll(" ")
                    .trim()
                    .toLowerCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(v.length());
        boolean gap = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!word) {
                gap = sb.length() > 0;
                continue;
            }
            if (gap) {
                sb.append(' ');
                gap = false;
            }
            sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    private static boolean isAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
