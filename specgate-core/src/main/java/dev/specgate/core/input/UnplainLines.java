package dev.specgate.core.input;

/**
 * The lines of a spec's text that are not plain, as the one-pass block parser found them while it
 * read every line: a line that holds a char outside ASCII (its UTF-8 bytes outnumber its chars), or
 * whose last char is a space. Each is three ints: its index (lines counted from 0), where its chars
 * start and where they end (before the line feed). Noted only for a text whose lines all end with a
 * line feed alone (no carriage return) and that the parser read whole (no front matter, no tab, no
 * control char: it declines those); every other line of such a text is printable ASCII ended by a
 * line feed, so its bytes are its chars. The approval fingerprint ({@code approval.NormalisedHash})
 * finds the lines it changes in the file's bytes from these, instead of a pass over every byte; a
 * text parsed otherwise has none, and the fingerprint makes that pass.
 *
 * @param lines index, start and end of each such line, in line order, in the first {@code 3 *
 *     count} ints (the parser's array: read it, never change it)
 * @param count how many lines
 */
public record UnplainLines(int[] lines, int count) {

    public UnplainLines {
        if (count < 0 || 3L * count > lines.length) {
            throw new IllegalArgumentException(
                    count + " lines in an array of " + lines.length + " ints");
        }
    }

    /** The note of a text whose lines are all plain. */
    public static final UnplainLines NONE = new UnplainLines(new int[0], 0);
}
