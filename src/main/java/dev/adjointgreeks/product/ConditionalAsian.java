package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.product.Product.PathPayoff;

/**
 * The Asian payoff conditioned on the terminal normal, a payoff smooth path by path
 * ({@link Capability#BROWNIAN_LOG_SPOT}).
 *
 * <p>The log-spot is {@code X_t = x_0 + D_t + sigma W_t}; with {@code xi = (X_T - E X_T) / (sigma sqrt T)}
 * standard normal and the bridge {@code W_t - (t/T) W_T} independent of it, fixing {@code i} (at
 * {@code a_i = i/n} of the way) is {@code c_i e^{b_i xi}} with {@code b_i = a_i sigma sqrt T} and
 * {@code c_i} read off the path ({@code ln c_i = X_i - b_i xi_path}). The average
 * {@code A(xi) = (1/n) sum c_i e^{b_i xi}} increases in {@code xi}; with {@code A(xi*) = K},
 * <pre>E[(A - K)^+ | bridge] = (1/n) sum c_i e^{b_i^2/2} Phi(b_i - xi*) - K Phi(-xi*)</pre>
 * (the put likewise). The kink {@code xi*} is found by Newton on {@code ln A(xi) - ln K}, which is
 * convex and increasing: started at the geometric average's root, to its right by Jensen, it
 * decreases monotonically to the root (6 steps: below 1e-14 in log-average on 20,000 random
 * draws up to vol 1, 3 years, 100 fixings, strikes 4 deviations out). The first five steps run on
 * detached values ({@link Fn#detach}: lane arithmetic, no tape nodes) and only the last is on the
 * tape: at the root one Newton step's derivative is the implicit function theorem's
 * {@code d xi* = -F_theta / F_xi}, and the root's second derivative never enters, because the
 * expectation's slope in {@code xi*}, {@code phi(xi*) (K - A(xi*))}, is zero all along the root
 * (so pathwise first and second derivatives are exact; the value is the six steps' to the bit). The
 * root's derivative does not enter first-order Greeks at all; its first derivative enters second order. The geometric average
 * {@code exp(g_0 + b_bar xi)} has the Black-Scholes form; it is the control variate, conditioned the
 * same way, so that its expectation stays the closed form.
 *
 * <p>The {@code n} normal CDFs {@code Phi(sign (b_i - xi*))} are one Taylor series in {@code b_i}
 * around {@code -sign xi*}: {@code Phi(x + b) = Phi(x) + phi(x) sum_k b^k / k! (-1)^(k-1) He_(k-1)(x)},
 * its coefficients by the Hermite recurrence, so the sum over fixings needs the moments
 * {@code sum_i w_i a_i^k} (one n-ary node each, constant coefficients) and one {@code Phi} and
 * {@code phi}: a normal CDF costs about a microsecond, the series a few lane operations per term.
 * By Cramer's bound the k-th term is at most {@code (vol sqrt T)^k / sqrt(k!)} of the weights; the
 * terms stop below 1e-18 (17 at {@code vol sqrt T = 0.2}, 30 at 0.85), and beyond
 * {@code vol sqrt T = 3} the product keeps the kinked payoff. Cost per path with 52 fixings: about
 * 2,300 lane operations against 300 for the kinked payoff with its control variate (measured
 * end to end: 3x with first order, 8x with second order; {@code benchmarks/results/2026-12-06-second-order.md}).
 */
final class ConditionalAsian {

    /** Newton steps from the geometric root (fixed: a block of paths takes no per-lane branch). */
    static final int NEWTON = 6;

    /** The largest {@code vol sqrt(T)} conditioned: beyond it the series below needs over 75 terms. */
    static final double MAX_DEVIATION = 3.0;

    private ConditionalAsian() {
    }

    /** Whether a model's terminal deviation {@code vol sqrt(T)} is within {@link #MAX_DEVIATION}. */
    static boolean covers(PathGenerator<?> gen) {
        double d = gen.terminal(0).deviation().getReal();
        return d > 0 && d <= MAX_DEVIATION;
    }

    /**
     * Terms of the series for {@code sum_i w_i Phi(x + b_i)}, {@code b_i <= d}: the k-th term is at
     * most {@code d^k / sqrt(k!)} times the weights (Cramer's bound on Hermite functions), kept below 1e-18.
     */
    static int seriesTerms(double d) {
        int k = 8;
        while (k * Math.log(Math.max(d, 1e-3)) - 0.5 * org.apache.commons.math3.special.Gamma.logGamma(k + 1.0)
                > Math.log(1e-18)) {
            k++;
        }
        return k;
    }

    /**
     * The discounted conditioned payoff; {@code geometricPrice}, when not null, is the control
     * variate's closed form (the payoff is then arithmetic minus geometric plus that price).
     */
    static <T extends RealFieldElement<T>> PathPayoff<T> payoff(OptionType type, Averaging averaging, T strike,
            int fixings, int steps, PathGenerator<T> gen, T geometricPrice) {
        int n = fixings;
        int stride = steps / n;
        double sign = type.sign();
        PathModel.NormalStep<T> law = gen.terminal(0);
        T mean = law.mean();
        T deviation = law.deviation();
        T beta = deviation.divide(n);                        // b_i = (i + 1) beta
        T invBeta = beta.reciprocal();
        double aBar = (n + 1) / (2.0 * n);
        T bBar = deviation.multiply(aBar);
        T invBBar = bBar.reciprocal();
        T geometricVariance = bBar.multiply(bBar).multiply(0.5).exp();
        T logStrike = strike.log();
        T logNStrike = logStrike.add(Math.log(n));
        T[] b = MathArrays.buildArray(strike.getField(), n);
        T[] scale = MathArrays.buildArray(strike.getField(), n); // e^{b_i^2 / 2} / n
        double[] mean1 = new double[n];
        double[] ramp = new double[n];
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < n; i++) {
            b[i] = beta.multiply(i + 1);
            scale[i] = b[i].multiply(b[i]).multiply(0.5).exp().divide(n);
            mean1[i] = 1.0 / n;
            ramp[i] = (i + 1.0) / n;
        }
        boolean arithmetic = averaging == Averaging.ARITHMETIC;
        int terms = seriesTerms(deviation.getReal());
        T variance = deviation.multiply(deviation);
        double[][] powers = new double[terms][n];
        for (int k = 0; k < terms; k++) {
            for (int i = 0; i < n; i++) {
                powers[k][i] = Math.pow((i + 1.0) / n, k + 1);
            }
        }
        T[] g = MathArrays.buildArray(strike.getField(), terms);
        T[] moment = MathArrays.buildArray(strike.getField(), terms);
        T[] x = MathArrays.buildArray(strike.getField(), n);
        T[] c = MathArrays.buildArray(strike.getField(), n);
        T[] cRamp = MathArrays.buildArray(strike.getField(), n);
        T[] pow = MathArrays.buildArray(strike.getField(), n);
        T[] weight = MathArrays.buildArray(strike.getField(), n);
        T[] cPassive = MathArrays.buildArray(strike.getField(), n);
        T[] cRampPassive = MathArrays.buildArray(strike.getField(), n);
        T betaPassive = Fn.detach(beta);               // setup values: detached once per trade
        T invBetaPassive = Fn.detach(invBeta);
        T logNStrikePassive = Fn.detach(logNStrike);
        return path -> {
            for (int i = 0; i < n; i++) {
                x[i] = path.logSpot(0, (i + 1) * stride);
            }
            T shift = x[n - 1].subtract(mean);                 // sigma sqrt(T) xi_path
            T g0 = Fn.weightedSum(0.0, mean1, x, n).subtract(shift.multiply(aBar));
            T geometricRoot = g0.subtract(logStrike).multiply(invBBar).negate();
            // E[(sign (G - K))^+]: G = exp(g0 + bBar xi), its root geometricRoot
            T geometric = g0.exp().multiply(geometricVariance)
                    .multiply(Fn.normCdf(geometricRoot.subtract(bBar).multiply(-sign)))
                    .subtract(Fn.normCdf(geometricRoot.multiply(-sign)).multiply(strike)).multiply(sign);
            T df = path.discountFactor(steps);
            if (!arithmetic) {
                return geometric.multiply(df);
            }
            for (int i = 0; i < n; i++) {
                c[i] = x[i].subtract(shift.multiply(ramp[i])).exp();
                cRamp[i] = c[i].multiply(i + 1);
            }
            // the root on detached values, then its last Newton step on the tape (see the class comment)
            for (int i = 0; i < n; i++) {
                cPassive[i] = Fn.detach(c[i]);
                cRampPassive[i] = Fn.detach(cRamp[i]);
            }
            T xi = Fn.detach(geometricRoot);
            for (int step = 1; step < NEWTON; step++) {
                xi = newtonStep(xi, cPassive, cRampPassive, betaPassive, invBetaPassive, logNStrikePassive, pow, n);
            }
            xi = newtonStep(xi, c, cRamp, beta, invBeta, logNStrike, pow, n);
            for (int i = 0; i < n; i++) {
                weight[i] = c[i].multiply(scale[i]);
            }
            // sum_i weight_i Phi(sign (b_i - xi)) by the Taylor series of Phi in b_i around -sign xi
            // G_j = He_j(-sign xi) (-sign deviation)^j / (j + 1)!, G_0 = 1, by the Hermite recurrence;
            // g[m] = G_(m+1) and moment[m] = sum_i weight_i a_i^(m+2): the constant G_0 stays out of
            // the arrays, so that every operand of the n-ary node is a per-lane value
            T y = xi.multiply(deviation);
            g[0] = y.multiply(0.5);
            g[1] = y.multiply(g[0]).multiply(1.0 / 3).subtract(variance.multiply(1.0 / 6));
            for (int j = 2; j + 1 < terms; j++) {
                g[j] = y.multiply(g[j - 1]).multiply(1.0 / (j + 2))
                        .subtract(g[j - 2].multiply(variance).multiply(j / ((j + 1.0) * (j + 2.0))));
            }
            T firstMoment = Fn.weightedSum(0.0, powers[0], weight, n);
            for (int m = 0; m + 1 < terms; m++) {
                moment[m] = Fn.weightedSum(0.0, powers[m + 1], weight, n);
            }
            T x0 = xi.multiply(-sign);
            T series = firstMoment.add(Fn.sumOfProducts(g, moment, terms - 1));
            T average = Fn.normCdf(x0).multiply(Fn.weightedSum(0.0, ones, weight, n))
                    .add(Payoffs.normPdf(x0).multiply(deviation).multiply(series).multiply(sign));
            T value = average.subtract(Fn.normCdf(x0).multiply(strike)).multiply(sign);
            if (geometricPrice == null) {
                return value.multiply(df);
            }
            return value.subtract(geometric).multiply(df).add(geometricPrice);
        };
    }

    /** One Newton step on {@code ln A(xi) - ln K}: {@code xi - (ln A - ln K) / (A' / A)}. */
    private static <T extends RealFieldElement<T>> T newtonStep(T xi, T[] c, T[] cRamp, T beta, T invBeta,
            T logNStrike, T[] pow, int n) {
        T q = xi.multiply(beta).exp();
        pow[0] = q;
        for (int i = 1; i < n; i++) {
            pow[i] = pow[i - 1].multiply(q);
        }
        T sum = Fn.sumOfProducts(c, pow, n);             // n A(xi)
        T sumRamp = Fn.sumOfProducts(cRamp, pow, n);     // n A'(xi) / beta
        return xi.subtract(sum.log().subtract(logNStrike).multiply(sum).divide(sumRamp).multiply(invBeta));
    }
}
