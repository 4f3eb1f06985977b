package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;

/**
 * Geometric Brownian motion with rate r and continuous dividend yield q, stepped exactly in log
 * space: {@code ln S(t+dt) = ln S(t) + (r - q - vol^2/2) dt + vol sqrt(dt) Z}. Vol 0 gives the
 * deterministic forward path.
 */
public record BlackScholesModel(double spot, double vol, double rate, double dividend) implements PathModel {

    public BlackScholesModel {
        Validation.positive("spot", spot);
        Validation.nonNegative("vol", vol);
        Validation.finite("rate", rate);
        Validation.finite("dividend", dividend);
    }

    @Override
    public String[] parameterNames() {
        return new String[] {"spot", "vol", "rate", "dividend"};
    }

    @Override
    public double[] parameterValues() {
        return new double[] {spot, vol, rate, dividend};
    }

    @Override
    public int assets() {
        return 1;
    }

    @Override
    public int normalsPerStep() {
        return 1;
    }

    @Override
    public boolean lognormal() {
        return true;
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(T[] p, T maturity, int steps) {
        return new Generator<>(p[0], p[1], p[2], p[3], maturity, steps);
    }

    /** The setup: drift, vol sqrt(dt) and the discount factors, recorded once per trade. */
    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int steps;
        private final T logSpot0;
        private final T drift;
        private final T firstStep;      // ln S0 + drift: the first step needs one node, not two
        private final T[] volSqrtDt;      // one element: the factor of the step's normal
        private final T stepVariance;
        private final T[] discount;

        Generator(T spot, T vol, T rate, T dividend, T maturity, int steps) {
            this.steps = steps;
            T dt = maturity.divide(steps);
            this.logSpot0 = spot.log();
            this.stepVariance = vol.multiply(vol).multiply(dt);
            this.drift = rate.subtract(dividend).multiply(dt).subtract(stepVariance.multiply(0.5));
            this.firstStep = logSpot0.add(drift);
            this.volSqrtDt = MathArrays.buildArray(spot.getField(), 1);
            this.volSqrtDt[0] = vol.multiply(dt.sqrt());
            this.discount = MathArrays.buildArray(spot.getField(), steps + 1);
            T minusRDt = rate.multiply(dt).negate();
            for (int k = 0; k <= steps; k++) {
                discount[k] = minusRDt.multiply(k).exp();
            }
        }

        @Override
        public void simulate(T[] z, T[][] logSpots) {
            T[] path = logSpots[0];
            path[0] = logSpot0;
            // ln S_k = ln S_{k-1} + drift + vol sqrt(dt) z_k, one node per step (the first folds ln S0 + drift)
            path[1] = Fn.affine(firstStep, null, volSqrtDt, z, 0, 1);
            for (int k = 2; k <= steps; k++) {
                path[k] = Fn.affine(path[k - 1], drift, volSqrtDt, z, k - 1, 1);
            }
        }

        @Override
        public T discountFactor(int k) {
            return discount[k];
        }

        @Override
        public T stepVariance(int asset) {
            return stepVariance;
        }

        @Override
        public T logSpot0(int asset) {
            return logSpot0;
        }
    }
}
