package dev.adjointgreeks.batch;

import java.util.Set;

import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.scenario.shock.ShockPlan;

/**
 * How a batch runs. The {@code Long}/{@code Boolean} settings are null where the caller did not
 * say: a JSON file's settings then apply, else the defaults. Set ones take precedence over files.
 *
 * @param method              adjoint, bump, analytic or compare
 * @param paths               paths per trade, or null (the file's, else {@link #defaultPaths})
 * @param seed                run seed, or null (the file's, else 1)
 * @param antithetic          antithetic variates, or null
 * @param sobol               randomised Sobol points, or null
 * @param greeks              only these Greeks (canonical names), or null for all
 * @param totals              quantity-weighted totals after the rows ({@code --totals})
 * @param failFast            stop at the first rejection
 * @param ignoreUnknownColumns skip unknown CSV columns and JSON trade keys instead of refusing the file
 * @param defaultPaths        paths per trade when neither the caller nor the file says
 * @param shocks              market scenarios to price every trade in besides its base ({@code --shocks}), or null
 */
public record BatchOptions(Method method, Long paths, Long seed, Boolean antithetic, Boolean sobol, Set<String> greeks,
        boolean totals, boolean failFast, boolean ignoreUnknownColumns, long defaultPaths, ShockPlan shocks) {

    public BatchOptions(Method method, Long paths, Long seed, Boolean antithetic, Boolean sobol, Set<String> greeks,
            boolean totals, boolean failFast, boolean ignoreUnknownColumns, long defaultPaths) {
        this(method, paths, seed, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns, defaultPaths, null);
    }

    /** Default paths per trade: scenarios/demo.csv prices in well under 30 seconds on 2 cores. */
    public static final long DEFAULT_PATHS = 20_000;

    public BatchOptions {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        if (totals && method == Method.COMPARE) {
            throw new IllegalArgumentException("--totals needs a single method, not compare");
        }
        if (shocks != null && method == Method.COMPARE) {
            throw new IllegalArgumentException("--shocks needs a single method (adjoint, bump or analytic), not compare");
        }
        greeks = greeks == null ? null : Set.copyOf(greeks);
    }

    /** Every Greek, default settings. */
    public static BatchOptions of(Method method) {
        return new BatchOptions(method, null, null, null, null, null, false, false, false, DEFAULT_PATHS);
    }

    public BatchOptions withPaths(Long p) {
        return new BatchOptions(method, p, seed, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withSeed(Long s) {
        return new BatchOptions(method, paths, s, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withVariance(Boolean anti, Boolean sob) {
        return new BatchOptions(method, paths, seed, anti, sob, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withGreeks(Set<String> g) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, g, totals, failFast, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withTotals(boolean t) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, t, failFast, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withFailFast(boolean f) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, totals, f, ignoreUnknownColumns,
                defaultPaths, shocks);
    }

    public BatchOptions withIgnoreUnknownColumns(boolean i) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, totals, failFast, i, defaultPaths, shocks);
    }

    /** Market scenarios ({@code --shocks}); null prices the base market only. */
    public BatchOptions withShocks(ShockPlan s) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths, s);
    }

    /** Whether gammas, vanna and volga are computed (always when they explain scenario P&amp;L). */
    public boolean secondOrder() {
        return (shocks != null && shocks.explain()) || GreekCatalogue.wantsSecondOrder(greeks);
    }
}
