package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.FieldForm;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a bold-line template's field written as a list item ({@code - Type: Bug Fix}),
 * which such a template does not read as a field: what {@code field-missing}, {@code status} and
 * {@code history} say of it.
 */
public final class ListedFields {

    private ListedFields() {}

    /** A list item's {@code Label: value}, its label bold or not: {@code - **Type:** Bug Fix}. */
    private static final Pattern LIST_ITEM_FIELD =
            Pattern.compile(
                    "^ {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]+(?:\\*\\*)?([^*:`\\[]{1,60}?)"
                            + "[ \\t]*(?::\\*\\*|\\*\\*[ \\t]*:|:)[ \\t]*(.*)$");

    /**
     * A field written as a list item where the template wants a bold line: where, and what it
     * holds. The sentence that names it ({@link #hint()}) is made only when asked for.
     *
     * @param line its 1-based line
     * @param item the list item as written, without surrounding spaces
     * @param label the template's label of the field
     * @param value the value written after the label, trimmed
     */
    public record Listed(int line, String item, String label, String value) {

        public Listed {
            requireNonNull(item, "item must not be null");
            requireNonNull(label, "label must not be null");
            requireNonNull(value, "value must not be null");
        }

        /**
         * What every surface says of it: {@code line 12 '- Type: Bug Fix' is a list item, which
         * this template does not read as a field (...): write '**Type:** Bug Fix' instead}.
         */
        public String hint() {
            return "line "
                    + line
                    + " '"
                    + item
                    + "' is a list item, which this template does not read as a field"
                    + " (its fields are '**Label:** value' lines of their own): write '**"
                    + label.trim()
                    + ":**"
                    + (value.isEmpty() ? "" : " " + value)
                    + "' instead";
        }
    }

    /**
     * The status field of {@code schema} written as a list item in {@code text}, where the template
     * wants a bold line: the one lookup behind what {@code status}, {@code approve} and {@code
     * history} say of a spec with no status field. Empty when the template writes its status
     * otherwise, or no such item stands outside code fences.
     */
    public static Optional<Listed> status(TemplateSchema schema, String text) {
        requireNonNull(schema, "schema must not be null");
        requireNonNull(text, "text must not be null");
        return schema.field(schema.statusField())
                .filter(f -> f.form() == FieldForm.BOLD_LINE)
                .flatMap(f -> find(text.split("\\R", -1), f.label()));
    }

    /** {@link #hint(String[], String)} of {@code text}, split into lines. */
    public static Optional<String> hint(String text, String label) {
        requireNonNull(text, "text must not be null");
        return hint(text.split("\\R", -1), label);
    }

    /**
     * What to say when a bold-line template's field {@code label} is written as a list item ({@code
     * line 12 '- Type: Bug Fix' is a list item, ...: write '**Type:** Bug Fix' instead}): the first
     * such item outside code fences, or empty.
     */
    public static Optional<String> hint(String[] lines, String label) {
        return find(lines, label).map(Listed::hint);
    }

    /** The first list item outside code fences that writes the field {@code label}, or empty. */
    public static Optional<Listed> find(String[] lines, String label) {
        requireNonNull(lines, "lines must not be null");
        requireNonNull(label, "label must not be null");
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        char fenceChar = 0;
        int fenceLength = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.stripLeading();
            int run = fenceRun(t);
            if (fenceChar != 0) {
                // CommonMark: only a run of the same char, at least as long, with nothing after it
                // but spaces, closes the fence ('```' inside a '````' block is its content)
                if (run >= fenceLength && t.charAt(0) == fenceChar && t.substring(run).isBlank()) {
                    fenceChar = 0;
                }
                continue;
            }
            if (run >= 3 && (t.charAt(0) == '~' || t.indexOf('`', run) < 0)) {
                fenceChar = t.charAt(0);
                fenceLength = run;
                continue;
            }
            Matcher m = LIST_ITEM_FIELD.matcher(line);
            if (!m.matches() || !m.group(1).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                continue;
            }
            return Optional.of(new Listed(i + 1, line.strip(), label, m.group(2).trim()));
        }
        return Optional.empty();
    }

    /** How many '`' or '~' open {@code t}: a fence's run when it is three or more. */
    private static int fenceRun(String t) {
        if (t.isEmpty() || (t.charAt(0) != '`' && t.charAt(0) != '~')) {
            return 0;
        }
        char c = t.charAt(0);
        int n = 1;
        while (n < t.length() && t.charAt(n) == c) {
            n++;
        }
        return n;
    }
}
