package dev.adjointgreeks.engine;

import java.util.Set;

import dev.adjointgreeks.mc.AdjointEvaluator.GradientErrors;

/**
 * Settings of a pricing run.
 *
 * @param paths          Monte Carlo paths per trade (a trade may override)
 * @param seed           run seed; each trade's seed derives from (seed, trade id) unless it has its own
 * @param threads        worker threads per trade (the batch command parallelises across trades instead)
 * @param secondOrder    also gamma (and cross gammas), vanna and volga
 * @param bumpSize       first-order bump: relative to {@code max(|x|, 0.01)} if {@code bumpRelative}, else absolute
 * @param central        central differences (else one-sided forward differences)
 * @param spotBump2      second order: relative spot bump
 * @param volBump2       second order: absolute vol bump
 * @param secondOrderMethod how the adjoint engine takes second-order Greeks (tangent-over-adjoint where smooth)
 * @param greeks         the Greeks to compute, by column or family ({@code delta} selects delta_1, delta_2, ...);
 *                       null: all. Second-order Greeks also need {@code secondOrder}.
 * @param hessianRows    also every other second derivative the engine has along the inputs that start a
 *                       second-order Greek ({@link HessianRows}): values for {@code --explain}, never a column
 */
public record RunSettings(long paths, long seed, int threads, boolean antithetic, boolean sobol, boolean secondOrder,
        double bumpSize, boolean bumpRelative, boolean central, double spotBump2, double volBump2,
        GradientErrors gradientErrors, Set<String> greeks, SecondOrderMethod secondOrderMethod,
        boolean hessianRows)
        implements java.io.Serializable {

    /** How the adjoint engine takes gamma, vanna and volga. */
    public enum SecondOrderMethod {
        /**
         * Tangent-over-adjoint (exact pathwise second derivatives, one sweep) where the trade's
         * estimator is smooth path by path, finite differences of adjoints with Richardson error
         * bars elsewhere.
         */
        AUTO,
        /** Finite differences of adjoints everywhere (the comparison). */
        DIFFERENCES
    }

    public RunSettings {
        greeks = greeks == null ? null : Set.copyOf(greeks);
    }

    public static final double DEFAULT_BUMP = 1e-4;
    public static final double DEFAULT_SPOT_BUMP_2 = 0.01;
    public static final double DEFAULT_VOL_BUMP_2 = 0.01;

    public static RunSettings defaults(long paths, long seed) {
        return new RunSettings(paths, seed, 1, false, false, true, DEFAULT_BUMP, true, true, DEFAULT_SPOT_BUMP_2,
                DEFAULT_VOL_BUMP_2, GradientErrors.AUTO, null, SecondOrderMethod.AUTO, false);
    }

    public RunSettings withThreads(int t) {
        return new RunSettings(paths, seed, t, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withPaths(long p) {
        return new RunSettings(p, seed, threads, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withSecondOrder(boolean s) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, s, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withVariance(boolean anti, boolean sob) {
        return new RunSettings(paths, seed, threads, anti, sob, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withGradientErrors(GradientErrors g) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, g, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withBump(double size, boolean relative, boolean centralDifferences) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, secondOrder, size, relative, centralDifferences,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, hessianRows);
    }

    public RunSettings withSecondOrderMethod(SecondOrderMethod m) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, m, hessianRows);
    }

    /** Only the Greeks {@code selection} names (columns or families; null: all), see {@link GreekCatalogue}. */
    public RunSettings withGreeks(Set<String> selection) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, selection, secondOrderMethod, hessianRows);
    }

    /** With the Hessian rows ({@link HessianRows}) as values beside the Greeks, or without. */
    public RunSettings withHessianRows(boolean rows) {
        return new RunSettings(paths, seed, threads, antithetic, sobol, secondOrder, bumpSize, bumpRelative, central,
                spotBump2, volBump2, gradientErrors, greeks, secondOrderMethod, rows);
    }

    /** The trade's Greeks these settings ask for. */
    public GreekCatalogue catalogue(dev.adjointgreeks.mc.PricingProblem problem) {
        return GreekCatalogue.of(problem, secondOrder).select(greeks);
    }

    /** The first-order bump for an input of value {@code x}. */
    public double bumpFor(double x) {
        return bumpRelative ? bumpSize * Math.max(Math.abs(x), 0.01) : bumpSize;
    }
}
