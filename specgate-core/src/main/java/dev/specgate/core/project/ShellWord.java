package dev.specgate.core.project;

/**
 * A word of a command Specgate shows for the user to run (a ready move, a diff to review), written
 * so that a POSIX shell reads it back as it is: copied, the command works. The one rule is {@link
 * dev.specgate.core.diagnostic.ShellWord}, which rules' messages use too.
 */
public final class ShellWord {

    private ShellWord() {}

    /**
     * {@code word} as it is when it holds only letters, digits and {@code _./:@%+=,-}, else in
     * single quotes (a path with a space, {@code $}, {@code *} or a quote; a quote in it as {@code
     * '\''}).
     */
    public static String of(String word) {
        return dev.specgate.core.diagnostic.ShellWord.of(word);
    }
}
