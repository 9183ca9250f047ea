package dev.specgate.core.model;

/**
 * A link reference definition ({@code [label]: destination "title"}), wherever Markdown reads one:
 * at the top level, in a block quote or in a list item; never inside code.
 *
 * @param label the label as written, between the brackets
 * @param destination the destination as links that use the label resolve it (escapes and entities
 *     read, angle brackets removed)
 * @param destinationRange where the destination stands as written, inside its angle brackets when
 *     it has them (a destination is always on one line)
 */
public record LinkDefinition(String label, String destination, SourceRange destinationRange) {}
