package dev.specgate.core.input;

import dev.specgate.core.model.SourceRange;
import java.util.Optional;

/**
 * A file that cannot be read as a spec; the message says why in a few words, and {@link
 * #position()} where, when the cause is at one place of the text (a byte that is not UTF-8).
 */
public final class UnreadableSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Where the cause stands (0-based line and UTF-16 column), or null. */
    private final transient SourceRange position;

    public UnreadableSpecException(String message) {
        super(message);
        this.position = null;
    }

    public UnreadableSpecException(String message, Throwable cause) {
        super(message, cause);
        this.position = null;
    }

    /** A cause found at {@code position} of the text. */
    public UnreadableSpecException(String message, SourceRange position, Throwable cause) {
        super(message, cause);
        this.position = java.util.Objects.requireNonNull(position, "position must not be null");
    }

    /** Where in the text the cause stands, when it stands at one place. */
    public Optional<SourceRange> position() {
        return Optional.ofNullable(position);
    }

    /**
     * The reason with its place in front when it has one: {@code line 12, column 7: not UTF-8
     * (...)} (1-based), for a message that names the file itself.
     */
    public String reasonWithPlace() {
        return position == null
                ? getMessage()
                : "line "
                        + (position.startLine() + 1)
                        + ", column "
                        + (position.startColumn() + 1)
                        + ": "
                        + getMessage();
    }

    /**
     * The one line a surface says when it cannot read {@code shown} (the file as the surface writes
     * paths): {@code x.md:12:7: not UTF-8 (...)} (1-based line and column) when the cause has a
     * place, else {@code cannot read x.md: REASON}.
     */
    public String describe(String shown) {
        if (position == null) {
            return "cannot read " + shown + ": " + getMessage();
        }
        return shown
                + ":"
                + (position.startLine() + 1)
                + ":"
                + (position.startColumn() + 1)
                + ": "
                + getMessage();
    }
}
