package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What a spec must meet to move to a status: a list of conditions, all of which must hold.
 *
 * @param target the status the gate guards
 * @param conditions its conditions, in the order their reasons are listed
 */
public record StatusGate(SpecStatus target, List<GateCondition> conditions) {

    public StatusGate {
        requireNonNull(target, "target must not be null");
        conditions = List.copyOf(conditions);
    }

    /** Every reason the spec does not pass; empty when it does. */
    public List<GateReason> reasons(GateContext context) {
        List<GateReason> reasons = new ArrayList<>();
        for (GateCondition c : conditions) {
            reasons.addAll(c.reasons(context));
        }
        return reasons;
    }
}
