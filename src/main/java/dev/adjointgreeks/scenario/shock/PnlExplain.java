package dev.adjointgreeks.scenario.shock;

import java.util.List;

/**
 * The P&amp;L a trade's Greeks predict for a market move: the second-order Taylor expansion of the
 * price in the moved inputs, with whatever second-order terms the trade has.
 *
 * <pre>
 *   explained = sum_i g_i dx_i + 1/2 sum_i H_ii dx_i^2 + sum_{i&lt;j} H_ij dx_i dx_j
 * </pre>
 *
 * For a European under spot, vol and rate shocks that is
 * {@code delta dS + 1/2 gamma dS^2 + vega dsigma + vanna dS dsigma + 1/2 volga dsigma^2 + rho dr}.
 * {@code g_i} are raw partial derivatives {@code dV/dx_i} (theta's reporting sign is the caller's
 * business), and {@code dx_i} is in the input's own units.
 */
public final class PnlExplain {

    /** A second-order sensitivity {@code d2V / dx_i dx_j}; a diagonal entry has {@code i == j}. */
    public record Hessian(int i, int j, double value) {
    }

    private PnlExplain() {
    }

    public static double explained(double[] dx, double[] gradient, List<Hessian> second) {
        if (dx.length != gradient.length) {
            throw new IllegalArgumentException(dx.length + " moves but " + gradient.length + " sensitivities");
        }
        double sum = 0.0;
        for (int i = 0; i < dx.length; i++) {
            if (dx[i] != 0.0) {
                sum += gradient[i] * dx[i];
            }
        }
        for (Hessian h : second) {
            double di = dx[h.i()];
            double dj = dx[h.j()];
            if (di != 0.0 && dj != 0.0) {
                sum += h.i() == h.j() ? 0.5 * h.value() * di * di : h.value() * di * dj;
            }
        }
        return sum;
    }
}
