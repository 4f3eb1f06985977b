package dev.adjointgreeks.batch;

import java.util.Set;

import dev.adjointgreeks.engine.GreekCatalogue;
import dev.adjointgreeks.engine.Method;

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
 */
public record BatchOptions(Method method, Long paths, Long seed, Boolean antithetic, Boolean sobol, Set<String> greeks,
        boolean totals, boolean failFast, boolean ignoreUnknownColumns, long defaultPaths) {

    /** Default paths per trade: scenarios/demo.csv prices in well under 30 seconds on 2 cores. */
    public static final long DEFAULT_PATHS = 20_000;

    public BatchOptions {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        if (totals && method == Method.COMPARE) {
            throw new IllegalArgumentException("--totals needs a single method, not compare");
        }
        greeks = greeks == null ? null : Set.copyOf(greeks);
    }

    /** Every Greek, default settings. */
    public static BatchOptions of(Method method) {
        return new BatchOptions(method, null, null, null, null, null, false, false, false, DEFAULT_PATHS);
    }

    public BatchOptions withPaths(Long p) {
        return new BatchOptions(method, p, seed, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withSeed(Long s) {
        return new BatchOptions(method, paths, s, antithetic, sobol, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withVariance(Boolean anti, Boolean sob) {
        return new BatchOptions(method, paths, seed, anti, sob, greeks, totals, failFast, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withGreeks(Set<String> g) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, g, totals, failFast, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withTotals(boolean t) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, t, failFast, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withFailFast(boolean f) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, totals, f, ignoreUnknownColumns,
                defaultPaths);
    }

    public BatchOptions withIgnoreUnknownColumns(boolean i) {
        return new BatchOptions(method, paths, seed, antithetic, sobol, greeks, totals, failFast, i, defaultPaths);
    }

    /** Whether gammas, vanna and volga are computed. */
    public boolean secondOrder() {
        return GreekCatalogue.wantsSecondOrder(greeks);
    }
}
