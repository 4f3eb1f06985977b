package dev.adjointgreeks.libor;

import dev.adjointgreeks.ad.Fn;

/**
 * The swaption portfolio's discounted payoff on one path, in plain doubles: the primal floor, and
 * the reference every other pricer here is checked against. Built once per input vector
 * ({@link LiborMarket#inputValues()} order, so bump-and-revalue builds one per bumped input), then
 * evaluated path by path from the path's {@code expiry} standard normals.
 *
 * <p>Step {@code n} (of {@code expiry}), normal {@code z_n}; for {@code i = n+1 .. N-1} in
 * increasing order, with {@code lam = lambda_{i-n-1}}, {@code c = delta lam}:
 * <pre>
 *   v   += c L_i / (1 + delta L_i)                      (L_i before its update)
 *   L_i *= exp(c v + lam sqrt(delta) z_n - 0.5 lam c)
 * </pre>
 * which is Giles' {@code path_calc} with its exponent {@code con1*v + lam*(sqez - 0.5*con1)}
 * expanded. Every pricer in this package carries {@code u_i = log(delta L_i)} instead of
 * {@code L_i}: {@code delta L_i} is all the drift, the bonds and the numeraire use, and in its
 * logarithm the drift term is a sigmoid and the update a sum, the same numbers in three operations
 * per rate and step instead of eight:
 * <pre>
 *   v   += lam sigmoid(u_i)                              (= lam delta L_i / (1 + delta L_i))
 *   u_i += c v + lam sqrt(delta) z_n - 0.5 lam c
 * </pre>
 * evaluated in the same order everywhere. After the last step {@code y_j = exp(u_j) = delta L_j}
 * and the payoff is Giles' {@code portfolio}, see {@link SwaptionPortfolio}, with
 * {@code 1 + delta L_j = 1 + y_j}. Not thread-safe (scratch arrays).
 */
public final class LiborPrimal {

    private final int n;
    private final int expiry;
    private final double delta;
    private final double sqrtDelta;
    private final double[] u0;       // log(delta L_i) today
    private final double[] lam;
    private final double[] c;        // delta lambda_k
    private final double[] g;        // -0.5 lambda_k c_k
    private final int[] last;
    private final double[] strikes;
    private final double notional;
    private final double[] u;        // scratch: log(delta L_i) along the path
    private final double[] y;        // scratch: delta L_i after the last step
    private final double[] b;
    private final double[] s;

    public LiborPrimal(int n, SwaptionPortfolio portfolio, double[] inputs) {
        if (inputs.length != 2 * n + 1) {
            throw new IllegalArgumentException("expected " + (2 * n + 1) + " inputs, got " + inputs.length);
        }
        this.n = n;
        this.expiry = portfolio.expiry();
        this.delta = inputs[2 * n];
        this.sqrtDelta = Math.sqrt(delta);
        this.u0 = new double[n];
        this.lam = new double[n];
        this.c = new double[n];
        this.g = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = Math.log(delta * inputs[i]);
        }
        System.arraycopy(inputs, n, lam, 0, n);
        for (int k = 0; k < n; k++) {
            c[k] = delta * lam[k];
            g[k] = -0.5 * lam[k] * c[k];
        }
        this.last = new int[portfolio.count()];
        this.strikes = portfolio.strikes();
        for (int k = 0; k < last.length; k++) {
            last[k] = portfolio.lastRate(k);
        }
        this.notional = portfolio.notional();
        this.u = new double[n];
        this.y = new double[n];
        this.b = new double[n];
        this.s = new double[n];
    }

    public static LiborPrimal of(LiborMarket market, SwaptionPortfolio portfolio) {
        portfolio.checkMarket(market);
        return new LiborPrimal(market.size(), portfolio, market.inputValues());
    }

    /** The discounted portfolio payoff of the path with normals {@code z[0 .. expiry-1]}. */
    public double payoff(double[] z) {
        System.arraycopy(u0, 0, u, 0, n);
        for (int step = 0; step < expiry; step++) {
            double sqez = sqrtDelta * z[step];
            double v = 0.0;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                double ui = u[i];
                v = v + lam[k] * Fn.sigmoid(ui);
                u[i] = ui + c[k] * v + lam[k] * sqez + g[k];
            }
        }
        for (int j = 0; j < n; j++) {
            y[j] = Math.exp(u[j]);
        }
        return portfolio(y);
    }

    /**
     * The zero-coupon bonds the path implies, discounted to today by the numeraire: {@code out[j]}
     * for the bond paying 1 at {@code T_j = j delta}, j = 1 .. N: {@code prod_{n<j} 1/(1 + delta L_n(T_n))}
     * for {@code j <= expiry}, and that discount times the bond price at expiry beyond. Their means
     * are the initial curve's bonds if the drift is right ({@code out[0]} is 1).
     */
    void discountedBonds(double[] z, double[] out) {
        payoff(z);
        double p = 1.0;
        out[0] = 1.0;
        for (int j = 0; j < n; j++) {
            p = p / (y[j] + 1.0);
            out[j + 1] = p;
        }
    }

    private double portfolio(double[] yy) {
        double bj = 1.0;
        double sj = 0.0;
        for (int j = expiry; j < n; j++) {
            bj = bj / (yy[j] + 1.0);
            sj = sj + delta * bj;
            b[j] = bj;
            s[j] = sj;
        }
        double value = 0.0;
        for (int k = 0; k < last.length; k++) {
            int m = last[k];
            value += notional * Math.max(1.0 - b[m] - strikes[k] * s[m], 0.0);
        }
        double discount = 1.0;
        for (int j = 0; j < expiry; j++) {
            discount = discount / (yy[j] + 1.0);
        }
        return value * discount;
    }
}
