package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

/**
 * The cells of a GFM table row past its header's columns: Markdown drops them, so a reader of the
 * rendered spec never sees their text (and the inline rules never read it).
 *
 * @param range where the dropped cells' text stands on the row's line, trimmed
 * @param cells how many cells the row holds
 * @param columns how many cells the table's header holds, all a row shows
 * @param text the dropped cells' text as written, trimmed (a closing {@code |} left off)
 */
public record HiddenCells(SourceRange range, int cells, int columns, String text) {

    public HiddenCells {
        requireNonNull(range, "range must not be null");
        requireNonNull(text, "text must not be null");
    }
}
