package dev.specgate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A task-list item: {@code - [ ] text} or {@code 1. [x] text}.
 *
 * <p>A value as the record it was: its components are read by the accessors below, and two items
 * are equal when they all are. An item the parser reads ({@link #read}) holds its text as a view of
 * the spec's text and makes it a {@code String} only when asked.
 */
public final class ChecklistItem {

    private final boolean checked;
    private final CharSequence textRead;
    private String text;
    private final int depth;
    private final SourceRange range;
    private final SourceRange boxRange;
    private final int sectionIndex;
    private final List<Field> fields;

    /**
     * @param checked whether the box is ticked ({@code [x]} or {@code [X]})
     * @param text the item's text after the box, lines joined with a space
     * @param depth nesting depth, 0 for a top-level list item
     * @param range from the list marker to the end of the item's first line
     * @param boxRange the three characters of the box, {@code [ ]}
     * @param sectionIndex index of the enclosing section
     * @param fields bold-labelled values written inside the item ({@code **Decision by:** date})
     */
    public ChecklistItem(
            boolean checked,
            String text,
            int depth,
            SourceRange range,
            SourceRange boxRange,
            int sectionIndex,
            List<Field> fields) {
        this(checked, (CharSequence) text, depth, range, boxRange, sectionIndex, fields);
    }

    private ChecklistItem(
            boolean checked,
            CharSequence text,
            int depth,
            SourceRange range,
            SourceRange boxRange,
            int sectionIndex,
            List<Field> fields) {
        this.checked = checked;
        this.textRead = text;
        this.text = text instanceof String s ? s : null;
        this.depth = depth;
        this.range = range;
        this.boxRange = boxRange;
        this.sectionIndex = sectionIndex;
        this.fields = List.copyOf(fields);
    }

    /**
     * As the constructor, with {@code text} a view of the spec's text, made a {@code String} on
     * first use: its chars must never change.
     */
    public static ChecklistItem read(
            boolean checked,
            CharSequence text,
            int depth,
            SourceRange range,
            SourceRange boxRange,
            int sectionIndex,
            List<Field> fields) {
        return new ChecklistItem(
                checked,
                Objects.requireNonNull(text, "text must not be null"),
                depth,
                range,
                boxRange,
                sectionIndex,
                fields);
    }

    /** Whether the box is ticked ({@code [x]} or {@code [X]}). */
    public boolean checked() {
        return checked;
    }

    /** The item's text after the box, lines joined with a space. */
    public String text() {
        String t = text;
        if (t == null && textRead != null) {
            // a String made of immutable chars: a race makes it twice at worst
            t = textRead.toString();
            text = t;
        }
        return t;
    }

    /**
     * Whether the item shows a reader no text after its box: its text is empty, blank, or only HTML
     * comments ({@code - [ ]}, {@code - [x] <!-- later -->}). Read from the chars as written,
     * without making the text a string.
     */
    public boolean showsNoText() {
        return showsNoText(textRead != null ? textRead : "", 0);
    }

    /**
     * Whether {@code text} from {@code from} on shows a reader nothing: it is blank or only HTML
     * comments.
     */
    public static boolean showsNoText(CharSequence text, int from) {
        CharSequence t = Objects.requireNonNull(text, "text must not be null");
        int n = t.length();
        int i = from;
        while (i < n) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '<' && startsWith(t, i, "<!--")) {
                int close = indexOf(t, i + 4, "-->");
                if (close < 0) {
                    return true; // an unclosed comment hides the rest, as rendered
                }
                i = close + 3;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(CharSequence t, int at, String s) {
        if (at + s.length() > t.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (t.charAt(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence t, int from, String s) {
        for (int i = from; i + s.length() <= t.length(); i++) {
            if (startsWith(t, i, s)) {
                return i;
            }
        }
        return -1;
    }

    /** Nesting depth, 0 for a top-level list item. */
    public int depth() {
        return depth;
    }

    /** From the list marker to the end of the item's first line. */
    public SourceRange range() {
        return range;
    }

    /** The three characters of the box, {@code [ ]}. */
    public SourceRange boxRange() {
        return boxRange;
    }

    /** Index of the enclosing section. */
    public int sectionIndex() {
        return sectionIndex;
    }

    /** Bold-labelled values written inside the item ({@code **Decision by:** date}). */
    public List<Field> fields() {
        return fields;
    }

    /** The 0-based line of the item. */
    public int line() {
        return range.startLine();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChecklistItem c
                && checked == c.checked
                && Objects.equals(text(), c.text())
                && depth == c.depth
                && Objects.equals(range, c.range)
                && Objects.equals(boxRange, c.boxRange)
                && sectionIndex == c.sectionIndex
                && fields.equals(c.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checked, text(), depth, range, boxRange, sectionIndex, fields);
    }

    @Override
    public String toString() {
        return "ChecklistItem[checked="
                + checked
                + ", text="
                + text()
                + ", depth="
                + depth
                + ", range="
                + range
                + ", boxRange="
                + boxRange
                + ", sectionIndex="
                + sectionIndex
                + ", fields="
                + fields
                + "]";
    }
}
