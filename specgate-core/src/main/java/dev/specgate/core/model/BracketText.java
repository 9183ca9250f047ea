package dev.specgate.core.model;

/**
 * Bracketed prose that is not a link, a task box, a footnote or a reference: the form a template
 * placeholder takes ({@code [Time estimate]}); also braced prose ({@code {text}}, {@code
 * {{text}}}), which templates in those styles use. Never found inside code.
 *
 * @param text the text including its brackets, line breaks folded to spaces
 * @param range where it stands
 * @param sectionIndex index of the enclosing section
 * @param headingLevel the level of the heading it stands in, or 0 when it is not in a heading
 * @param wholeCell whether it is all that a cell of a GFM table holds ({@code | Risk | [low] |})
 */
public record BracketText(
        String text, SourceRange range, int sectionIndex, int headingLevel, boolean wholeCell) {

    /** The text between the brackets (or braces), trimmed. */
    public String inner() {
        return style().inner(text);
    }

    /**
     * Whether the text is a full or collapsed reference link ({@code [text][label]}, {@code
     * [text][]}) whose label has no definition: the parser reports those whole.
     */
    public boolean isReference() {
        int split = text.indexOf("][");
        return split > 0 && text.startsWith("[") && text.endsWith("]");
    }

    /** How the text is marked: {@code [text]}, {@code {text}} or {@code {{text}}}. */
    public PlaceholderStyle style() {
        return PlaceholderStyle.of(text).orElse(PlaceholderStyle.SQUARE);
    }
}
