package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

/**
 * One task-list item.
 *
 * @param id a stable id within the spec ({@code <section>.<item>}), or empty when not known
 * @param text the item's text
 * @param checked whether it is ticked
 * @param line 1-based line
 */
public record ChecklistItemView(String id, String text, boolean checked, int line) {

    public ChecklistItemView {
        requireNonNull(id, "id must not be null");
        requireNonNull(text, "text must not be null");
    }
}
