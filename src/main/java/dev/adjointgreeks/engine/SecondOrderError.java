package dev.adjointgreeks.engine;

import dev.adjointgreeks.mc.MonteCarlo;
import dev.adjointgreeks.mc.MonteCarlo.Output;

/**
 * The reported value and standard error of a second-order Greek taken as a central difference of
 * adjoint gradients: the sampling error of the difference and an estimate of its bias.
 *
 * <p>The difference {@code D(h)} has bias {@code c h^2 + O(h^4)}. The same paths (common random
 * numbers) give {@code D(h/2)}, so the gap {@code G = D(h) - D(h/2)} estimates {@code 3/4 c h^2}:
 * the bias of {@code D(h)} is about {@code 4|G|/3}, that of {@code D(h/2)} about {@code |G|/3}, and
 * the Richardson value {@code R = (4 D(h/2) - D(h)) / 3} cancels the {@code h^2} term. {@code R}'s
 * remaining {@code O(h^4)} bias cannot be estimated from two step sizes; it is charged {@code |G|/3},
 * the bias of {@code D(h/2)} that it improves on (an upper bound while the expansion holds).
 *
 * <p>Bias and sampling error are combined in quadrature: the result is the root mean square error of
 * the estimator, {@code sqrt(bias^2 + variance)}, which is what a standard error is for an unbiased
 * one, and 4 of them still cover {@code |bias| + 2.8 sampling errors}. {@code |G|} is used as it is,
 * sampling noise included, so the bias term never hides a real bias behind noise (it overstates the
 * bias of noise-dominated Greeks instead). The reported value is whichever of {@code D(h)} and
 * {@code R} has the smaller expected squared error, the gap's square there taken less its sampling
 * variance (an unbiased estimate of the true gap squared): where the gap is noise, {@code D(h)}
 * stays, with its smaller sampling error. Every piece is a linear functional of per-path values
 * ({@link Plan}), so results stay bit-identical on any thread count and in every scenario.
 */
final class SecondOrderError {

    /** The name suffix of the hidden output {@code R}. */
    static final String RICHARDSON = "#richardson";
    /** The name suffix of the hidden output {@code G = D(h) - D(h/2)}. */
    static final String GAP = "#gap";
    /** A standard error below this times |value| is rounding, reported as 0. */
    static final double ROUNDING = 1e-12;

    private SecondOrderError() {
    }

    /**
     * A reported second-order Greek: {@code value}, its total {@code stderr}, the {@code bias}
     * estimate inside it, and whether the value is the Richardson combination.
     */
    record Estimate(double value, double stderr, double bias, boolean richardson) {
    }

    /** Adds the hidden outputs {@code R} and {@code G} of the Greek whose {@code D(h)} and {@code D(h/2)} are given. */
    static void addOutputs(Plan plan, Output coarse, Output fine) {
        plan.outputs.add(linear(coarse.name() + RICHARDSON, fine, 4.0 / 3.0, coarse, -1.0 / 3.0));
        plan.outputs.add(linear(coarse.name() + GAP, coarse, 1.0, fine, -1.0));
    }

    /** Whether {@code name} is an output with a bias estimate. */
    static boolean has(MonteCarlo.Result r, String name) {
        return r.indexOf(name + GAP) >= 0;
    }

    /** The estimate of the Greek output {@code name} of {@code r}. */
    static Estimate of(MonteCarlo.Result r, String name) {
        int i = r.indexOf(name);
        int ir = r.indexOf(name + RICHARDSON);
        int ig = r.indexOf(name + GAP);
        double gap = Math.abs(r.mean()[ig]);
        double coarseBias = 4.0 * gap / 3.0;
        double fineBias = gap / 3.0;
        double coarse = Math.hypot(r.stderr()[i], coarseBias);
        double fine = Math.hypot(r.stderr()[ir], fineBias);
        // the choice by the expected squared errors, with gap^2 - stderr(gap)^2 (unbiased for the
        // true gap squared), so that noise alone never swaps D(h) for the noisier R
        double gap2 = Math.max(0.0, gap * gap - r.stderr()[ig] * r.stderr()[ig]);
        double coarseMse = r.stderr()[i] * r.stderr()[i] + 16.0 / 9.0 * gap2;
        double fineMse = r.stderr()[ir] * r.stderr()[ir] + gap2 / 9.0;
        if (fineMse < coarseMse) {
            return new Estimate(r.mean()[ir], reported(fine, r.mean()[ir]), fineBias, true);
        }
        return new Estimate(r.mean()[i], reported(coarse, r.mean()[i]), coarseBias, false);
    }

    /** A standard error as reported: 0 when below {@link #ROUNDING} times |value| (exact to rounding). */
    static double reported(double stderr, double value) {
        return stderr < ROUNDING * Math.abs(value) ? 0.0 : stderr;
    }

    /** The output {@code wa a + wb b}. */
    static Output linear(String name, Output a, double wa, Output b, double wb) {
        int na = a.evaluator().length;
        int nb = b.evaluator().length;
        int[] e = new int[na + nb];
        int[] c = new int[na + nb];
        double[] w = new double[na + nb];
        for (int t = 0; t < na; t++) {
            e[t] = a.evaluator()[t];
            c[t] = a.component()[t];
            w[t] = wa * a.coefficient()[t];
        }
        for (int t = 0; t < nb; t++) {
            e[na + t] = b.evaluator()[t];
            c[na + t] = b.component()[t];
            w[na + t] = wb * b.coefficient()[t];
        }
        return new Output(name, e, c, w);
    }
}
