package dev.specgate.core.model;

/**
 * A heading and the part of the document it governs.
 *
 * @param index position of the heading among all headings of the document
 * @param level heading level, 1 to 6
 * @param title the heading text as written, without the {@code #} marks
 * @param range the heading line
 * @param parentIndex index of the nearest preceding heading of a lower level, or -1
 * @param hasBody whether the section has content of its own before the next heading (HTML comments
 *     and thematic breaks do not count)
 * @param hasSubsections whether deeper headings follow before the section ends
 * @param endLine 0-based line at which the section ends (exclusive)
 * @param headingIds the fragment ids of the document's headings, where this one's {@link #anchor()}
 *     is (at the section's index), worked out on first use
 * @param leading whether the heading is the document's first block (before it only blank lines,
 *     HTML comments, thematic breaks and link reference definitions): a document's title is taken
 *     only from such a heading when its template has no title of its own
 * @param lineOffset the offset in the spec's text (a {@link dev.specgate.core.input.SpecText}'s
 *     chars, without a BOM) at which the heading's first line begins; -1 when the parse did not say
 *     (a model built without its text)
 */
public record Section(
        int index,
        int level,
        String title,
        SourceRange range,
        int parentIndex,
        boolean hasBody,
        boolean hasSubsections,
        int endLine,
        HeadingIds headingIds,
        boolean leading,
        int lineOffset) {

    public Section {
        java.util.Objects.requireNonNull(headingIds, "headingIds must not be null");
    }

    /**
     * The heading's fragment id: its {@code {#id}} attribute, else GitHub's slug of its rendered
     * text, repeats numbered {@code -1}, {@code -2} as GitHub numbers them.
     */
    public String anchor() {
        return headingIds.section(index);
    }

    /** The first line of the heading, 0-based. */
    public int line() {
        return range.startLine();
    }

    /** This section with its heading's line {@code chars} further on in the text. */
    public Section movedBy(int chars) {
        return new Section(
                index,
                level,
                title,
                range,
                parentIndex,
                hasBody,
                hasSubsections,
                endLine,
                headingIds,
                leading,
                lineOffset + chars);
    }

    /** Whether the section has neither content of its own nor subsections. */
    public boolean isEmpty() {
        return !hasBody && !hasSubsections;
    }
}
