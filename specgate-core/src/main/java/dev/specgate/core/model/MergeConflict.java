package dev.specgate.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A merge conflict git left in a file: a line of seven {@code <} and a label ({@code <<<<<<<
 * HEAD}), a later line of seven {@code =} alone, and a later line of seven {@code >} and a label
 * ({@code >>>>>>> feature/export}), each at the start of its line, as git writes them. Lines are
 * 0-based, in the text as read (front matter and code included).
 *
 * @param opening the {@code <<<<<<<} line
 * @param separator the {@code =======} line
 * @param closing the {@code >>>>>>>} line
 * @param ours the first word of the opening marker's label ({@code HEAD}), empty where it has none
 * @param theirs the first word of the closing marker's label ({@code feature/export}), empty where
 *     it has none
 */
public record MergeConflict(int opening, int separator, int closing, String ours, String theirs) {

    public MergeConflict {
        if (opening < 0 || separator <= opening || closing <= separator) {
            throw new IllegalArgumentException(
                    "lines "
                            + opening
                            + ", "
                            + separator
                            + ", "
                            + closing
                            + " must be 0 or more and in order");
        }
        requireNonNull(ours, "ours must not be null");
        requireNonNull(theirs, "theirs must not be null");
    }
}
