package dev.adjointgreeks.libor;

import java.util.Arrays;

/**
 * The hand-written adjoint of {@link LiborPrimal}: the path recursion run forward once, keeping
 * every intermediate rate, then reversed in plain doubles, as Giles wrote it for "Smoking
 * Adjoints" (his {@code path_calc_b1/b2} and {@code portfolio_b}), extended from the deltas to the
 * volatilities and the accrual. All {@code 2N + 1} sensitivities of one path cost about three times
 * its price: the speed-of-light reference for the engine's adjoint.
 *
 * <p>Forward, step {@code n}, {@code i = n+1 .. N-1}, {@code k = i-n-1}, {@code a = L_i} before the
 * step, {@code d = 1 + delta a}: {@code v_i = v_{i-1} + c_k a/d}, {@code e_i = c_k v_i + lam_k
 * sqrt(delta) z_n + g_k}, {@code L_i' = a exp(e_i)} with {@code c_k = delta lam_k},
 * {@code g_k = -lam_k c_k/2}. Reverse, {@code i} from N-1 down, {@code vbar} the adjoint of
 * {@code v_i} (it collects every later exponent):
 * <pre>
 *   ebar   = Lbar_i L_i'                      abar = Lbar_i exp(e_i)   (exp(e_i) kept from the forward pass)
 *   vbar  += ebar c_k
 *   lambar_k += ebar (delta v_i + sqrt(delta) z_n - delta lam_k) + vbar delta a/d
 *   deltabar += ebar (lam_k v_i + lam_k z_n / (2 sqrt(delta)) - lam_k^2/2) + vbar (lam_k a/d - c_k a^2/d^2)
 *   Lbar_i = abar + vbar c_k / d^2
 * </pre>
 * Not thread-safe (scratch arrays).
 */
public final class LiborHandAdjoint {

    private final int n;
    private final int expiry;
    private final double delta;
    private final double sqrtDelta;
    private final double[] l0;
    private final double[] lam;
    private final double[] c;
    private final double[] g;
    private final int[] last;
    private final double[] strikes;
    private final double notional;
    // path history: rates before step n in history[n], history[expiry] the rates after the last
    // step; v after rate i's update at step n in vHistory[n][i]
    private final double[][] history;
    private final double[][] vHistory;
    private final double[][] expHistory;   // exp(e_i) of rate i's update at step n
    private final double[] b;
    private final double[] s;
    private final double[] lBar;
    private final double[] lamBar;
    private final double[] bBar;
    private final double[] sBar;

    public LiborHandAdjoint(int n, SwaptionPortfolio portfolio, double[] inputs) {
        if (inputs.length != 2 * n + 1) {
            throw new IllegalArgumentException("expected " + (2 * n + 1) + " inputs, got " + inputs.length);
        }
        this.n = n;
        this.expiry = portfolio.expiry();
        this.delta = inputs[2 * n];
        this.sqrtDelta = Math.sqrt(delta);
        this.l0 = Arrays.copyOfRange(inputs, 0, n);
        this.lam = Arrays.copyOfRange(inputs, n, 2 * n);
        this.c = new double[n];
        this.g = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = delta * lam[k];
            g[k] = -0.5 * lam[k] * c[k];
        }
        this.last = new int[portfolio.count()];
        for (int k = 0; k < last.length; k++) {
            last[k] = portfolio.lastRate(k);
        }
        this.strikes = portfolio.strikes();
        this.notional = portfolio.notional();
        this.history = new double[expiry + 1][n];
        this.vHistory = new double[expiry][n];
        this.expHistory = new double[expiry][n];
        this.b = new double[n];
        this.s = new double[n];
        this.lBar = new double[n];
        this.lamBar = new double[n];
        this.bBar = new double[n];
        this.sBar = new double[n];
    }

    public static LiborHandAdjoint of(LiborMarket market, SwaptionPortfolio portfolio) {
        portfolio.checkMarket(market);
        return new LiborHandAdjoint(market.size(), portfolio, market.inputValues());
    }

    /**
     * The discounted payoff of the path with normals {@code z}; its gradient with respect to the
     * {@code 2N + 1} inputs is added, times {@code weight}, to {@code gradient[offset ..]}.
     */
    public double payoffAndGradient(double[] z, double weight, double[] gradient, int offset) {
        // ---- forward, keeping the history
        double[] prev = history[0];
        System.arraycopy(l0, 0, prev, 0, n);
        for (int step = 0; step < expiry; step++) {
            double[] next = history[step + 1];
            double[] vs = vHistory[step];
            double[] es = expHistory[step];
            System.arraycopy(prev, 0, next, 0, step + 1);
            double sqez = sqrtDelta * z[step];
            double v = 0.0;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                double li = prev[i];
                v += c[k] * li / (1.0 + delta * li);
                vs[i] = v;
                double e = Math.exp(c[k] * v + lam[k] * sqez + g[k]);
                es[i] = e;
                next[i] = li * e;
            }
            prev = next;
        }
        double[] rates = history[expiry];
        double bj = 1.0;
        double sj = 0.0;
        for (int j = expiry; j < n; j++) {
            bj = bj / (1.0 + delta * rates[j]);
            sj = sj + delta * bj;
            b[j] = bj;
            s[j] = sj;
        }
        double value = 0.0;
        boolean paid = false;
        Arrays.fill(bBar, 0.0);
        Arrays.fill(sBar, 0.0);
        for (int k = 0; k < last.length; k++) {
            int m = last[k];
            double swap = 1.0 - b[m] - strikes[k] * s[m];
            if (swap >= 0.0) {   // Fn.max's convention: the kink takes the payoff's side
                value += notional * swap;
                bBar[m] -= notional;
                sBar[m] -= notional * strikes[k];
                paid = true;
            }
        }
        double discount = 1.0;
        for (int j = 0; j < expiry; j++) {
            discount = discount / (1.0 + delta * rates[j]);
        }
        double price = value * discount;
        if (!paid) {
            return price;   // every swaption out of the money: every sensitivity is 0
        }

        // ---- reverse: the payoff (seeded with weight)
        double deltaBar = 0.0;
        Arrays.fill(lBar, 0.0);
        double valueBar = weight * discount;
        double vw = weight * price;   // d(value * discount)/d(1/(1 + delta L_j)) pieces
        for (int j = 0; j < expiry; j++) {
            double d = 1.0 + delta * rates[j];
            lBar[j] -= vw * delta / d;
            deltaBar -= vw * rates[j] / d;
        }
        double bRun = 0.0;
        double sRun = 0.0;
        for (int j = n - 1; j >= expiry; j--) {
            sRun += valueBar * sBar[j];
            bRun += valueBar * bBar[j];
            // s_j = s_{j-1} + delta b_j
            bRun += sRun * delta;
            deltaBar += sRun * b[j];
            // b_j = b_{j-1} / (1 + delta L_j)
            double d = 1.0 + delta * rates[j];
            lBar[j] -= bRun * b[j] * delta / d;
            deltaBar -= bRun * b[j] * rates[j] / d;
            bRun /= d;
        }

        // ---- reverse: the path, last step first
        for (int step = expiry - 1; step >= 0; step--) {
            double[] before = history[step];
            double[] after = history[step + 1];
            double[] vs = vHistory[step];
            double[] es = expHistory[step];
            double zn = z[step];
            double sqez = sqrtDelta * zn;
            double halfZOverSqrtDelta = 0.5 * zn / sqrtDelta;
            double vBar = 0.0;
            for (int i = n - 1; i > step; i--) {
                double lb = lBar[i];
                int k = i - step - 1;
                double a = before[i];
                double li = after[i];
                double inv = 1.0 / (1.0 + delta * a);
                double f = a * inv;
                double vi = vs[i];
                double lk = lam[k];
                double eBar = lb * li;
                vBar += eBar * c[k];
                lamBar[k] += eBar * (delta * vi + sqez - delta * lk) + vBar * delta * f;
                deltaBar += eBar * (lk * vi + halfZOverSqrtDelta * lk - 0.5 * lk * lk) + vBar * (lk * f - c[k] * f * f);
                lBar[i] = lb * es[i] + vBar * c[k] * inv * inv;
            }
        }
        for (int i = 0; i < n; i++) {
            gradient[offset + i] += lBar[i];
            gradient[offset + n + i] += lamBar[i];
            lamBar[i] = 0.0;
        }
        gradient[offset + 2 * n] += deltaBar;
        return price;
    }
}
