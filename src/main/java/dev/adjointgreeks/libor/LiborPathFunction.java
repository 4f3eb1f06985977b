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
 * The path is {@link LiborPath}, the payoff {@link SwaptionPortfolio#valueAtExpiry} times the
 * path's numeraire ratio at expiry. Not thread-safe (scratch arrays); one instance per worker and tape.
 */
public final class LiborPathFunction<T extends RealFieldElement<T>> {

    private final LiborPath<T> path;
    private final SwaptionPortfolio book;
    private final T[] normals;

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
        T[] rates = MathArrays.buildArray(field, n);
        T[] lambda = MathArrays.buildArray(field, n);
        System.arraycopy(inputs, 0, rates, 0, n);
        System.arraycopy(inputs, n, lambda, 0, n);
        this.path = new LiborPath<>(rates, lambda, inputs[2 * n], portfolio.expiry());
        this.book = portfolio;
        this.normals = MathArrays.buildArray(field, portfolio.expiry());
    }

    /** As {@link #discountedPayoff(RealFieldElement[])} with one path's normals as passive constants. */
    public T discountedPayoff(double[] z) {
        T like = path.accrual();
        for (int step = 0; step < normals.length; step++) {
            normals[step] = Fn.constant(like, z[step]);
        }
        return discountedPayoff(normals);
    }

    /**
     * The discounted portfolio payoff of the path with normals {@code z[0 .. expiry-1]} as field
     * values: passive constants for one path, or a block of paths on a block scalar.
     */
    public T discountedPayoff(T[] z) {
        path.simulate(z);
        return book.valueAtExpiry(path, path.accrual(), path.size()).multiply(path.discountFactor(book.expiry()));
    }
}
