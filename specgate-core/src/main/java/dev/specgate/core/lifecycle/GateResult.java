package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Whether a status move may be made, and if not, every reason why.
 *
 * @param move the move asked for
 * @param reasons every reason it is refused, in gate order; empty when it may be made
 */
public record GateResult(StatusMove move, List<GateReason> reasons) {

    public GateResult {
        requireNonNull(move, "move must not be null");
        reasons = List.copyOf(reasons);
    }

    /** Whether the move may be made. */
    public boolean passed() {
        return reasons.isEmpty();
    }
}
