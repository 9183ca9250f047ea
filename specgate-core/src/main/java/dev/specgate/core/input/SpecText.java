package dev.specgate.core.input;

/**
 * A spec's text as read from disk, with what a byte-preserving edit needs to know.
 *
 * @param text the decoded text, without a byte order mark
 * @param hasBom whether the file starts with a UTF-8 byte order mark
 */
public record SpecText(String text, boolean hasBom) {}
