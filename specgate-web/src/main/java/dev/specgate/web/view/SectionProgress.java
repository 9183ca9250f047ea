package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Checklist progress of one section.
 *
 * @param title the section's heading as written
 * @param anchor the heading's fragment id on the spec page, or empty
 * @param items its task-list items in document order
 */
public record SectionProgress(String title, String anchor, List<ChecklistItemView> items) {

    public SectionProgress {
        requireNonNull(title, "title must not be null");
        requireNonNull(anchor, "anchor must not be null");
        items = List.copyOf(items);
    }

    public int checked() {
        return (int) items.stream().filter(ChecklistItemView::checked).count();
    }

    public int total() {
        return items.size();
    }

    /** Whole percent done, 0 for an empty section. */
    public int percent() {
        return SpecView.percent(checked(), total());
    }
}
