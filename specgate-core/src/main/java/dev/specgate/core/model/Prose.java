package dev.specgate.core.model;

import java.util.Objects;

/**
 * A paragraph of prose: one that stands in a section itself or in a block quote there, not in a
 * list item, a table, code or HTML. Read only when a parser is asked to (a template with guidance
 * prose, {@code placeholder-guidance}).
 *
 * @param text the paragraph's Markdown as written (emphasis marks and punctuation kept), its
 *     container markers ({@code >}) and inline HTML comments left out, whitespace folded to single
 *     spaces and trimmed
 * @param range the paragraph's first line, from its first character to the end of that line
 * @param sectionIndex index of the section it stands in (among all headings), or -1 before the
 *     first heading
 */
public record Prose(String text, SourceRange range, int sectionIndex) {

    public Prose {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(range, "range must not be null");
    }
}
