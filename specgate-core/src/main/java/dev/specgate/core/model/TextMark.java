package dev.specgate.core.model;

/**
 * A literal token found in prose outside code, such as a {@code YYYY-MM-DD} left in, or a malformed
 * task box such as {@code - []}.
 *
 * @param text the token as written
 * @param range where it stands
 * @param sectionIndex index of the enclosing section
 */
public record TextMark(String text, SourceRange range, int sectionIndex) {}
