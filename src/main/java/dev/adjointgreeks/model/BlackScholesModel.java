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
        private final T volSqrtDt;
        private final T stepVariance;
        private final T[] discount;
        private final double[] coefficients = new double[3];
        private final T[] terms;

        Generator(T spot, T vol, T rate, T dividend, T maturity, int steps) {
            this.steps = steps;
            T dt = maturity.divide(steps);
            this.logSpot0 = spot.log();
            this.stepVariance = vol.multiply(vol).multiply(dt);
            this.drift = rate.subtract(dividend).multiply(dt).subtract(stepVariance.multiply(0.5));
            this.firstStep = logSpot0.add(drift);
            this.volSqrtDt = vol.multiply(dt.sqrt());
            this.discount = MathArrays.buildArray(spot.getField(), steps + 1);
            T minusRDt = rate.multiply(dt).negate();
            for (int k = 0; k <= steps; k++) {
                discount[k] = minusRDt.multiply(k).exp();
            }
            this.terms = MathArrays.buildArray(spot.getField(), 3);
        }

        @Override
        public void simulate(double[] z, T[][] logSpots) {
            T[] path = logSpots[0];
            path[0] = logSpot0;
            // first step: one node (ln S0 + drift) + vol sqrt(dt) z
            coefficients[0] = 1.0;
            coefficients[1] = z[0];
            terms[0] = firstStep;
            terms[1] = volSqrtDt;
            path[1] = Fn.weightedSum(0.0, coefficients, terms, 2);
            coefficients[2] = 0.0;
            for (int k = 2; k <= steps; k++) {
                coefficients[0] = 1.0;
                coefficients[1] = 1.0;
                coefficients[2] = z[k - 1];
                terms[0] = path[k - 1];
                terms[1] = drift;
                terms[2] = volSqrtDt;
                path[k] = Fn.weightedSum(0.0, coefficients, terms, 3);
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
