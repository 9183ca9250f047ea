package dev.specgate.core.diagnostic;

import java.util.regex.Pattern;

/**
 * A word of a command Specgate shows for the user to run (a ready move, a diff to review, the
 * {@code approve} a finding asks for), written so that a POSIX shell reads it back as it is:
 * copied, the command works. Here, beside {@link Diagnostic}, so that a rule's message writes one
 * as the surfaces do: the command line, the reports and the language server use this class.
 */
public final class ShellWord {

    /** A word the shell reads as written: letters, digits and {@code _./:@%+=,-}. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_./:@%+=,-]+");

    private ShellWord() {}

    /**
     * {@code word} as it is when it holds only letters, digits and {@code _./:@%+=,-}, else in
     * single quotes (a path with a space, {@code $}, {@code *} or a quote; a quote in it as {@code
     * '\''}).
     */
    public static String of(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
