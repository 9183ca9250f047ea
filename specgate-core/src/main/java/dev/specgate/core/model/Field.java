package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * A labelled value: {@code **Type:** Bug Fix}, a leading list's {@code - Start Date: 2024-05-01},
 * or a front matter key's {@code status: accepted}. Metadata fields stand on lines of their own
 * outside lists (or in the document's leading metadata list, or its front matter); labelled list
 * fields stand in list items ({@code - **Primary Cause:** ...}).
 *
 * <p>A value as the record it was: its components are read by the accessors below, and two fields
 * are equal when they all are. A field the parser reads ({@link #read}) holds the chars of its line
 * and where its label and value stand in them, and makes each a {@code String} only when asked: a
 * check reads the values of a few metadata fields, not of the many labelled list items.
 */
public final class Field {

    /**
     * A read field's chars (never changed): its label is {@code [nameFrom, nameTo)} of them, its
     * value as many chars from {@code valueFrom} as its value range is long. Null for a field made
     * of strings.
     */
    private final char[] chars;

    private final int nameFrom;
    private final int nameTo;
    private final int valueFrom;
    private String label;
    private String value;

    // a read field's ranges, on one line, made on first use from the line and columns below
    private SourceRange labelRange;
    private SourceRange valueRange;
    private final int line;
    private final int labelStart;
    private final int labelEnd;
    private final int valueStart;
    private final int valueEnd;

    private final int sectionIndex;
    private final boolean inListItem;
    private final FieldForm form;

    /**
     * @param label the label without the bold marks and colon
     * @param value the text after the label, trimmed, exactly as the source holds it at {@code
     *     valueRange} (for a quoted YAML value, the text inside the quotes); may be empty
     * @param labelRange where the label stands
     * @param valueRange where the value stands (empty range right after the label when there is no
     *     value)
     * @param sectionIndex index of the enclosing section, or -1 before the first heading
     * @param inListItem whether the field is written inside a list item (the leading metadata
     *     list's items are metadata, not list fields)
     * @param form how the field is written
     */
    public Field(
            String label,
            String value,
            SourceRange labelRange,
            SourceRange valueRange,
            int sectionIndex,
            boolean inListItem,
            FieldForm form) {
        this(null, 0, 0, 0, -1, 0, 0, 0, 0, sectionIndex, inListItem, form);
        this.label = label;
        this.value = value;
        this.labelRange = labelRange;
        this.valueRange = valueRange;
    }

    /** A bold-labelled field ({@link FieldForm#BOLD_LINE}). */
    public Field(
            String label,
            String value,
            SourceRange labelRange,
            SourceRange valueRange,
            int sectionIndex,
            boolean inListItem) {
        this(label, value, labelRange, valueRange, sectionIndex, inListItem, FieldForm.BOLD_LINE);
    }

    private Field(
            char[] chars,
            int nameFrom,
            int nameTo,
            int valueFrom,
            int line,
            int labelStart,
            int labelEnd,
            int valueStart,
            int valueEnd,
            int sectionIndex,
            boolean inListItem,
            FieldForm form) {
        this.chars = chars;
        this.nameFrom = nameFrom;
        this.nameTo = nameTo;
        this.valueFrom = valueFrom;
        this.line = line;
        this.labelStart = labelStart;
        this.labelEnd = labelEnd;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
        this.sectionIndex = sectionIndex;
        this.inListItem = inListItem;
        this.form = requireNonNull(form, "form must not be null");
    }

    /**
     * A bold-labelled field ({@link FieldForm#BOLD_LINE}) on source line {@code line}, read from
     * {@code chars}, which must never change: its label (trimmed) is {@code [nameFrom, nameTo)} of
     * them and its value starts at {@code valueFrom}; each is made a {@code String} on first use.
     * The label stands at columns {@code [labelStart, labelEnd)} of the line and the value at
     * {@code [valueStart, valueEnd)}, ranges made on first use too.
     */
    public static Field read(
            char[] chars,
            int nameFrom,
            int nameTo,
            int valueFrom,
            int line,
            int labelStart,
            int labelEnd,
            int valueStart,
            int valueEnd,
            int sectionIndex,
            boolean inListItem) {
        if (line < 0 || labelStart < 0 || labelEnd < labelStart || valueStart < 0) {
            throw new IllegalArgumentException(
                    "label at " + line + ":" + labelStart + "-" + labelEnd + " is no range");
        }
        if (valueEnd < valueStart) {
            throw new IllegalArgumentException(
                    "value at " + line + ":" + valueStart + "-" + valueEnd + " is no range");
        }
        if (nameFrom < 0
                || nameTo < nameFrom
                || valueFrom < 0
                || nameTo > chars.length
                || valueFrom + (valueEnd - valueStart) > chars.length) {
            throw new IllegalArgumentException(
                    "label or value out of the " + chars.length + " chars read");
        }
        return new Field(
                chars,
                nameFrom,
                nameTo,
                valueFrom,
                line,
                labelStart,
                labelEnd,
                valueStart,
                valueEnd,
                sectionIndex,
                inListItem,
                FieldForm.BOLD_LINE);
    }

    /** The label without the bold marks and colon. */
    public String label() {
        String l = label;
        if (l == null && chars != null) {
            // a String made of immutable chars: a race makes it twice at worst
            l = new String(chars, nameFrom, nameTo - nameFrom);
            label = l;
        }
        return l;
    }

    /**
     * The text after the label, trimmed, exactly as the source holds it at {@link #valueRange} (for
     * a quoted YAML value, the text inside the quotes); may be empty.
     */
    public String value() {
        String v = value;
        if (v == null && chars != null) {
            v = new String(chars, valueFrom, valueEnd - valueStart);
            value = v;
        }
        return v;
    }

    /** Where the label stands. */
    public SourceRange labelRange() {
        SourceRange r = labelRange;
        if (r == null && line >= 0) {
            r = SourceRange.ofLine(line, labelStart, labelEnd); // immutable: safe to race
            labelRange = r;
        }
        return r;
    }

    /** Where the value stands (empty range right after the label when there is no value). */
    public SourceRange valueRange() {
        SourceRange r = valueRange;
        if (r == null && line >= 0) {
            r = SourceRange.ofLine(line, valueStart, valueEnd);
            valueRange = r;
        }
        return r;
    }

    /** Index of the enclosing section, or -1 before the first heading. */
    public int sectionIndex() {
        return sectionIndex;
    }

    /**
     * Whether the field is written inside a list item (the leading metadata list's items are
     * metadata, not list fields).
     */
    public boolean inListItem() {
        return inListItem;
    }

    /** How the field is written. */
    public FieldForm form() {
        return form;
    }

    /**
     * Whether the label names a deadline ({@link FieldValues#isDeadlineLabel}): a read field's
     * label read in place, so that the labels of a spec's checklist items, which two rules ask this
     * of, are never made strings.
     */
    public boolean namesDeadline() {
        if (chars != null) {
            return FieldValues.isDeadlineLabel(chars, nameFrom, nameTo);
        }
        return FieldValues.isDeadlineLabel(label);
    }

    /** Whether the label equals {@code name}, ignoring case and surrounding space. */
    public boolean hasLabel(String name) {
        if (label == null && chars != null) {
            // a label read from the text, trimmed, not made a String yet: most fields' labels
            // differ from a name in length, and a few ASCII ones are compared in place
            int length = nameTo - nameFrom;
            int n = name.length();
            if (n == length) {
                // a name as long, with space at an end, differs from the trimmed label where
                // that space is (no char folds to one), as its trimmed self is shorter
                return sameAsciiIgnoringCase(name);
            }
            if (n < length || !padded(name)) {
                return false; // trimmed, a name is no longer: no shorter name can be the label
            }
        }
        return sameLabel(label(), name);
    }

    /**
     * {@link String#equalsIgnoreCase} of the label and {@code name}, of the same length, compared
     * in place while both are ASCII; any other char is left to the label's {@code String}.
     */
    private boolean sameAsciiIgnoringCase(String name) {
        char[] l = chars;
        for (int i = 0; i < name.length(); i++) {
            char a = l[nameFrom + i];
            char b = name.charAt(i);
            if (a >= 128 || b >= 128) {
                return label().equalsIgnoreCase(name);
            }
            if (a != b && lowerAscii(a) != lowerAscii(b)) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * Whether two labels are equal, ignoring case and surrounding space: {@link #hasLabel} of a
     * field labelled {@code l}. An equivalence (case is compared as {@link String#equalsIgnoreCase}
     * does, one folding per character), so that a label's answer for one label stands for every
     * label equal to it.
     */
    public static boolean sameLabel(String l, String name) {
        if (!padded(l) && !padded(name)) {
            // labels are nearly always written without surrounding space: no trimming
            return l.length() == name.length() && l.equalsIgnoreCase(name);
        }
        return l.trim().equalsIgnoreCase(name.trim());
    }

    /** Whether {@link String#trim()} would cut something from {@code s}. */
    private static boolean padded(String s) {
        int n = s.length();
        return n > 0 && (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f
                && Objects.equals(label(), f.label())
                && Objects.equals(value(), f.value())
                && Objects.equals(labelRange(), f.labelRange())
                && Objects.equals(valueRange(), f.valueRange())
                && sectionIndex == f.sectionIndex
                && inListItem == f.inListItem
                && form == f.form;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                label(), value(), labelRange(), valueRange(), sectionIndex, inListItem, form);
    }

    @Override
    public String toString() {
        return "Field[label="
                + label()
                + ", value="
                + value()
                + ", labelRange="
                + labelRange()
                + ", valueRange="
                + valueRange()
                + ", sectionIndex="
                + sectionIndex
                + ", inListItem="
                + inListItem
                + ", form="
                + form
                + "]";
    }
}
