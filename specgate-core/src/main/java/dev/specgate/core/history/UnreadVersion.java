package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

/**
 * A commit whose version of a spec could not be read as a spec's text at all ({@link
 * SpecMoves#unreadVersions()}): not valid UTF-8, UTF-16 text, a binary file. History reads its
 * moves from the versions around it, so it says so instead of leaving the commit out in silence; a
 * spec none of whose versions could be read is committed all the same, not "in no commit".
 *
 * @param revision the commit and the spec's path in it
 * @param why why its text could not be read, as {@code check}'s {@code unreadable-file} says it
 *     ({@code line 3, column 30: not UTF-8 (byte 0xFC at offset 120); save the file as UTF-8})
 */
public record UnreadVersion(GitRevisions.Revision revision, String why) {

    public UnreadVersion {
        requireNonNull(revision, "revision must not be null");
        requireNonNull(why, "why must not be null");
    }
}
