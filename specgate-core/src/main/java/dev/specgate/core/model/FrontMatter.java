package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A document's YAML front matter: the lines from a {@code ---} on the first line to the {@code ---}
 * or {@code ...} that closes it. Its top-level keys are also the document's {@link
 * FieldForm#FRONT_MATTER} fields.
 *
 * @param startLine the opening {@code ---} line (0)
 * @param endLine the closing line
 * @param entries its top-level keys in order
 */
public record FrontMatter(int startLine, int endLine, List<Entry> entries) {

    public FrontMatter {
        entries = List.copyOf(entries);
    }

    /**
     * One top-level key.
     *
     * @param field the key as a field (its value the source text of the YAML value)
     * @param items the values of a YAML list ({@code [a, b]} or one {@code - item} a line), else
     *     empty
     * @param date whether YAML reads the value as a date ({@code 2024-05-01}, unquoted)
     * @param markedOptional whether a YAML comment before it, or on its line, says "optional"
     * @param scalar the value as YAML reads it when it is a scalar (quotes taken off, escapes and
     *     {@code ''} read, lines folded), else empty
     * @param quoted whether that scalar is written in quotes ({@code "Ruiz, Ana"}): one text,
     *     whatever it holds
     */
    public record Entry(
            Field field,
            List<String> items,
            boolean date,
            boolean markedOptional,
            Optional<String> scalar,
            boolean quoted) {

        public Entry {
            items = List.copyOf(items);
            requireNonNull(scalar, "scalar must not be null");
        }

        /** A key whose value YAML reads as a plain scalar or as none. */
        public Entry(
                Field field,
                List<String> items,
                boolean date,
                boolean markedOptional,
                Optional<String> scalar) {
            this(field, items, date, markedOptional, scalar, false);
        }

        /** A key whose value YAML does not read as a scalar (a list, a mapping). */
        public Entry(Field field, List<String> items, boolean date, boolean markedOptional) {
            this(field, items, date, markedOptional, Optional.empty());
        }
    }
}
