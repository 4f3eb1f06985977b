package dev.adjointgreeks.model;

import static dev.adjointgreeks.model.MarketBlocks.DIVIDEND;
import static dev.adjointgreeks.model.MarketBlocks.RATE;
import static dev.adjointgreeks.model.MarketBlocks.SPOT;

import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.spec.Role;

/**
 * Heston stochastic volatility, simulated by full-truncation Euler (Lord, Koekkoek and van Dijk):
 * with {@code v+ = max(v, 0)},
 * <pre>
 *   ln S += (r - q - v+/2) dt + sqrt(v+ dt) Z1      (r - q) dt: int (r - q) over the step under curves
 *   v    += kappa (theta - v+) dt + xi sqrt(v+ dt) (rho Z1 + sqrt(1 - rho^2) Z2)
 * </pre>
 * Every step is a continuous function of the parameters, so pathwise derivatives exist. When the
 * variance is truncated, {@code max} returns a passive zero and {@code sqrt}'s infinite slope at 0
 * never reaches the tape (no NaN sensitivities). Andersen's QE scheme is not offered: its branch
 * switches are discontinuous in the parameters.
 */
public final class HestonModel implements PathModel {

    private final double spot;
    private final double v0;
    private final double kappa;
    private final double theta;
    private final double xi;
    private final double rho;
    private final CurveInput discount;
    private final CurveInput dividend;
    private final InputLayout inputs;

    /** A flat rate and dividend yield: today's inputs and code, bit for bit. */
    public HestonModel(double spot, double v0, double kappa, double theta, double xi, double rho, double rate,
            double dividend) {
        this(spot, v0, kappa, theta, xi, rho, CurveInput.flat(RATE, rate), CurveInput.flat(DIVIDEND, dividend));
    }

    /**
     * A discount and a dividend input, each a flat scalar or a curve ({@link CurveInput}): with any
     * curve, step k's drift is {@code int (r - q)} over the step, exact, and the numeraire
     * {@code DF(t_k)}.
     */
    public HestonModel(double spot, double v0, double kappa, double theta, double xi, double rho, CurveInput discount,
            CurveInput dividend) {
        Validation.positive("spot", spot);
        Validation.nonNegative("heston_v0", v0);
        Validation.nonNegative("heston_kappa", kappa);
        Validation.nonNegative("heston_theta", theta);
        Validation.nonNegative("heston_xi", xi);
        Validation.between("heston_rho", rho, -1.0, 1.0);
        MarketInputs.finiteIfFlat(discount, "rate");
        MarketInputs.finiteIfFlat(dividend, "dividend");
        this.spot = spot;
        this.v0 = v0;
        this.kappa = kappa;
        this.theta = theta;
        this.xi = xi;
        this.rho = rho;
        this.discount = discount;
        this.dividend = dividend;
        this.inputs = CurveSteps.flat(discount, dividend) ? INPUTS
                : InputLayout.of(SPOT, V0, KAPPA, THETA, XI, RHO, discount.block(), dividend.block());
    }

    public CurveInput discount() {
        return discount;
    }

    public CurveInput dividend() {
        return dividend;
    }

    public static final InputBlock V0 = InputBlock.scalar("heston_v0", Role.MODEL_PARAMETER);
    public static final InputBlock KAPPA = InputBlock.scalar("heston_kappa", Role.MODEL_PARAMETER);
    public static final InputBlock THETA = InputBlock.scalar("heston_theta", Role.MODEL_PARAMETER);
    public static final InputBlock XI = InputBlock.scalar("heston_xi", Role.MODEL_PARAMETER);
    public static final InputBlock RHO = InputBlock.scalar("heston_rho", Role.MODEL_PARAMETER);
    /** The inputs: spot, heston_v0, heston_kappa, heston_theta, heston_xi, heston_rho, rate, dividend. */
    public static final InputLayout INPUTS = InputLayout.of(SPOT, V0, KAPPA, THETA, XI, RHO, RATE, DIVIDEND);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LOG_SPOTS, Capability.NORMAL_LAST_STEP);

    /** Its inputs by name and value (a trade's text compares models by value, as a record's did). */
    @Override
    public String toString() {
        return "HestonModel" + java.util.Arrays.toString(parameterNames()) + "=" + java.util.Arrays.toString(parameterValues());
    }

    @Override
    public String name() {
        return HestonDescriptor.WORD;
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        return InputLayout.values(new double[] {spot, v0, kappa, theta, xi, rho}, discount.values(), dividend.values());
    }

    @Override
    public int assets() {
        return 1;
    }

    @Override
    public int normalsPerStep() {
        return 2;
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
        return new Generator<>(this, p, maturity, steps);
    }

    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int steps;
        private final T logSpot0;
        private final T v0;
        private final T[] carry;          // carry[k]: int (r - q) over step k; today's (r - q) dt when flat
        private final T kappaThetaDt;
        private final T minusKappaDt;
        private final T xiRhoSqrtDt;       // xi rho sqrt(dt)
        private final T xiRhoBarSqrtDt;    // xi sqrt(1 - rho^2) sqrt(dt)
        private final T[] discount;
        private final T one;
        private final T[] t4;
        private final T[] a4;
        private final T[] b4;

        Generator(HestonModel m, Inputs<T> p, T maturity, int steps) {
            this.steps = steps;
            T dtT = maturity.divide(steps);
            T sqrtDtT = dtT.sqrt();
            T spot = p.get(SPOT);
            this.spot0 = spot;
            this.logSpot0 = spot.log();
            this.v0 = p.get(V0);
            T kappa = p.get(KAPPA);
            T theta = p.get(THETA);
            T xi = p.get(XI);
            T rho = p.get(RHO);
            boolean flat = CurveSteps.flat(m.discount, m.dividend);
            // no curve: today's nodes, in today's order (the order adjoints accumulate in)
            ZeroCurve<T> r = flat ? null : m.discount.curve(p);
            this.carry = flat ? CurveSteps.flatStepCarry(p.get(RATE), p.get(DIVIDEND), dtT, steps)
                    : CurveSteps.stepCarry(r, m.dividend.curve(p), dtT, steps);
            this.kappaThetaDt = kappa.multiply(theta).multiply(dtT);
            this.minusKappaDt = kappa.multiply(dtT).negate();
            this.xiRhoSqrtDt = xi.multiply(rho).multiply(sqrtDtT);
            this.xiRhoBarSqrtDt = xi.multiply(rho.multiply(rho).negate().add(1.0).sqrt()).multiply(sqrtDtT);
            this.one = Fn.constant(spot, 1.0);
            this.discount = flat ? CurveSteps.flatDiscount(p.get(RATE), dtT, steps)
                    : CurveSteps.discount(r, dtT, maturity, steps);
            // Maturity enters every step through dt: these setup nodes carry its sensitivity.
            this.minusHalfDt = dtT.multiply(-0.5);
            this.sqrtDtNode = sqrtDtT;
            this.zero = Fn.constant(spot, 0.0);
            this.t4 = MathArrays.buildArray(spot.getField(), 4);
            this.a4 = MathArrays.buildArray(spot.getField(), 4);
            this.b4 = MathArrays.buildArray(spot.getField(), 4);
            this.c4 = MathArrays.buildArray(spot.getField(), 2);
            this.path = MathArrays.buildArray(spot.getField(), steps + 1);
            this.path[0] = logSpot0;
        }

        private final T minusHalfDt;
        private final T sqrtDtNode;
        private final T zero;
        private final T[] c4;     // the step's two normals
        private final T spot0;
        private final T[] path;   // the current path's log-spots; date 0 is set in the setup
        private T lastVPlus;      // v+ and sqrt(v+) at the start of the last step, for lastStep()
        private T lastSqrtV;

        @Override
        public void simulate(T[] z) {
            path[0] = logSpot0;
            T v = v0;
            for (int k = 1; k <= steps; k++) {
                T z1 = z[2 * (k - 1)];
                T z2 = z[2 * (k - 1) + 1];
                // Full truncation. At v <= 0 the truncated variance is a passive zero, so neither
                // sqrt's infinite slope at 0 nor the (constant) truncated branch touch the adjoints.
                T vPlus = Fn.select(v, v, zero);
                T sqrtV = Fn.sqrtOfPositivePart(v);
                if (k == steps) {
                    lastVPlus = vPlus;
                    lastSqrtV = sqrtV;
                }
                // ln S_k = ln S_{k-1} + (r - q) dt - (dt/2) v+ + sqrt(v+) sqrt(dt) z1: one node
                a4[0] = one;
                b4[0] = path[k - 1];
                a4[1] = one;
                b4[1] = carry[k];
                a4[2] = vPlus;
                b4[2] = minusHalfDt;
                a4[3] = sqrtV;
                b4[3] = sqrtDtNode.multiply(z1);
                path[k] = Fn.sumOfProducts(a4, b4, 4);
                // v_k = v + kappa theta dt - kappa dt v+ + sqrt(v+) (xi rho sqrt(dt) z1 + xi rhobar sqrt(dt) z2)
                t4[0] = xiRhoSqrtDt;
                t4[1] = xiRhoBarSqrtDt;
                c4[0] = z1;
                c4[1] = z2;
                T shock = Fn.sumOfProducts(t4, c4, 2);
                a4[0] = one;
                b4[0] = v;
                a4[1] = one;
                b4[1] = kappaThetaDt;
                a4[2] = minusKappaDt;
                b4[2] = vPlus;
                a4[3] = sqrtV;
                b4[3] = shock;
                v = Fn.sumOfProducts(a4, b4, 4);
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

        /**
         * The Euler step's law: ln S_N = ln S_{N-1} + (r - q) dt - (dt/2) v+ + sqrt(v+) sqrt(dt) Z1,
         * normal given the state at N-1 (a deviation of 0 where the variance is truncated).
         */
        @Override
        public NormalStep<T> lastStep(int asset) {
            a4[0] = one;
            b4[0] = path[steps - 1];
            a4[1] = one;
            b4[1] = carry[steps];
            a4[2] = lastVPlus;
            b4[2] = minusHalfDt;
            T mean = Fn.sumOfProducts(a4, b4, 3);
            return new NormalStep<>(mean, lastSqrtV.multiply(sqrtDtNode));
        }
    }
}
