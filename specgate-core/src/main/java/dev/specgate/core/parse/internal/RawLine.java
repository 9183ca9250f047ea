package dev.specgate.core.parse.internal;

/**
 * One line of a block's inline content and where it starts in the source (0-based). The content is
 * a {@link CharSlice} of the spec when the one-pass block parser read it, else a string.
 */
record RawLine(CharSequence content, int lineIndex, int columnIndex) {}
