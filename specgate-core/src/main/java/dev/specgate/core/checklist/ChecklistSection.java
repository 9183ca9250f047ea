package dev.specgate.core.checklist;

import java.util.List;

/**
 * The task-list items standing directly under one heading.
 *
 * @param number the heading's number (headings counted from 1 in document order, the title not
 *     counted; 0 for items above the first heading)
 * @param title the heading as written, without {@code #}
 * @param sectionIndex the heading's index in {@link
 *     dev.specgate.core.model.SpecDocument#sections()}, or -1 for items above the first heading
 * @param items its items in document order
 */
public record ChecklistSection(
        int number, String title, int sectionIndex, List<ChecklistEntry> items) {

    public ChecklistSection {
        items = List.copyOf(items);
    }

    /** How many items are ticked. */
    public int checked() {
        return (int) items.stream().filter(ChecklistEntry::checked).count();
    }

    /** How many items there are. */
    public int total() {
        return items.size();
    }
}
