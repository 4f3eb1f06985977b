package dev.adjointgreeks.surface;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * Dupire's local vol on a grid in time and log-spot, built once per trade on the field: row
 * {@code n} holds {@code sigma_loc(t_n, x_j)} for {@code x_j = first + j * step}, where {@code t_n}
 * is the start of time step {@code n} (log-Euler uses the vol at the step's start) and
 * {@code sigma_loc(t, x) = sqrt(localVariance(c(x) - ln F(t), t))}, with {@code c(x)} the log-spot
 * clamped to the quoted strikes' {@code [ln K_1, ln K_m]}: local vol is flat in spot beyond the
 * quoted strikes (and, through {@link GridLookup}, beyond the axis).
 *
 * <p>Why flat beyond the quotes: each expiry's linear wing has its own slope, and two nearby
 * expiries whose smiles turn up at different rates (a Heston skew: the short one turns up, the
 * longer one is still falling and is clamped flat) cross far in the wing; Dupire would there see
 * a calendar arbitrage that no quote implies. The implied-vol wings stay as {@link VolSurface}
 * defines them, for Europeans priced off the surface.
 *
 * <p>The paths read it as plain doubles ({@link #values}) through {@link GridLookup}, piecewise
 * linear in log-spot within a row and flat beyond the axis. Their adjoint, accumulated over all
 * blocks into one array shaped like {@link #values}, goes back through Dupire, the splines and the
 * forwards to every quote in one reverse sweep of the setup tape: with {@link #fieldValues} on an
 * adjoint tape, {@code tape.vectorJacobianProduct(grid.fieldValues(), gridAdjoint)}.
 *
 * <p>Cost: {@code times x points} Dupire evaluations, each two spline evaluations and a few dozen
 * field operations.
 */
public final class LocalVolGrid<T extends RealFieldElement<T>> {

    /** A uniform log-spot axis: {@code x_j = first + j * step}, {@code j < points}. */
    public record Axis(double first, double step, int points) {
        public Axis {
            if (points < 2 || !(step > 0) || !Double.isFinite(step) || !Double.isFinite(first)) {
                throw new IllegalArgumentException("a log-spot axis needs at least 2 points and a positive finite step"
                        + " (points " + points + ", step " + step + ")");
            }
        }

        /** {@code points} equally spaced log-spots from {@code ln(low)} to {@code ln(high)}. */
        public static Axis ofSpots(double low, double high, int points) {
            if (!(low > 0) || !(high > low)) {
                throw new IllegalArgumentException("spot range must be 0 < low < high (" + low + ", " + high + ")");
            }
            return new Axis(Math.log(low), (Math.log(high) - Math.log(low)) / (points - 1), points);
        }

        public double at(int j) {
            return first + j * step;
        }
    }

    private final double[] times;
    private final Axis axis;
    private final T[] sigma;
    private final double[] values;

    private LocalVolGrid(double[] times, Axis axis, T[] sigma) {
        this.times = times;
        this.axis = axis;
        this.sigma = sigma;
        this.values = new double[sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            values[i] = sigma[i].getReal();
        }
    }

    /**
     * The grid at {@code times} (non-decreasing, {@code >= 0}) and the axis's log-spots.
     *
     * @throws SurfaceException where Dupire's local variance is not a positive finite number: the
     *         surface has a calendar or butterfly arbitrage between its nodes there
     */
    public static <T extends RealFieldElement<T>> LocalVolGrid<T> build(VolSurface<T> surface, double[] times,
            Axis axis) {
        if (times.length == 0) {
            throw new IllegalArgumentException("a local-vol grid needs at least one time");
        }
        T[] sigma = null;
        T low = null;
        T high = null;
        int m = axis.points();
        for (int n = 0; n < times.length; n++) {
            double t = times[n];
            if (!(t >= 0) || !Double.isFinite(t) || (n > 0 && t < times[n - 1])) {
                throw new IllegalArgumentException("grid times must be finite, >= 0 and non-decreasing (time " + n
                        + " is " + t + ")");
            }
            T logForward = surface.forward(t).log();
            if (sigma == null) {
                sigma = MathArrays.buildArray(logForward.getField(), times.length * m);
                low = surface.strike(0).log();
                high = surface.strike(surface.axes().strikeCount() - 1).log();
            }
            T below = null;                       // the edge strikes' local vols, shared by every
            T above = null;                       // point beyond them in this row (one tape node each)
            for (int j = 0; j < m; j++) {
                double x = axis.at(j);
                if (x < low.getReal()) {
                    below = below != null ? below : localVol(surface, low, logForward, t);
                    sigma[n * m + j] = below;
                } else if (x > high.getReal()) {
                    above = above != null ? above : localVol(surface, high, logForward, t);
                    sigma[n * m + j] = above;
                } else {
                    sigma[n * m + j] = localVol(surface, Fn.constant(logForward, x), logForward, t);
                }
            }
        }
        return new LocalVolGrid<>(times.clone(), axis, sigma);
    }

    private static <T extends RealFieldElement<T>> T localVol(VolSurface<T> surface, T logSpot, T logForward,
            double t) {
        T var = surface.localVariance(logSpot.subtract(logForward), t);
        if (!(var.getReal() > 0) || !Double.isFinite(var.getReal())) {
            throw new SurfaceException(SurfaceException.SURFACE, "no local volatility at time " + SurfaceChecks.fmt(t)
                    + ", spot " + SurfaceChecks.fmt(Math.exp(logSpot.getReal())) + " (Dupire's local variance "
                    + SurfaceChecks.fmt(var.getReal()) + "): calendar or butterfly arbitrage between the surface's nodes",
                    null);
        }
        return var.sqrt();
    }

    public Axis axis() {
        return axis;
    }

    public int timeCount() {
        return times.length;
    }

    public double time(int n) {
        return times[n];
    }

    /** {@code sigma_loc(t_n, x_j)} on the field. */
    public T at(int n, int j) {
        return sigma[n * axis.points() + j];
    }

    /** Every grid value on the field, row-major (row = time), in the layout of {@link #values}. */
    public T[] fieldValues() {
        return sigma.clone();
    }

    /** The grid as plain doubles, row-major: row {@code n} starts at {@code n * axis().points()}. */
    public double[] values() {
        return values.clone();
    }
}
