package dev.specgate.core.model;

/**
 * An HTML comment ({@code <!-- ... -->}) found in the document.
 *
 * @param text the comment's inner text, trimmed
 * @param line the 0-based line where the comment starts
 */
public record HtmlComment(String text, int line) {}
