package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import gg.jte.Content;

/**
 * One task-list item.
 *
 * @param id a stable id within the spec ({@code <section>.<item>}), or empty when not known
 * @param text the item's text, as written (Markdown)
 * @param textHtml the item's text rendered as the page body renders inline Markdown (code,
 *     emphasis, links; raw HTML escaped)
 * @param checked whether it is ticked
 * @param line 1-based line
 */
public record ChecklistItemView(
        String id, String text, String textHtml, boolean checked, int line) {

    public ChecklistItemView {
        requireNonNull(id, "id must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(textHtml, "textHtml must not be null");
    }

    /**
     * The rendered text as the page template writes it, as it is (it is HTML already): appended to
     * an output that takes characters (the pages' buffer, which shows control and bidirectional
     * characters as it shows the body's).
     */
    public Content html() {
        return output -> {
            if (output instanceof Appendable chars) {
                try {
                    chars.append(textHtml);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else {
                output.writeContent(textHtml);
            }
        };
    }
}
