package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.curve.ZeroCurve;

/**
 * The paths of {@link LocalVolModel}: log-Euler steps with the local vol at each step's start, read
 * through a {@link Lookup} (a {@code GridTable} node on the block scalar, field arithmetic on any
 * other field). The setup records each step's {@code int (r - q)}, {@code sqrt(dt)} and the discount
 * factors once per trade; a step records the lookup, {@code sigma sqrt(dt)}, its square and the
 * affine step: six nodes.
 */
final class LocalVolPaths<T extends RealFieldElement<T>> implements PathModel.PathGenerator<T> {

    /** The local vol of grid row {@code n} (the start of step n + 1) at log-spot {@code x}. */
    @FunctionalInterface
    interface Lookup<T> {
        T sigma(int n, T x);
    }

    private final int steps;
    private final T spot0;
    private final T logSpot0;
    private final T[] carry;          // carry[k]: int (r - q) over step k (1..steps)
    private final T sqrtDt;
    private final T[] discount;
    private final Lookup<T> lookup;
    private final T[] path;
    private final T[] volSqrtDt;      // volSqrtDt[k]: sigma sqrt(dt) of step k on the current path
    private final T[] variance;       // variance[k]: sigma^2 dt of step k
    private final T[] factor;

    LocalVolPaths(T spot, ZeroCurve<T> r, ZeroCurve<T> q, T maturity, int steps, Lookup<T> lookup) {
        this.steps = steps;
        this.spot0 = spot;
        this.logSpot0 = spot.log();
        this.lookup = lookup;
        T dt = maturity.divide(steps);
        this.sqrtDt = dt.sqrt();
        this.carry = MathArrays.buildArray(spot.getField(), steps + 1);
        this.discount = MathArrays.buildArray(spot.getField(), steps + 1);
        this.discount[0] = r.discountFactor(dt.multiply(0));
        for (int k = 1; k <= steps; k++) {
            T start = dt.multiply(k - 1);
            carry[k] = r.stepIntegral(start, dt).subtract(q.stepIntegral(start, dt));
            discount[k] = r.discountFactor(k == steps ? maturity : dt.multiply(k));
        }
        carry[0] = carry[1];
        this.path = MathArrays.buildArray(spot.getField(), steps + 1);
        this.volSqrtDt = MathArrays.buildArray(spot.getField(), steps + 1);
        this.variance = MathArrays.buildArray(spot.getField(), steps + 1);
        this.factor = MathArrays.buildArray(spot.getField(), 1);
        this.path[0] = logSpot0;
    }

    @Override
    public void simulate(T[] z) {
        path[0] = logSpot0;
        for (int k = 1; k <= steps; k++) {
            path[k] = Fn.affine(start(k), carry[k], factor, z, k - 1, 1);
        }
    }

    /** {@code x_{k-1} - sigma^2 dt / 2}, with step k's {@code sigma sqrt(dt)} in {@code factor[0]}. */
    private T start(int k) {
        T x = path[k - 1];
        T s = lookup.sigma(k - 1, x).multiply(sqrtDt);
        T v = s.multiply(s);
        volSqrtDt[k] = s;
        variance[k] = v;
        factor[0] = s;
        return x.add(v.multiply(-0.5));
    }

    @Override
    public T state(int variable, int k) {
        return path[k];
    }

    @Override
    public T spot(int asset, int k) {
        return k == 0 ? spot0 : path[k].exp();
    }

    @Override
    public T logSpot(int asset, int k) {
        return path[k];
    }

    @Override
    public T discountFactor(int k) {
        return discount[k];
    }

    @Override
    public T stepVariance(int asset, int k) {
        return variance[k];
    }

    @Override
    public PathModel.NormalStep<T> lastStep(int asset) {
        T x = path[steps - 1];
        T mean = x.add(variance[steps].multiply(-0.5)).add(carry[steps]);
        return new PathModel.NormalStep<>(mean, volSqrtDt[steps]);
    }
}
