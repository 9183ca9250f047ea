package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change of Document Status. Allowed: one step forward (Draft to Review, Review to Approved,
 * Approved to Implementation) and back to Draft from any other status, including an unknown one.
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
        if (from.isPresent() && from.get() == to) {
            return false;
        }
        return to == SpecStatus.DRAFT
                || (from.isPresent() && from.get().next().equals(Optional.of(to)));
    }

    /** Whether the spec is already at {@code to}: nothing to do. */
    public boolean stays() {
        return from.isPresent() && from.get() == to;
    }

    /** The moves open from a status: forward first, then back to Draft. */
    public static List<StatusMove> from(Optional<SpecStatus> current) {
        List<StatusMove> moves = new ArrayList<>();
        current.flatMap(SpecStatus::next).ifPresent(n -> moves.add(new StatusMove(current, n)));
        if (current.isEmpty() || current.get() != SpecStatus.DRAFT) {
            moves.add(new StatusMove(current, SpecStatus.DRAFT));
        }
        return moves;
    }

    /** {@code Draft -> Review}; an unknown status shows as {@code ?}. */
    @Override
    public String toString() {
        return from.map(SpecStatus::label).orElse("?") + " -> " + to.label();
    }
}
