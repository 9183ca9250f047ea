package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A change of status. Allowed: one step forward (one rank up: Draft to Review, Review to Approved,
 * Approved to Implementation; from any draft-like status to the first status that is not), back to
 * a draft-like status and to an exit (such as {@code rejected}) from any other status, including an
 * unknown one; and to a retirement ({@code deprecated}, {@code superseded by ADR-0009}) from any
 * earlier status that is not draft-like (accepted straight to superseded).
 *
 * @param from the current status, empty when the spec's status is missing, a placeholder or unknown
 * @param to the status to move to
 */
public record StatusMove(Optional<SpecStatus> from, SpecStatus to) {

    public StatusMove {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
    }

    /** Whether the lifecycle allows this move (its gate may still refuse it). */
    public boolean allowed() {
        if (stays()) {
            return false;
        }
        if (to.draft() || to.exit()) {
            return true;
        }
        if (from.isEmpty() || from.get().exit()) {
            return false;
        }
        int at = from.get().rank();
        return to.rank() == at + 1 || (to.retired() && at >= 1 && to.rank() > at);
    }

    /** Whether the spec is already at {@code to}: nothing to do. */
    public boolean stays() {
        return from.isPresent() && from.get().equals(to);
    }

    /**
     * {@code Draft -> Review}, each status as written ({@link SpecStatus#spelling()}); an unknown
     * status shows as {@code ?}.
     */
    @Override
    public String toString() {
        return from.map(SpecStatus::spelling).orElse("?") + " -> " + to.spelling();
    }
}
