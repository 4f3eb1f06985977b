package dev.adjointgreeks.libor;

import java.util.Arrays;

import dev.adjointgreeks.ad.Fn;

/**
 * The hand-written adjoint of {@link LiborPrimal}: the path recursion run forward once, keeping
 * every intermediate value it needs, then reversed in plain doubles, as Giles wrote it for "Smoking
 * Adjoints" (his {@code path_calc_b1/b2} and {@code portfolio_b}), extended from the deltas to the
 * volatilities and the accrual. The speed-of-light reference for the engine's adjoint.
 *
 * <p>Forward, in {@link LiborPrimal}'s variables ({@code u_i = log(delta L_i)}), step {@code n},
 * {@code i = n+1 .. N-1}, {@code k = i-n-1}: {@code r_i = sigmoid(u_i)}, {@code v_i = v_{i-1} +
 * lam_k r_i}, {@code u_i' = u_i + c_k v_i + lam_k sqrt(delta) z_n + g_k} with {@code c_k = delta lam_k},
 * {@code g_k = -lam_k c_k/2}. Reverse, {@code i} from N-1 down, {@code vbar} the adjoint of {@code v_i}
 * (it collects every later update of the step):
 * <pre>
 *   vbar     += ubar_i c_k
 *   lambar_k += ubar_i (delta v_i + sqrt(delta) z_n - delta lam_k) + vbar r_i
 *   deltabar += ubar_i (lam_k v_i + lam_k z_n / (2 sqrt(delta)) - lam_k^2 / 2)
 *   ubar_i   += vbar lam_k r_i (1 - r_i)
 * </pre>
 * The payoff's adjoints {@code ybar_j} enter as {@code ubar_j = ybar_j y_j}, and today's
 * {@code u_i = log(delta L_i)} gives {@code Lbar_i = ubar_i / L_i}, {@code deltabar += ubar_i / delta}.
 * A path on which every swaption expires out of the money has every sensitivity 0 and skips the
 * reverse pass. Not thread-safe (scratch arrays).
 */
public final class LiborHandAdjoint {

    private final int n;
    private final int expiry;
    private final double delta;
    private final double sqrtDelta;
    private final double[] l0;
    private final double[] u0;
    private final double[] lam;
    private final double[] c;
    private final double[] g;
    private final int[] last;
    private final double[] strikes;
    private final double notional;
    // the path's history: u before step n in history[n] (history[expiry]: after the last step);
    // v after rate i's update at step n in vHistory[n][i], sigmoid(u_i) in rHistory[n][i]
    private final double[][] history;
    private final double[][] vHistory;
    private final double[][] rHistory;
    private final double[] y;
    private final double[] b;
    private final double[] s;
    private final double[] yBar;
    private final double[] uBar;
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
        this.u0 = new double[n];
        this.lam = Arrays.copyOfRange(inputs, n, 2 * n);
        this.c = new double[n];
        this.g = new double[n];
        for (int k = 0; k < n; k++) {
            u0[k] = Math.log(delta * l0[k]);
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
        this.rHistory = new double[expiry][n];
        this.y = new double[n];
        this.b = new double[n];
        this.s = new double[n];
        this.yBar = new double[n];
        this.uBar = new double[n];
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
        // ---- forward, keeping the history (the same operations as LiborPrimal)
        double[] prev = history[0];
        System.arraycopy(u0, 0, prev, 0, n);
        for (int step = 0; step < expiry; step++) {
            double[] next = history[step + 1];
            double[] vs = vHistory[step];
            double[] rs = rHistory[step];
            System.arraycopy(prev, 0, next, 0, step + 1);
            double sqez = sqrtDelta * z[step];
            double v = 0.0;
            for (int i = step + 1; i < n; i++) {
                int k = i - step - 1;
                double ui = prev[i];
                double r = Fn.sigmoid(ui);
                v = v + lam[k] * r;
                vs[i] = v;
                rs[i] = r;
                next[i] = ui + c[k] * v + lam[k] * sqez + g[k];
            }
            prev = next;
        }
        for (int j = 0; j < n; j++) {
            y[j] = Math.exp(prev[j]);
        }
        double bj = 1.0;
        double sj = 0.0;
        for (int j = expiry; j < n; j++) {
            bj = bj / (y[j] + 1.0);
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
            if (swap >= 0.0) {   // Fn.max's convention: at the kink, the payoff's side
                value += notional * Math.max(swap, 0.0);
                bBar[m] -= notional;
                sBar[m] -= notional * strikes[k];
                paid = true;
            }
        }
        double discount = 1.0;
        for (int j = 0; j < expiry; j++) {
            discount = discount / (y[j] + 1.0);
        }
        double price = value * discount;
        if (!paid) {
            return price;   // every swaption out of the money: every sensitivity is 0
        }

        // ---- reverse: the payoff, seeded with weight
        double deltaBar = 0.0;
        Arrays.fill(yBar, 0.0);
        double valueBar = weight * discount;
        double weightedPrice = weight * price;
        for (int j = 0; j < expiry; j++) {
            yBar[j] -= weightedPrice / (y[j] + 1.0);   // discount = prod 1/(1 + y_j)
        }
        double bRun = 0.0;
        double sRun = 0.0;
        for (int j = n - 1; j >= expiry; j--) {
            sRun += valueBar * sBar[j];
            bRun += valueBar * bBar[j];
            // s_j = s_{j-1} + delta b_j
            bRun += sRun * delta;
            deltaBar += sRun * b[j];
            // b_j = b_{j-1} / (1 + y_j)
            double inv = 1.0 / (y[j] + 1.0);
            yBar[j] -= bRun * b[j] * inv;
            bRun *= inv;
        }

        // ---- reverse: y_j = exp(u_j) after the last step
        for (int j = 0; j < n; j++) {
            uBar[j] = yBar[j] * y[j];
        }
        // ---- reverse: the path, last step first
        for (int step = expiry - 1; step >= 0; step--) {
            double[] vs = vHistory[step];
            double[] rs = rHistory[step];
            double zn = z[step];
            double sqez = sqrtDelta * zn;
            double halfZOverSqrtDelta = 0.5 * zn / sqrtDelta;
            double vBar = 0.0;
            for (int i = n - 1; i > step; i--) {
                int k = i - step - 1;
                double ub = uBar[i];
                double lk = lam[k];
                double vi = vs[i];
                double r = rs[i];
                vBar += ub * c[k];
                lamBar[k] += ub * (delta * vi + sqez - delta * lk) + vBar * r;
                deltaBar += ub * (lk * vi + halfZOverSqrtDelta * lk - 0.5 * lk * lk);
                uBar[i] = ub + vBar * lk * r * (1.0 - r);
            }
        }
        // ---- today's u_i = log(delta L_i)
        for (int i = 0; i < n; i++) {
            gradient[offset + i] += uBar[i] / l0[i];
            deltaBar += uBar[i] / delta;
            gradient[offset + n + i] += lamBar[i];
            lamBar[i] = 0.0;
        }
        gradient[offset + 2 * n] += deltaBar;
        return price;
    }
}
