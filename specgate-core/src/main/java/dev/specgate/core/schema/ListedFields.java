package dev.specgate.core.schema;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.FieldForm;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a bold-line template's field written as a list item ({@code - Type: Bug Fix}),
 * which such a template does not read as a field: what {@code field-missing}, {@code status} and
 * {@code history} say of it. A spec's lines are read once ({@link #of}), and each field asked of
 * that reading.
 */
public final class ListedFields {

    /**
     * A line's {@code Label: value}: a list item's ({@code - **Type:** Bug Fix}, {@code 1. Type:
     * Bug Fix}) or any other line's ({@code Spec: [x](x.md)}), its label bold, in emphasis or
     * neither; a second colon ({@code Type:: Bug Fix}) belongs to neither.
     */
    private static final Pattern LABEL_LINE =
            Pattern.compile(
                    "^ {0,3}((?:[-*+]|\\d{1,9}[.)])[ \\t]+)?(\\*\\*|__|\\*|_)?([^\\s*_:`\\[][^*:`\\[]{0,59}?)"
                            + "[ \\t]*(?:::?(\\*\\*|__|\\*|_)?|(\\*\\*|__|\\*|_)[ \\t]*::?)[ \\t]*(.*)$");

    /** Where a list item starts: its marker, then a space or tab. */
    private static final Pattern LIST_MARKER =
            Pattern.compile("^ {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t]");

    /**
     * Whether {@code line} opens a list item: its marker ({@code -}, {@code *}, {@code +} or {@code
     * 1.}, {@code 1)}) at most three spaces in, then a space or tab.
     */
    public static boolean opensListItem(String line) {
        return LIST_MARKER.matcher(line).lookingAt();
    }

    /**
     * A line's {@code Label: value} written outside a bold field line of its own ({@link
     * #labelLine}).
     *
     * @param listItem whether the line is a list item's ({@code - Type: Bug Fix})
     * @param label the label, trimmed
     * @param value what follows the colon, trimmed
     */
    public record LabelLine(boolean listItem, String label, String value) {}

    /**
     * The {@code Label: value} of {@code line} when it writes one other than as the bold field line
     * a bold-line template reads: as a list item, or with a plain or emphasised label; empty else,
     * and for a line that is not a list item's and writes its label bold ({@code **Spec:** x}):
     * that is the field line itself, which, when it is not read as one, stands where no field is
     * read (inside a list item), not in the wrong form. The one reading {@code field-missing} and
     * {@code task-spec-reference} name such a line by.
     */
    public static Optional<LabelLine> labelLine(String line) {
        requireNonNull(line, "line must not be null");
        Matcher m = LABEL_LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean listItem = m.group(1) != null;
        String close = m.group(4) != null ? m.group(4) : m.group(5);
        if (!listItem && "**".equals(m.group(2)) && "**".equals(close)) {
            return Optional.empty();
        }
        return Optional.of(new LabelLine(listItem, m.group(3).trim(), m.group(6).trim()));
    }

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
                .flatMap(f -> of(text).find(f.label()));
    }

    private final String[] lines;

    /** For each label (lower case), the line of the first list item that writes it. */
    private final Map<String, Integer> firstItem;

    private ListedFields(String[] lines, Map<String, Integer> firstItem) {
        this.lines = lines;
        this.firstItem = firstItem;
    }

    /** {@link #of(String[])} of {@code text}, split into lines. */
    public static ListedFields of(String text) {
        requireNonNull(text, "text must not be null");
        return of(text.split("\\R", -1));
    }

    /** The fields {@code lines} write as list items outside code fences, read in one pass. */
    public static ListedFields of(String[] lines) {
        requireNonNull(lines, "lines must not be null");
        Map<String, Integer> first = new HashMap<>();
        char fenceChar = 0;
        int fenceLength = 0;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].stripLeading();
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
            if (!opensListItem(lines[i])) {
                continue; // only list items are kept: no regex for any other line
            }
            Optional<LabelLine> l = labelLine(lines[i]);
            if (l.isPresent() && l.get().listItem()) {
                first.putIfAbsent(l.get().label().toLowerCase(Locale.ROOT), i);
            }
        }
        return new ListedFields(lines, first);
    }

    /**
     * What to say when a bold-line template's field {@code label} is written as a list item ({@code
     * line 12 '- Type: Bug Fix' is a list item, ...: write '**Type:** Bug Fix' instead}): the first
     * such item outside code fences, or empty.
     */
    public Optional<String> hint(String label) {
        return find(label).map(Listed::hint);
    }

    /** The first list item outside code fences that writes the field {@code label}, or empty. */
    public Optional<Listed> find(String label) {
        requireNonNull(label, "label must not be null");
        Integer i = firstItem.get(label.trim().toLowerCase(Locale.ROOT));
        if (i == null) {
            return Optional.empty();
        }
        String line = lines[i];
        return Optional.of(
                new Listed(i + 1, line.strip(), label, labelLine(line).orElseThrow().value()));
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
