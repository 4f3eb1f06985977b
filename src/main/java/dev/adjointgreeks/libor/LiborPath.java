package dev.adjointgreeks.libor;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.PathModel;

/**
 * The LIBOR market model's path on any field: the setup (constructor) computes what does not
 * depend on the path, {@link #simulate} runs {@link LiborPrimal}'s recursion in the same variables
 * and order ({@code u_i = log(delta L_i)}: three tape nodes per rate and step), and the accessors
 * read the current path. The state is the accrued rate {@code y_i = delta L_i} (what the bonds and
 * the numeraire use). Branch-free on active values; not thread-safe (one instance per worker and tape).
 */
public final class LiborPath<T extends RealFieldElement<T>> implements PathModel.PathGenerator<T> {

    private final int n;
    private final int steps;
    private final T delta;
    private final T sqrtDelta;
    private final T zero;
    private final T[] u0;
    private final T[] lam;
    private final T[] c;
    private final T[] g;
    private final T[] u;
    /** {@code history[k][i]}: u_i = log(delta L_i) at date k (rates fixed before k keep their fixing). */
    private final T[][] history;
    /** y_i = exp(u_i) = delta L_i after the last step. */
    private final T[] y;
    private final T[] discount;
    private int discounted;
    private final T[] vFactors;
    private final T[] vTerms;
    private final T[] uFactors;
    private final T[] uTerms;

    /**
     * @param forwardRates L_0 .. L_{N-1} today
     * @param lambda       lambda_0 .. lambda_{N-1}
     * @param delta        the accrual
     * @param steps        steps of length delta to simulate (the swaptions' expiry)
     */
    public LiborPath(T[] forwardRates, T[] lambda, T delta, int steps) {
        this.n = forwardRates.length;
        if (steps < 1 || steps >= n) {
            throw new IllegalArgumentException("steps must lie in [1, " + (n - 1) + "] (value " + steps + ")");
        }
        var field = delta.getField();
        this.steps = steps;
        this.delta = delta;
        this.sqrtDelta = delta.sqrt();
        this.zero = Fn.constant(delta, 0.0);
        this.u0 = MathArrays.buildArray(field, n);
        this.lam = lambda.clone();
        this.c = MathArrays.buildArray(field, n);
        this.g = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            u0[i] = delta.multiply(forwardRates[i]).log();
        }
        // lambda_{N-1} is never used: a rate k+1 periods ahead has k <= N-2.
        for (int k = 0; k < n - 1; k++) {
            c[k] = delta.multiply(lam[k]);
            g[k] = lam[k].multiply(c[k]).multiply(-0.5);
        }
        this.u = MathArrays.buildArray(field, n);
        this.history = MathArrays.buildArray(field, steps + 1, n);
        System.arraycopy(u0, 0, history[0], 0, n);
        this.y = MathArrays.buildArray(field, n);
        this.discount = MathArrays.buildArray(field, steps + 1);
        T one = Fn.constant(delta, 1.0);
        this.vFactors = MathArrays.buildArray(field, 2);
        this.vTerms = MathArrays.buildArray(field, 2);
        vFactors[0] = one;
        this.uFactors = MathArrays.buildArray(field, 4);
        this.uTerms = MathArrays.buildArray(field, 4);
        uFactors[0] = one;
        uTerms[3] = one;
    }

    public int size() {
        return n;
    }

    public int steps() {
        return steps;
    }

    public T accrual() {
        return delta;
    }

    /** Simulates one path from its {@link #steps()} normals (field values: constants, or a block of paths). */
    @Override
    public void simulate(T[] z) {
        System.arraycopy(u0, 0, u, 0, n);
        for (int step = 0; step < steps; step++) {
            uTerms[2] = sqrtDelta.multiply(z[step]);
            T v = zero;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                T ui = u[i];
                // v += lam_k sigmoid(u_i); u_i += c_k v + lam_k sqez + g_k: one node each on the tape
                vFactors[1] = lam[k];
                vTerms[0] = v;
                vTerms[1] = Fn.sigmoid(ui);
                v = Fn.sumOfProducts(vFactors, vTerms, 2);
                uFactors[1] = c[k];
                uFactors[2] = lam[k];
                uFactors[3] = g[k];
                uTerms[0] = ui;
                uTerms[1] = v;
                u[i] = Fn.sumOfProducts(uFactors, uTerms, 4);
            }
            System.arraycopy(u, 0, history[step + 1], 0, n);
        }
        for (int j = 0; j < n; j++) {
            y[j] = u[j].exp();
        }
        discounted = 0;
    }

    /** {@code delta L_i} at date k = 0..steps of the current path (a rate fixed before k keeps its fixing). */
    public T accruedRate(int i, int k) {
        return k == steps ? y[i] : history[k][i].exp();
    }

    /** State variable {@code accrued_rate_(i+1)}: {@link #accruedRate(int, int)}. */
    @Override
    public T state(int variable, int k) {
        return accruedRate(variable, k);
    }

    @Override
    public T spot(int asset, int k) {
        throw new UnsupportedOperationException("the LIBOR market model has forward rates, not spots");
    }

    /**
     * The numeraire ratio {@code N(0)/N(T_k) = prod_{j<k} 1/(1 + delta L_j(T_j))} of the current
     * path, k = 0..steps: the discount factor of a cash flow at {@code T_k} under the spot measure.
     */
    @Override
    public T discountFactor(int k) {
        if (k == 0) {
            return Fn.constant(delta, 1.0);
        }
        while (discounted < k) {
            T denominator = y[discounted].add(1.0);
            discount[discounted + 1] = discounted == 0 ? denominator.reciprocal()
                    : discount[discounted].divide(denominator);
            discounted++;
        }
        return discount[k];
    }
}
