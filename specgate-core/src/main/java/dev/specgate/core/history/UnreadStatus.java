package dev.specgate.core.history;

import static java.util.Objects.requireNonNull;

/**
 * A commit at which a spec's status could not be read ({@link SpecMoves#unread()}): its status
 * field missing (written as a list item where the template wants a bold line, or not written at
 * all), empty, or holding a value that is no status. History cannot tell the moves to and from such
 * a commit, so it says so instead of passing them in silence.
 *
 * @param version the spec as that commit left it
 * @param why why its status could not be read ({@code no '**Document Status:**' field: line 12 '-
 *     Document Status: Draft' is a list item, ...})
 */
public record UnreadStatus(HistoryVersion version, String why) {

    public UnreadStatus {
        requireNonNull(version, "version must not be null");
        requireNonNull(why, "why must not be null");
    }
}
