package dev.specgate.core.parse.internal;

import org.commonmark.node.Paragraph;

/**
 * A paragraph of the one-pass parser's {@link SubsetBlockParser.Detail#MODEL} tree: it holds its
 * lines as offsets into the spec's chars ({@link TextLines}) and their marks itself, where the
 * {@code TREE} detail hangs a {@link RawLines} node under it for commonmark's readers.
 */
final class ModelParagraph extends Paragraph {

    final TextLines lines;
    private int marks;

    ModelParagraph(TextLines lines) {
        this.lines = lines;
    }

    /** Sets the marks of the lines, known when the paragraph closes. */
    void marks(int marks) {
        this.marks = marks;
    }

    /** The {@link InlineSyntax} marks of its lines (or more), as {@link RawLines#marks()}. */
    int marks() {
        return marks;
    }

    /** Its lines joined for the inline scan, or null when none has content. */
    InlineText inlineText() {
        return InlineText.of(lines, marks);
    }
}
