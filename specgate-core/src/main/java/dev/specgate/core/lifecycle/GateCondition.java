package dev.specgate.core.lifecycle;

import java.util.List;

/** One condition of a {@link StatusGate}. Implementations are stateless and thread-safe. */
public interface GateCondition {

    /** Every reason the spec does not meet the condition; empty when it does. */
    List<GateReason> reasons(GateContext context);
}
