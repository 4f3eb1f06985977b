package dev.adjointgreeks.model;

import static dev.adjointgreeks.model.MarketBlocks.DIVIDEND;
import static dev.adjointgreeks.model.MarketBlocks.RATE;
import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.model.MarketBlocks.VOL;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.GeometricAsianFormula;

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

    /** The inputs: spot, vol, rate, dividend. */
    public static final InputLayout INPUTS = InputLayout.of(SPOT, VOL, RATE, DIVIDEND);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LOG_SPOTS, Capability.LOGNORMAL_STEPS,
            Capability.EXACT_STEPS, Capability.NORMAL_LAST_STEP, Capability.BLACK_SCHOLES_MARKET,
            Capability.BROWNIAN_LOG_SPOT, Capability.SMOOTH_PATHS);

    @Override
    public String name() {
        return BlackScholesDescriptor.WORD;
    }

    /** The geometric Asian in closed form on this market (Kemna and Vorst): the arithmetic Asian's control variate. */
    @Override
    public <T extends RealFieldElement<T>> T geometricAsianPrice(Inputs<T> params, double sign, T strike, T maturity,
            int fixings) {
        return GeometricAsianFormula.price(CallPut.ofSign(sign), params.get(SPOT), strike, maturity, params.get(RATE),
                params.get(DIVIDEND), params.get(VOL), fixings);
    }

    @Override
    public InputLayout inputs() {
        return INPUTS;
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
    public String[] stateNames() {
        return new String[] {"log_spot"};
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        return new Generator<>(p.get(SPOT), p.get(VOL), p.get(RATE), p.get(DIVIDEND), maturity, steps);
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
        private final T[] path;           // the current path's log-spots; date 0 is set in the setup
        private final T spot0;

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
            this.path = MathArrays.buildArray(spot.getField(), steps + 1);
            this.path[0] = logSpot0;
            this.spot0 = spot;
        }

        @Override
        public void simulate(T[] z) {
            path[0] = logSpot0;
            // ln S_k = ln S_{k-1} + drift + vol sqrt(dt) z_k, one node per step (the first folds ln S0 + drift)
            path[1] = Fn.affine(firstStep, null, volSqrtDt, z, 0, 1);
            for (int k = 2; k <= steps; k++) {
                path[k] = Fn.affine(path[k - 1], drift, volSqrtDt, z, k - 1, 1);
            }
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
        public T stepVariance(int asset) {
            return stepVariance;
        }

        @Override
        public NormalStep<T> lastStep(int asset) {
            T mean = steps == 1 ? firstStep : path[steps - 1].add(drift);
            return new NormalStep<>(mean, volSqrtDt[0]);
        }

        /** Today's log-spot plus every step's drift, and {@code vol sqrt(T)}: set up once per trade. */
        @Override
        public NormalStep<T> terminal(int asset) {
            return new NormalStep<>(logSpot0.add(drift.multiply(steps)), volSqrtDt[0].multiply(Math.sqrt(steps)));
        }
    }
}
