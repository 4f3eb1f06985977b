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
 * on the path: {@code c_k = delta lambda_k}, {@code g_k = -0.5 lambda_k c_k} and {@code sqrt(delta)}.
 * Not thread-safe (scratch arrays); one instance per worker and tape.
 */
public final class LiborPathFunction<T extends RealFieldElement<T>> {

    private final int n;
    private final int expiry;
    private final T delta;
    private final T sqrtDelta;
    private final T zero;
    private final T[] l0;
    private final T[] lam;
    private final T[] c;
    private final T[] g;
    private final int[] last;
    private final double[] strikes;
    private final double notional;
    private final T[] l;
    private final T[] b;
    private final T[] s;
    private final T[] normals;
    private final T[] factors;
    private final T[] terms;

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
        this.l0 = MathArrays.buildArray(field, n);
        this.lam = MathArrays.buildArray(field, n);
        this.c = MathArrays.buildArray(field, n);
        this.g = MathArrays.buildArray(field, n);
        System.arraycopy(inputs, 0, l0, 0, n);
        System.arraycopy(inputs, n, lam, 0, n);
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
        this.l = MathArrays.buildArray(field, n);
        this.b = MathArrays.buildArray(field, n);
        this.s = MathArrays.buildArray(field, n);
        this.normals = MathArrays.buildArray(field, expiry);
        this.factors = MathArrays.buildArray(field, 3);
        this.terms = MathArrays.buildArray(field, 3);
        terms[2] = Fn.constant(delta, 1.0);
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
        System.arraycopy(l0, 0, l, 0, n);
        for (int step = 0; step < expiry; step++) {
            T sqez = sqrtDelta.multiply(z[step]);
            terms[1] = sqez;
            T v = zero;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                T li = l[i];
                v = v.add(c[k].multiply(li).divide(delta.multiply(li).add(1.0)));
                // e = c_k v + lam_k sqez + g_k: one node on the tape
                factors[0] = c[k];
                factors[1] = lam[k];
                factors[2] = g[k];
                terms[0] = v;
                T e = Fn.sumOfProducts(factors, terms, 3);
                l[i] = li.multiply(e.exp());
            }
        }
        return portfolio();
    }

    private T portfolio() {
        T bj = null;
        T sj = zero;
        for (int j = expiry; j < n; j++) {
            T denominator = delta.multiply(l[j]).add(1.0);
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
            T denominator = delta.multiply(l[j]).add(1.0);
            discount = discount == null ? denominator.reciprocal() : discount.divide(denominator);
        }
        return value.multiply(discount);
    }
}
