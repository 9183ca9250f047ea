package dev.specgate.core.checklist;

import static java.util.Objects.requireNonNull;

import dev.specgate.core.model.ChecklistItem;

/**
 * A task-list item with its stable id, {@code <section-number>.<item-number>}: the number of the
 * heading it stands under (headings counted in document order from 1, the title not counted; 0 for
 * items above the first heading) and its position among that heading's items (from 1, nested items
 * included, in document order). Ticking or clearing boxes never changes an id.
 *
 * @param id the stable id, such as {@code 13.2}
 * @param sectionTitle the title of the heading it stands under, as written (without {@code #})
 * @param item the parsed item: box, text, position
 */
public record ChecklistEntry(String id, String sectionTitle, ChecklistItem item) {

    public ChecklistEntry {
        requireNonNull(id, "id must not be null");
        requireNonNull(sectionTitle, "sectionTitle must not be null");
        requireNonNull(item, "item must not be null");
    }

    /** The item's text after the box, without a leading task number equal to the id. */
    public String text() {
        String t = item.text();
        if (t.startsWith(id + " ")) {
            return t.substring(id.length() + 1).strip();
        }
        return t;
    }

    /** Whether the box is ticked. */
    public boolean checked() {
        return item.checked();
    }

    /** The 0-based line of the item. */
    public int line() {
        return item.line();
    }
}
