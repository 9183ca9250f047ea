package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The one line that names the commits whose version could not be read, with why, that every
     * reader of a spec's history says ({@code history}, the dashboard's spec page and overview,
     * {@code site}, {@code serve}, {@code diff --since}): {@code 2 committed versions could not be
     * read: 3f2a1b0c9d8e, 9a8b7c6d5e4f (not valid UTF-8 ...)}, each cause once, after the commits
     * it holds for (in the order given, oldest first); {@code (none readable)} when {@code
     * noneRead}. Empty when {@code unread} is.
     */
    public static Optional<String> said(List<UnreadVersion> unread, boolean noneRead) {
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byCause = new LinkedHashMap<>();
        for (UnreadVersion u : unread) {
            byCause.computeIfAbsent(u.why(), k -> new ArrayList<>()).add(u.revision().shortId());
        }
        List<String> parts = new ArrayList<>(byCause.size());
        byCause.forEach((why, commits) -> parts.add(String.join(", ", commits) + " (" + why + ")"));
        int n = unread.size();
        return Optional.of(
                (n == 1 ? "1 committed version" : n + " committed versions")
                        + " could not be read"
                        + (noneRead ? " (none readable)" : "")
                        + ": "
                        + String.join("; ", parts));
    }
}
