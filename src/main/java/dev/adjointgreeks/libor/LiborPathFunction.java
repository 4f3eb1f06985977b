package dev.adjointgreeks.libor;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * The swaption portfolio's discounted payoff on one path, written once for every field: on the
 * adjoint scalar one backward sweep per path gives all {@code 2N + 1} sensitivities; on
 * {@code Dual} and {@code DerivativeStructure} it is forward mode; on {@code Decimal64} the plain
 * value. The recursion and the order of operations are {@link LiborPrimal}'s.
 *
 * <p>Branch-free on active values: the only choice, each swaption's {@code max(., 0)}, goes through
 * {@link Fn#max(RealFieldElement, double)}. The setup (constructor) computes what does not depend
 * on the path: {@code y_i = delta L_i} today, {@code c_k = delta lambda_k}, {@code g_k = -0.5 lambda_k c_k}
 * and {@code sqrt(delta)}.
 * Not thread-safe (scratch arrays); one instance per worker and tape.
 */
public final class LiborPathFunction<T extends RealFieldElement<T>> {

    private final int n;
    private final int expiry;
    private final T delta;
    private final T sqrtDelta;
    private final T zero;
    private final T[] y0;
    private final T[] lam;
    private final T[] c;
    private final T[] g;
    private final int[] last;
    private final double[] strikes;
    private final double notional;
    private final T[] y;
    private final T[] b;
    private final T[] s;
    private final T[] normals;
    private final T[] vFactors;
    private final T[] vTerms;
    private final T[] expFactors;
    private final T[] expTerms;

    /**
     * The per-trade setup.
     *
     * @param inputs {@code forward_rate_1..N, lambda_1..N, accrual} ({@link LiborMarket#inputValues()} order)
     */
    public LiborPathFunction(int n, SwaptionPortfolio portfolio, T[] inputs) {
        if (inputs.length != 2 * n + 1) {
            throw new IllegalArgumentException("expected " + (2 * n + 1) + " inputs, got " + inputs.length);
        }
        var field = inputs[0].getField();
        this.n = n;
        this.expiry = portfolio.expiry();
        this.delta = inputs[2 * n];
        this.sqrtDelta = delta.sqrt();
        this.zero = Fn.constant(delta, 0.0);
        this.y0 = MathArrays.buildArray(field, n);
        this.lam = MathArrays.buildArray(field, n);
        this.c = MathArrays.buildArray(field, n);
        this.g = MathArrays.buildArray(field, n);
        System.arraycopy(inputs, n, lam, 0, n);
        for (int i = 0; i < n; i++) {
            y0[i] = delta.multiply(inputs[i]);
        }
        // lambda_{N-1} is never used: a rate k+1 periods ahead has k <= N-2.
        for (int k = 0; k < n - 1; k++) {
            c[k] = delta.multiply(lam[k]);
            g[k] = lam[k].multiply(c[k]).multiply(-0.5);
        }
        this.last = new int[portfolio.count()];
        for (int k = 0; k < last.length; k++) {
            last[k] = portfolio.lastRate(k);
        }
        this.strikes = portfolio.strikes();
        this.notional = portfolio.notional();
        this.y = MathArrays.buildArray(field, n);
        this.b = MathArrays.buildArray(field, n);
        this.s = MathArrays.buildArray(field, n);
        this.normals = MathArrays.buildArray(field, expiry);
        T one = Fn.constant(delta, 1.0);
        this.vFactors = MathArrays.buildArray(field, 2);
        this.vTerms = MathArrays.buildArray(field, 2);
        vFactors[0] = one;
        this.expFactors = MathArrays.buildArray(field, 3);
        this.expTerms = MathArrays.buildArray(field, 3);
        expTerms[2] = one;
    }

    /** As {@link #discountedPayoff(RealFieldElement[])} with one path's normals as passive constants. */
    public T discountedPayoff(double[] z) {
        for (int step = 0; step < expiry; step++) {
            normals[step] = Fn.constant(zero, z[step]);
        }
        return discountedPayoff(normals);
    }

    /**
     * The discounted portfolio payoff of the path with normals {@code z[0 .. expiry-1]}: field
     * values, passive constants for one path or a block of paths on a block scalar.
     */
    public T discountedPayoff(T[] z) {
        System.arraycopy(y0, 0, y, 0, n);
        for (int step = 0; step < expiry; step++) {
            T sqez = sqrtDelta.multiply(z[step]);
            expTerms[1] = sqez;
            T v = zero;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                T a = y[i];
                T r = a.divide(a.add(1.0));
                // v += lam_k r and e = c_k v + lam_k sqez + g_k: one node each on the tape
                vFactors[1] = lam[k];
                vTerms[0] = v;
                vTerms[1] = r;
                v = Fn.sumOfProducts(vFactors, vTerms, 2);
                expFactors[0] = c[k];
                expFactors[1] = lam[k];
                expFactors[2] = g[k];
                expTerms[0] = v;
                T e = Fn.sumOfProducts(expFactors, expTerms, 3);
                y[i] = a.multiply(e.exp());
            }
        }
        return portfolio();
    }

    private T portfolio() {
        T bj = null;
        T sj = zero;
        for (int j = expiry; j < n; j++) {
            T denominator = y[j].add(1.0);
            bj = bj == null ? denominator.reciprocal() : bj.divide(denominator);
            sj = sj.add(delta.multiply(bj));
            b[j] = bj;
            s[j] = sj;
        }
        T value = zero;
        for (int k = 0; k < last.length; k++) {
            int m = last[k];
            T swap = b[m].negate().add(1.0).subtract(s[m].multiply(strikes[k]));
            value = value.add(Fn.max(swap, 0.0).multiply(notional));
        }
        T discount = null;
        for (int j = 0; j < expiry; j++) {
            T denominator = y[j].add(1.0);
            discount = discount == null ? denominator.reciprocal() : discount.divide(denominator);
        }
        return value.multiply(discount);
    }
}
