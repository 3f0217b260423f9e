package org.bitext.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets how many tries a fuzz property runs: a short run by default (part of {@code mvn verify}), as
 * many as {@code -Dfuzz.tries=N} says for a long one. A fixed seed can be given with
 * {@code -Dfuzz.seed=…} to replay a run.
 */
public final class FuzzTries implements AroundPropertyHook {
    /** Tries per property when no -Dfuzz.tries is given. */
    static final int SHORT_RUN = 100;

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(Integer.getInteger("fuzz.tries", SHORT_RUN));
        String seed = System.getProperty("fuzz.seed");
        if (seed != null && !seed.isBlank()) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outermost: before the property starts generating
    }
}
