package dev.specgate.core.parse.internal;

/** One line of a block's inline content and where it starts in the source (0-based). */
record RawLine(String content, int lineIndex, int columnIndex) {}
