package dev.specgate.core.lifecycle;

import java.util.List;

/** One condition of a {@link StatusGate}. Implementations are stateless and thread-safe. */
public interface GateCondition {

    /** What the condition asks, for documentation and status reports. */
    String description();

    /** Every reason the spec does not meet the condition; empty when it does. */
    List<GateReason> reasons(GateContext context);
}
