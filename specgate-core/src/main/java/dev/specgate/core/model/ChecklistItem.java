package dev.specgate.core.model;

import java.util.List;

/**
 * A task-list item: {@code - [ ] text} or {@code 1. [x] text}.
 *
 * @param checked whether the box is ticked ({@code [x]} or {@code [X]})
 * @param text the item's text after the box, lines joined with a space
 * @param depth nesting depth, 0 for a top-level list item
 * @param range from the list marker to the end of the item's first line
 * @param boxRange the three characters of the box, {@code [ ]}
 * @param sectionIndex index of the enclosing section
 * @param fields bold-labelled values written inside the item ({@code **Decision by:** date})
 */
public record ChecklistItem(
        boolean checked,
        String text,
        int depth,
        SourceRange range,
        SourceRange boxRange,
        int sectionIndex,
        List<Field> fields) {

    public ChecklistItem {
        fields = List.copyOf(fields);
    }

    /** The 0-based line of the item. */
    public int line() {
        return range.startLine();
    }
}
