package dev.specgate.core.parse.internal;

/**
 * A block's inline content as {@link DocumentBuilder} reads it: a {@link RawLines} child
 * (commonmark's tree, and the one-pass parser's in {@link SubsetBlockParser.Detail#TREE}), or the
 * block itself when the one-pass parser built {@link SubsetBlockParser.Detail#MODEL} ({@link
 * ModelParagraph}, {@link ModelHeading}), which holds its lines as offsets into the spec's chars
 * instead of a node, a list, a slice and spans of commonmark's per block.
 */
interface InlineContent {

    /**
     * The {@link InlineSyntax} marks the lines' chars hold, or more, or {@link
     * RawLines#UNKNOWN_MARKS}.
     */
    int marks();

    /** The lines joined for the inline scan, or null when there are none with a position. */
    InlineText inlineText();
}
