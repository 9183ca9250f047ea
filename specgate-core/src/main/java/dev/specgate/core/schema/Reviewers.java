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
        String words =
                NOT_A_WORD
                        .matcher(Normalizer.normalize(v, Normalizer.Form.NFKC))
                        .replaceAll(" ")
                        .trim()
                        .toLowerCase(Locale.ROOT);
        if (words.isEmpty()) {
            return false; // only punctuation or dashes: "-", "—", "..."
        }
        if (NOT_A_PERSON.contains(words)) {
            return false;
        }
        // a stand-in followed by more words ("TBD - Ana", "TBD later") still leaves it open
        String first = words.split(" ", 2)[0];
        return !(first.equals("tbd") || first.equals("tbc") || first.equals("tba"));
    }
}
