package dev.adjointgreeks.curve;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * A continuously compounded zero curve over any scalar field: pillar times {@code t_0 < ... < t_{n-1}}
 * (passive doubles) and zero rates {@code z_i} (field values: the tape's inputs, so each pillar's
 * adjoint is its bucketed sensitivity). The same class holds a dividend or borrow yield curve.
 *
 * <p>Interpolation is linear in {@code y(t) = z(t) t = -ln DF(t)}, the integral of the instantaneous
 * forward from 0 to t: discount factors are log-linear between pillars and the forward is flat on
 * each interval, {@code f_i = (z_{i+1} t_{i+1} - z_i t_i) / (t_{i+1} - t_i)}. The zero rate is flat
 * beyond both ends ({@code z(t) = z_0} before the first pillar, {@code z_{n-1}} after the last), so
 * the forward there equals that end's zero rate. Why, and the alternatives, in the package notes.
 *
 * <p>Every value to time t reads at most the two pillars around t, so the adjoint of a discount factor
 * to T is exactly zero outside them. Times are field values too (a maturity is an input, its adjoint
 * theta); the interval is chosen by {@code t.getReal()}, so a block scalar's time must be uniform
 * across its lanes (a trade's time grid always is). Forwards at a pillar are right-continuous.
 *
 * <p>Build once per trade, in the model's setup: the constructor records {@code 3n} operations
 * ({@code y_i} and {@code f_i}); each value afterwards costs two or three.
 */
public final class ZeroCurve<T extends RealFieldElement<T>> {

    private final double[] times;
    private final T[] rates;
    /** {@code y_i = z_i t_i}. */
    private final T[] integrals;
    /** {@code f_i}, the flat forward on {@code [t_i, t_{i+1})}, i &lt; n - 1. */
    private final T[] forwards;

    private ZeroCurve(double[] times, T[] rates) {
        this.times = times.clone();
        this.rates = rates.clone();
        int n = times.length;
        this.integrals = MathArrays.buildArray(rates[0].getField(), n);
        for (int i = 0; i < n; i++) {
            integrals[i] = rates[i].multiply(times[i]);
        }
        this.forwards = MathArrays.buildArray(rates[0].getField(), n - 1);
        for (int i = 0; i + 1 < n; i++) {
            forwards[i] = integrals[i + 1].subtract(integrals[i]).divide(times[i + 1] - times[i]);
        }
    }

    /**
     * The curve with pillar times {@code times} (finite, &gt; 0, strictly increasing) and zero rates
     * {@code rates}. Argument faults are programming errors here: a market file's curve is checked,
     * with typed errors, by {@link CurveQuotes#parse}.
     */
    public static <T extends RealFieldElement<T>> ZeroCurve<T> of(double[] times, T[] rates) {
        if (times.length == 0 || times.length != rates.length) {
            throw new IllegalArgumentException("a curve needs as many rates as pillars, at least one ("
                    + times.length + " times, " + rates.length + " rates)");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] > 0) || !Double.isFinite(times[i]) || (i > 0 && !(times[i] > times[i - 1]))) {
                throw new IllegalArgumentException("pillar times must be finite, > 0 and strictly increasing (time "
                        + i + " is " + times[i] + ")");
            }
        }
        return new ZeroCurve<>(times, rates);
    }

    /** The flat curve {@code z(t) = rate}: one pillar, whose time does not matter. */
    public static <T extends RealFieldElement<T>> ZeroCurve<T> flat(T rate) {
        T[] r = MathArrays.buildArray(rate.getField(), 1);
        r[0] = rate;
        return new ZeroCurve<>(new double[] {1.0}, r);
    }

    public int size() {
        return times.length;
    }

    public double time(int i) {
        return times[i];
    }

    /** The zero rate of pillar {@code i}, the input itself. */
    public T rate(int i) {
        return rates[i];
    }

    // ------------------------------------------------------------------ values at one time

    /** {@code y(t) = z(t) t = -ln DF(t)}, the integral of the forward over {@code [0, t]}. */
    public T integral(T t) {
        double s = t.getReal();
        int n = times.length;
        if (s <= times[0]) {
            return rates[0].multiply(t);
        }
        if (s >= times[n - 1]) {
            return rates[n - 1].multiply(t);
        }
        int i = interval(s);
        return integrals[i].add(forwards[i].multiply(t.subtract(times[i])));
    }

    public T integral(double t) {
        int n = times.length;
        if (t <= times[0]) {
            return rates[0].multiply(t);
        }
        if (t >= times[n - 1]) {
            return rates[n - 1].multiply(t);
        }
        int i = interval(t);
        return integrals[i].add(forwards[i].multiply(t - times[i]));
    }

    /** {@code DF(t) = exp(-y(t))}. */
    public T discountFactor(T t) {
        return integral(t).negate().exp();
    }

    public T discountFactor(double t) {
        return integral(t).negate().exp();
    }

    /** {@code z(t) = y(t) / t}; the end pillar's rate itself beyond either end. */
    public T zeroRate(T t) {
        double s = t.getReal();
        if (s <= times[0]) {
            return rates[0];
        }
        if (s >= times[times.length - 1]) {
            return rates[times.length - 1];
        }
        return integral(t).divide(t);
    }

    public T zeroRate(double t) {
        if (t <= times[0]) {
            return rates[0];
        }
        if (t >= times[times.length - 1]) {
            return rates[times.length - 1];
        }
        return integral(t).divide(t);
    }

    /** The instantaneous forward {@code f(t) = y'(t)}, right-continuous at the pillars. */
    public T forward(double t) {
        return forwardOn(region(t));
    }

    // ------------------------------------------------------------------ a time step

    /**
     * {@code y(t2) - y(t1)}, the exact integral of the forward over {@code [t1, t2]} (t1 &le; t2):
     * the drift or the log discount of a time step. Summed interval by interval, so a step inside
     * one interval is one product {@code f_i (t2 - t1)}, never a difference of two large integrals.
     * A model stepping a grid should call {@link #stepIntegral} with its step length instead:
     * {@code k dt - (k-1) dt} is off from {@code dt} by up to k ulps.
     */
    public T forwardIntegral(T t1, T t2) {
        return stepIntegral(t1, t2.subtract(t1));
    }

    public T forwardIntegral(double t1, double t2) {
        return stepIntegral(t1, t2 - t1);
    }

    /**
     * The integral of the forward over {@code [start, start + length]} ({@code length >= 0}): a
     * model's step from its grid point and its step length. Inside one interval it is the single
     * product {@code f_i length}: for a one-pillar curve exactly {@code z_0 dt}. (Today's flat drift
     * {@code (r - q) dt} becomes {@code z_0 dt - q_0 dt}, equal to an ulp of each term: the 1e-14
     * relative agreement of a one-pillar curve, while a flat {@code rate} keeps today's code.)
     */
    public T stepIntegral(T start, T length) {
        double s1 = start.getReal();
        double s2 = s1 + length.getReal();
        checkLength(s1, length.getReal());
        int r1 = region(s1);
        int r2 = region(s2);
        if (r1 == r2) {
            return forwardOn(r1).multiply(length);
        }
        T sum = forwardOn(r1).multiply(start.negate().add(times[r1 + 1]));
        for (int r = r1 + 1; r < r2; r++) {
            sum = sum.add(forwardOn(r).multiply(times[r + 1] - times[r]));
        }
        return sum.add(forwardOn(r2).multiply(start.add(length).subtract(times[r2])));
    }

    public T stepIntegral(double start, double length) {
        checkLength(start, length);
        double end = start + length;
        int r1 = region(start);
        int r2 = region(end);
        if (r1 == r2) {
            return forwardOn(r1).multiply(length);
        }
        T sum = forwardOn(r1).multiply(times[r1 + 1] - start);
        for (int r = r1 + 1; r < r2; r++) {
            sum = sum.add(forwardOn(r).multiply(times[r + 1] - times[r]));
        }
        return sum.add(forwardOn(r2).multiply(end - times[r2]));
    }

    // ------------------------------------------------------------------ intervals

    /**
     * The region of {@code s}: -1 before the first pillar, i on {@code [t_i, t_{i+1})}, n - 1 from the
     * last pillar on. A one-pillar curve is one region (its forward is {@code z_0} everywhere).
     */
    private int region(double s) {
        if (times.length == 1) {
            return 0;
        }
        if (s < times[0]) {
            return -1;
        }
        return interval(s);
    }

    /** The largest i with {@code t_i <= s}, for {@code t_0 <= s}. */
    private int interval(double s) {
        int lo = 0;
        int hi = times.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times[mid] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private T forwardOn(int region) {
        if (region < 0) {
            return rates[0];
        }
        if (region >= times.length - 1) {
            return rates[times.length - 1];
        }
        return forwards[region];
    }

    private static void checkLength(double start, double length) {
        if (!(length >= 0) || !Double.isFinite(start)) {
            throw new IllegalArgumentException("a step needs a finite start and a length >= 0 (start " + start
                    + ", length " + length + ")");
        }
    }
}
