package dev.specgate.core.schema;

import dev.specgate.core.model.Field;
import dev.specgate.core.model.FieldForm;
import dev.specgate.core.model.FieldValues;
import dev.specgate.core.model.FrontMatter;
import dev.specgate.core.model.SpecDocument;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /**
     * The spec's reviewer field ({@link TemplateSchema#reviewerField()}: {@code **Reviewer:**}, or
     * a team's {@code reviewers:}); empty when the template has none or the spec lacks it.
     */
    public static Optional<Field> field(SpecDocument document, TemplateSchema schema) {
        return schema.reviewerField().flatMap(f -> document.metadata(f.label()));
    }

    /**
     * What the reviewer field {@code f} holds, each value plain: the items of a front matter YAML
     * list ({@code reviewers: [Ana Ruiz, Tomasz Wójcik]}, or one {@code - Ana Ruiz} a line; none
     * for {@code []}), or of a front matter text split at its commas ({@code reviewers: Ana Ruiz,
     * Bo Chen} names two, as the list does) unless it is quoted ({@code "Ruiz, Ana"} is one), else
     * its one value (none when it is empty).
     */
    public static List<String> values(SpecDocument document, Field f) {
        if (f.form() == FieldForm.FRONT_MATTER && document.frontMatter().isPresent()) {
            for (FrontMatter.Entry e : document.frontMatter().get().entries()) {
                if (!e.field().labelRange().equals(f.labelRange())) {
                    continue;
                }
                if (e.scalar().isEmpty()) {
                    // a list, [] included: its items
                    return e.items().stream()
                            .map(FieldValues::plain)
                            .filter(v -> !v.isEmpty())
                            .toList();
                }
                if (e.quoted()) {
                    // "Ruiz, Ana" in quotes is one text, as labels: "[api, web]" is not a list
                    String v = FieldValues.plain(e.scalar().get());
                    return v.isEmpty() ? List.of() : List.of(v);
                }
                // a team's front matter writes several people on one line as a list's items
                return Arrays.stream(COMMA.split(FieldValues.plain(f.value())))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
            }
        }
        String v = FieldValues.plain(f.value());
        return v.isEmpty() ? List.of() : List.of(v);
    }

    /** What parts the names of a front matter text ({@code Ana Ruiz, Bo Chen}). */
    private static final Pattern COMMA = Pattern.compile(",");

    /** The people the spec's reviewer field names ({@link #namesAPerson}), in its order. */
    public static List<String> named(SpecDocument document, TemplateSchema schema) {
        return field(document, schema)
                .map(f -> values(document, f).stream().filter(Reviewers::namesAPerson).toList())
                .orElse(List.of());
    }

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
     * or digit folded to a space ({@link #NOT_A_WORD}), trimmed. An ASCII or Latin-1 value (nearly
     * every name), which NFKC leaves as it is, is folded by a scan (every Approved spec's Reviewer
     * is read).
     */
    static String words(String v) {
        if (!isLatinLetters(v)) {
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
            boolean word =
                    c >= 'a' && c <= 'z'
                            || c >= 'A' && c <= 'Z'
                            || c >= '0' && c <= '9'
                            || c >= LATIN_LETTERS; // isLatinLetters: a letter there
            if (!word) {
                gap = sb.length() > 0;
                continue;
            }
            if (gap) {
                sb.append(' ');
                gap = false;
            }
            boolean upper = c >= 'A' && c <= 'Z' || c >= LATIN_LETTERS && c <= '\u00DE';
            sb.append(upper ? (char) (c + ('a' - 'A')) : c);
        }
        return sb.toString();
    }

    /** The first of Latin-1's letters, U+00C0 to U+00FF but for U+00D7 and U+00F7. */
    private static final char LATIN_LETTERS = '\u00C0';

    /**
     * Whether {@code v} is ASCII or Latin-1's letters ({@code Zoë Müller}), which NFKC leaves as
     * they are (precomposed, with no compatibility form) and lower case as ASCII does, 32 on:
     * folded by {@link #words}' scan, without NFKC and a regular expression. Latin-1's signs and
     * compatibility characters (U+0080 to U+00BF: no-break space, {@code ²}, {@code ½}) and {@code
     * ×}, {@code ÷} are left to them.
     */
    private static boolean isLatinLetters(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 128 && (c < LATIN_LETTERS || c > '\u00FF' || c == '\u00D7' || c == '\u00F7')) {
                return false;
            }
        }
        return true;
    }
}
