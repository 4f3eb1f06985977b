package dev.adjointgreeks.batch;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import dev.adjointgreeks.scenario.shock.Shock;
import dev.adjointgreeks.scenario.shock.ShockPlan;

/**
 * Which underlyings named by a shocks file some trade of the run has: a shock that matches no trade
 * changes no row, so it is reported as a warning at the end of the run.
 */
final class ShockMatching {

    private final ShockPlan plan;
    private final Set<String> named = new HashSet<>();
    private final Set<String> matched = new HashSet<>();

    /** {@code plan}: the run's shocks, or null. */
    ShockMatching(ShockPlan plan) {
        this.plan = plan;
        if (plan != null) {
            named.addAll(plan.shocks().underlyings());
        }
    }

    /** A scheduled trade's underlying (null: none). */
    void see(String underlying) {
        if (underlying != null && named.contains(underlying)) {
            matched.add(underlying);
        }
    }

    void warnUnmatched(BatchSink sink) throws IOException {
        if (plan != null) {
            for (Shock sh : plan.shocks().unmatched(matched)) {
                sink.warning(sh.where() + ": underlying: matches no trade of the run (value '" + sh.underlying()
                        + "')");
            }
        }
    }
}
