package dev.adjointgreeks.model;

import static dev.adjointgreeks.model.MarketBlocks.SPOT;
import static dev.adjointgreeks.model.MarketBlocks.VOL;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.GeometricAsianCurveFormula;
import dev.adjointgreeks.curve.ZeroCurve;

/**
 * Geometric Brownian motion under a discount curve r and a dividend (or borrow) curve q, stepped
 * exactly in log space: {@code ln S(t+dt) = ln S(t) + int_t^{t+dt} (r - q) - vol^2 dt / 2 + vol
 * sqrt(dt) Z}, each curve's integral over the step exact ({@link ZeroCurve#stepIntegral}); one
 * step to maturity uses the integrals to maturity. The numeraire is the discount curve's
 * {@code DF(t_k)}. Either curve may be a flat input instead ({@link CurveInput#flat}). A trade
 * without any curve is priced by {@link BlackScholesModel}, today's code path, bit for bit.
 */
public final class BlackScholesCurveModel implements PathModel {

    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LOG_SPOTS, Capability.LOGNORMAL_STEPS,
            Capability.EXACT_STEPS, Capability.NORMAL_LAST_STEP, Capability.BLACK_SCHOLES_MARKET,
            Capability.BROWNIAN_LOG_SPOT, Capability.SMOOTH_PATHS);

    private final double spot;
    private final double vol;
    private final CurveInput discount;
    private final CurveInput dividend;
    private final InputLayout inputs;

    public BlackScholesCurveModel(double spot, double vol, CurveInput discount, CurveInput dividend) {
        Validation.positive("spot", spot);
        Validation.nonNegative("vol", vol);
        this.spot = spot;
        this.vol = vol;
        this.discount = discount;
        this.dividend = dividend;
        this.inputs = InputLayout.of(SPOT, VOL, discount.block(), dividend.block());
    }

    public CurveInput discount() {
        return discount;
    }

    public CurveInput dividend() {
        return dividend;
    }

    @Override
    public String name() {
        return BlackScholesDescriptor.WORD;
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        return InputLayout.values(new double[] {spot, vol}, discount.values(), dividend.values());
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

    /** The geometric Asian with each fixing at its own forward: the arithmetic Asian's control variate. */
    @Override
    public <T extends RealFieldElement<T>> T geometricAsianPrice(Inputs<T> p, double sign, T strike, T maturity,
            int fixings) {
        ZeroCurve<T> r = discount.curve(p);
        ZeroCurve<T> q = dividend.curve(p);
        T[] carry = MathArrays.buildArray(strike.getField(), fixings);
        for (int i = 0; i < fixings; i++) {
            T t = maturity.multiply(i + 1).divide(fixings);
            carry[i] = r.integral(t).subtract(q.integral(t));
        }
        return GeometricAsianCurveFormula.price(CallPut.ofSign(sign), p.get(SPOT), strike, maturity,
                r.discountFactor(maturity), carry, p.get(VOL));
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        return new Generator<>(p.get(SPOT), p.get(VOL), discount.curve(p), dividend.curve(p), maturity, steps);
    }

    /** The setup: each step's drift, vol sqrt(dt) and the discount factors, recorded once per trade. */
    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int steps;
        private final T logSpot0;
        private final T[] drift;          // drift[k]: the drift of step k (1..steps)
        private final T firstStep;
        private final T[] volSqrtDt;
        private final T stepVariance;
        private final T[] discount;
        private final T[] path;
        private final T spot0;

        Generator(T spot, T vol, ZeroCurve<T> r, ZeroCurve<T> q, T maturity, int steps) {
            this.steps = steps;
            T dt = maturity.divide(steps);
            this.logSpot0 = spot.log();
            this.stepVariance = vol.multiply(vol).multiply(dt);
            T halfVariance = stepVariance.multiply(0.5);
            this.drift = CurveSteps.logDrift(r, q, dt, steps, halfVariance);
            this.discount = CurveSteps.discount(r, dt, maturity, steps);
            this.firstStep = logSpot0.add(drift[1]);
            this.volSqrtDt = MathArrays.buildArray(spot.getField(), 1);
            this.volSqrtDt[0] = vol.multiply(dt.sqrt());
            this.path = MathArrays.buildArray(spot.getField(), steps + 1);
            this.path[0] = logSpot0;
            this.spot0 = spot;
        }

        @Override
        public void simulate(T[] z) {
            path[0] = logSpot0;
            path[1] = Fn.affine(firstStep, null, volSqrtDt, z, 0, 1);
            for (int k = 2; k <= steps; k++) {
                path[k] = Fn.affine(path[k - 1], drift[k], volSqrtDt, z, k - 1, 1);
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
            T mean = steps == 1 ? firstStep : path[steps - 1].add(drift[steps]);
            return new NormalStep<>(mean, volSqrtDt[0]);
        }

        /** Today's log-spot plus every step's drift, and {@code vol sqrt(T)}: set up once per trade. */
        @Override
        public NormalStep<T> terminal(int asset) {
            T mean = logSpot0;
            for (int k = 1; k <= steps; k++) {
                mean = mean.add(drift[k]);
            }
            return new NormalStep<>(mean, volSqrtDt[0].multiply(Math.sqrt(steps)));
        }
    }
}
