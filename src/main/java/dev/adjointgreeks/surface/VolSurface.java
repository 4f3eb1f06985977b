package dev.adjointgreeks.surface;

import java.util.function.DoubleFunction;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;

/**
 * An implied-volatility surface on any field: the quotes {@code vols[expiry][strike]} as field
 * values (so each is a tape input), interpolated in total implied variance {@code w = sigma^2 T}
 * over forward log-moneyness {@code k = ln(K / F(T))}, and Dupire's local variance from it.
 *
 * <p>In k: per expiry a {@link SmileSpline} through the quotes, linear wings beyond. In T at fixed
 * k: linear in w between expiries; before the first expiry {@code w = (T / T_1) w_1(k)} (so
 * {@code w(k, 0) = 0}), after the last {@code w = (T / T_n) w_n(k)} (implied vol constant in T at
 * fixed k). At an expiry the implied vol uses that expiry's smile alone, so quotes of later expiries
 * carry no sensitivity; the local variance uses the slope in T to the right (the interval
 * {@code [T_i, T_{i+1})}), the one a path stepping forward from {@code T_i} sees.
 *
 * <p>{@link #of} rejects, with a {@link SurfaceException}, malformed quotes and any surface with
 * calendar or butterfly arbitrage on its nodes ({@link SurfaceChecks}); nothing is smoothed.
 */
public final class VolSurface<T extends RealFieldElement<T>> {

    private final SurfaceAxes axes;
    private final T[][] vols;
    private final DoubleFunction<T> forward;
    private final T[] strikes;
    private final T[][] nodes;
    private final T[][] variances;
    private final SmileSpline<T>[] smiles;

    private VolSurface(SurfaceAxes axes, T[][] vols, T spot, DoubleFunction<T> forward) {
        this.axes = axes;
        this.vols = vols;
        this.forward = forward;
        int n = axes.expiryCount();
        int m = axes.strikeCount();
        this.strikes = MathArrays.buildArray(spot.getField(), m);
        for (int j = 0; j < m; j++) {
            strikes[j] = axes.kind() == StrikeKind.MONEYNESS ? spot.multiply(axes.strike(j))
                    : spot.getField().getZero().add(axes.strike(j));
        }
        this.nodes = MathArrays.buildArray(spot.getField(), n, m);
        this.variances = MathArrays.buildArray(spot.getField(), n, m);
        @SuppressWarnings("unchecked")
        SmileSpline<T>[] s = new SmileSpline[n];
        this.smiles = s;
        for (int i = 0; i < n; i++) {
            double t = axes.expiry(i);
            T f = forward(t);
            for (int j = 0; j < m; j++) {
                nodes[i][j] = strikes[j].divide(f).log();
                variances[i][j] = vols[i][j].multiply(vols[i][j]).multiply(t);
            }
            smiles[i] = SmileSpline.fit(nodes[i], variances[i]);
        }
    }

    /**
     * The surface through {@code vols[i][j]}, the quote at expiry {@code i} and strike {@code j}.
     *
     * @param spot the spot, for moneyness strikes ({@code K = moneyness * spot}); any value else
     * @param forward the forward {@code F(T)} for a time in years: its dependence on spot and curves
     *        flows into the log-moneyness of every node and query
     * @throws SurfaceException on ragged or misshapen rows, a vol that is not a positive finite
     *         number, a wing slope beyond Lee's bound, a calendar or a butterfly arbitrage
     */
    public static <T extends RealFieldElement<T>> VolSurface<T> of(SurfaceAxes axes, T[][] vols, T spot,
            DoubleFunction<T> forward) {
        SurfaceChecks.shape(axes, vols);
        if (axes.kind() == StrikeKind.MONEYNESS && !(spot.getReal() > 0)) {
            throw new IllegalArgumentException("moneyness strikes need a positive spot (value " + spot.getReal() + ")");
        }
        VolSurface<T> s = new VolSurface<>(axes, vols, spot, forward);
        SurfaceChecks.wings(s);
        SurfaceChecks.calendar(s);
        SurfaceChecks.butterfly(s);
        return s;
    }

    /**
     * Checks the quotes' shape alone, before any forward is known (a reader's structural check):
     * one row per expiry, one vol per strike, every vol a positive finite number.
     *
     * @throws SurfaceException naming the row or the quote as written
     */
    public static void checkQuotes(SurfaceAxes axes, double[][] vols) {
        Decimal64[][] d = vols == null ? null : new Decimal64[vols.length][];
        for (int i = 0; d != null && i < vols.length; i++) {
            d[i] = vols[i] == null ? null : new Decimal64[vols[i].length];
            for (int j = 0; d[i] != null && j < vols[i].length; j++) {
                d[i][j] = new Decimal64(vols[i][j]);
            }
        }
        SurfaceChecks.shape(axes, d);
    }

    public SurfaceAxes axes() {
        return axes;
    }

    /** The quote at expiry {@code i}, strike {@code j}, as given. */
    public T quote(int i, int j) {
        return vols[i][j];
    }

    /** The absolute strike of column {@code j}: as quoted, or moneyness times spot. */
    public T strike(int j) {
        return strikes[j];
    }

    /** The forward to time {@code t}, as supplied; must be positive. */
    public T forward(double t) {
        T f = forward.apply(t);
        if (!(f.getReal() > 0) || !Double.isFinite(f.getReal())) {
            throw new IllegalArgumentException("the forward to " + t + " must be positive and finite (value "
                    + f.getReal() + ")");
        }
        return f;
    }

    /** {@code k = ln(K / F(t))}. */
    public T logMoneyness(T strike, double t) {
        return strike.divide(forward(t)).log();
    }

    /** Total implied variance {@code w(k, t)}, {@code t > 0}. */
    public T totalVariance(T k, double t) {
        positiveTime(t);
        int n = axes.expiryCount();
        int i = firstExpiryAtOrAfter(t);
        if (i == n) {
            return smiles[n - 1].at(k).w().multiply(t / axes.expiry(n - 1));
        }
        if (t == axes.expiry(i)) {
            return smiles[i].at(k).w();
        }
        if (i == 0) {
            return smiles[0].at(k).w().multiply(t / axes.expiry(0));
        }
        double a = (t - axes.expiry(i - 1)) / (axes.expiry(i) - axes.expiry(i - 1));
        return smiles[i - 1].at(k).w().multiply(1 - a).add(smiles[i].at(k).w().multiply(a));
    }

    /** The interpolated implied vol at strike {@code K} and expiry {@code t > 0}: {@code sqrt(w / t)}. */
    public T impliedVol(T strike, double t) {
        return totalVariance(logMoneyness(strike, t), t).divide(t).sqrt();
    }

    /**
     * Dupire's local variance at log-moneyness {@code k} and time {@code t >= 0}, from w (Gatheral
     * 2006, eq. 1.10): {@code w_T / (1 - k w_k / w + (-1/4 - 1/w + k^2/w^2) w_k^2 / 4 + w_kk / 2)}.
     * Not checked: at or below zero, or infinite, where the surface admits an arbitrage off its nodes
     * ({@link LocalVolGrid} checks what it builds).
     */
    public T localVariance(T k, double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("time must be >= 0 and finite (value " + t + ")");
        }
        int n = axes.expiryCount();
        int i = lastExpiryAtOrBefore(t);
        if (i < 0 || i == n - 1) {
            // w = theta * w_e(k) with theta = t / T_e: w_k / w = w_e' / w_e stays finite as t -> 0
            int e = i < 0 ? 0 : n - 1;
            double theta = t / axes.expiry(e);
            SmileSpline.Jet<T> s = smiles[e].at(k);
            T wT = s.w().divide(axes.expiry(e));
            return wT.divide(denominator(k, s.w().multiply(theta), s.dk().multiply(theta), s.dkk().multiply(theta),
                    s.dk().divide(s.w())));
        }
        double dt = axes.expiry(i + 1) - axes.expiry(i);
        double a = (t - axes.expiry(i)) / dt;
        SmileSpline.Jet<T> lo = smiles[i].at(k);
        SmileSpline.Jet<T> hi = smiles[i + 1].at(k);
        T w = lo.w().multiply(1 - a).add(hi.w().multiply(a));
        T wk = lo.dk().multiply(1 - a).add(hi.dk().multiply(a));
        T wkk = lo.dkk().multiply(1 - a).add(hi.dkk().multiply(a));
        T wT = hi.w().subtract(lo.w()).divide(dt);
        return wT.divide(denominator(k, w, wk, wkk, wk.divide(w)));
    }

    /**
     * Dupire's denominator in w (Gatheral's eq. 1.10; Gatheral and Jacquier's g(k)), with the ratio
     * {@code r = w_k / w} passed in so that it stays finite where w vanishes linearly in T.
     */
    static <T extends RealFieldElement<T>> T denominator(T k, T w, T wk, T wkk, T r) {
        T kr = k.multiply(r);
        T quarter = wk.multiply(wk).multiply(-0.25).subtract(wk.multiply(r)).add(kr.multiply(kr));
        return kr.negate().add(1).add(quarter.multiply(0.25)).add(wkk.multiply(0.5));
    }

    /** The index of the first expiry {@code >= t}, or the expiry count if none. */
    int firstExpiryAtOrAfter(double t) {
        int i = 0;
        while (i < axes.expiryCount() && axes.expiry(i) < t) {
            i++;
        }
        return i;
    }

    /** The index of the last expiry {@code <= t}, or -1 if none. */
    int lastExpiryAtOrBefore(double t) {
        int i = axes.expiryCount() - 1;
        while (i >= 0 && axes.expiry(i) > t) {
            i--;
        }
        return i;
    }

    private static void positiveTime(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("expiry must be > 0 and finite (value " + t + ")");
        }
    }

    // ------------------------------------------------------------------ for the checks

    SmileSpline<T> smile(int i) {
        return smiles[i];
    }

    T node(int i, int j) {
        return nodes[i][j];
    }

    T variance(int i, int j) {
        return variances[i][j];
    }
}
