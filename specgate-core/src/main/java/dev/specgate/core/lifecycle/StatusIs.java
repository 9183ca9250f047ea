package dev.specgate.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The spec currently has a given status. */
public final class StatusIs implements GateCondition {

    private final SpecStatus required;

    public StatusIs(SpecStatus required) {
        this.required = requireNonNull(required, "required must not be null");
    }

    @Override
    public List<GateReason> reasons(GateContext context) {
        if (context.status().filter(required::equals).isPresent()) {
            return List.of();
        }
        return List.of(
                GateReason.ofSpec(
                        "the spec must be "
                                + required.label()
                                + ", but "
                                + context.status()
                                        .map(s -> "it is " + s.label())
                                        .orElse("its status is missing or unknown")));
    }
}
