package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A fenced code block that no closing fence ends, as the block parser read it: it runs to the end
 * of the block that holds it (its list item or block quote) or, when nothing follows that, to the
 * end of the file, and everything on the way is code.
 *
 * @param opening where the opening fence's backticks or tildes stand, on its line
 * @param fence the opening fence as written ({@code ```}, {@code ~~~~}): a line of at least these
 *     characters, indented less than four spaces inside the same container, closes it
 * @param reach what it reads as code
 */
public record UnclosedFence(SourceRange opening, String fence, Reach reach) {

    /** How far an unclosed fence reads: to the end of its container or of the file. */
    public enum Reach {
        /** Nothing follows it in the file: the rest of the file is code. */
        FILE,
        /** It ends with the list item that holds it. */
        LIST_ITEM,
        /** It ends with the block quote that holds it. */
        BLOCK_QUOTE
    }

    public UnclosedFence {
        requireNonNull(opening, "opening must not be null");
        requireNonNull(fence, "fence must not be null");
        requireNonNull(reach, "reach must not be null");
    }
}
