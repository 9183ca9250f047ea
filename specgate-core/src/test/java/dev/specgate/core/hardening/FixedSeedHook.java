package dev.specgate.core.hardening;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every jqwik property that names no seed of its own the run's {@link TestSeed}, so that the
 * build generates the same tries each time (jqwik itself draws a random seed per run and has no
 * setting for a default one). Registered for all properties through {@code
 * META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}; {@code -Dspecgate.fuzz.seed=random}
 * restores random seeds.
 */
public final class FixedSeedHook implements AroundPropertyHook {

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(
            PropertyLifecycleContext context, PropertyExecutor property) {
        if (context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(Long.toString(TestSeed.value()));
        }
        return property.execute();
    }
}
