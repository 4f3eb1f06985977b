package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.curve.ZeroCurve;

/**
 * The Bachelier (normal) model, one asset or several correlated ones:
 * {@code S_i(t) = S_i e^{(r - q_i) t} + vol_i W_i(t)}, with {@code vol_i} the normal volatility in
 * price units per sqrt(year) and {@code d<W_i, W_j> = corr_ij dt}. Prices are
 * {@code e^{-rT} E[payoff]}. Spots may be zero or negative; nothing takes their logarithm.
 *
 * <p>Stepped exactly in price units: {@code S_i(k) = S_i(k-1) + F_i(t_k) - F_i(t_{k-1}) + sum_j A_ij z_j}
 * with {@code F_i(t) = S_i e^{(r - q_i) t}} and {@code A = diag(vol sqrt(dt)) L}, L the Cholesky factor
 * of the correlation: one node per asset and step, like the lognormal models.
 *
 * <p>One asset under curves: the forward {@code F(t) = S exp(int_0^t (r - q))} from the discount and
 * dividend curves' integrals to each date (exact), the numeraire the discount curve's {@code DF(t_k)};
 * a row without a curve keeps the flat code, bit for bit ({@link CurveSteps}). Several assets read a
 * {@code discount_curve} and {@code dividend_curves} (one per asset, blocks {@code dividend_curve_<i>})
 * as the multi-asset Black-Scholes model does: each forward {@code S_i exp(int_0^t (r - q_i))}, exact
 * at each date, the numeraire {@code DF(t_k)}.
 *
 * <p>One asset: inputs {@code spot, vol, rate, dividend} (Greeks delta, vega, rho, dividend_rho);
 * several: {@code spot_i, vol_i, dividend_i, rate, corr_i_j}, as in the multi-asset Black-Scholes
 * model. This file is the whole model; see the README's "Adding a model" for its registration.
 */
public final class BachelierModel implements PathModel {

    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.EXACT_STEPS,
            Capability.NORMAL_LAST_STEP, Capability.SMOOTH_PATHS, Capability.JOINT_NORMAL_LAST_STEP);

    private final boolean single;
    private final double[] spots;
    private final double[] vols;
    private final double[] dividends;
    private final double rate;
    private final CurveInput discountInput;     // one asset: the flat rate or the discount curve
    private final CurveInput dividendInput;     // one asset: the flat dividend or the dividend curve
    private final CurveInput[] dividendCurves;  // several assets under curves: one per asset, or null
    private final double[][] correlation;
    private final InputLayout inputs;
    private final InputBlock spot;
    private final InputBlock vol;
    private final InputBlock dividend;

    /** One asset, a flat rate and dividend: today's inputs and code, bit for bit. */
    public BachelierModel(double spot, double vol, double rate, double dividend) {
        this(spot, vol, CurveInput.flat(MarketBlocks.RATE, rate), CurveInput.flat(MarketBlocks.DIVIDEND, dividend));
    }

    /**
     * One asset under a discount and a dividend input, each flat or a curve: with any curve the
     * forward is {@code S exp(int_0^t (r - q))}, exact at every date, and the numeraire {@code DF(t_k)}.
     */
    public BachelierModel(double spot, double vol, CurveInput discount, CurveInput dividend) {
        this(true, new double[] {spot}, new double[] {vol}, new double[] {first(dividend)}, first(discount),
                new double[][] {{1.0}}, discount, dividend, null);
    }

    private static double first(CurveInput c) {
        return c.values()[0];
    }

    /** Several correlated assets (the correlation is checked as for the multi-asset Black-Scholes model). */
    public BachelierModel(double[] spots, double[] vols, double[] dividends, double rate, double[][] correlation) {
        this(false, spots, vols, dividends, rate, correlation, null, null, null);
    }

    /**
     * Several correlated assets under curves: {@code discount} a flat rate or a discount curve,
     * {@code dividendCurves} one per asset or null for the flat {@code dividends} (the same checks
     * and input layout as the multi-asset Black-Scholes model's).
     */
    public BachelierModel(double[] spots, double[] vols, double[] dividends, CurveInput discount,
            CurveInput[] dividendCurves, double[][] correlation) {
        this(false, spots, vols, dividends, first(discount), correlation, discount, null, dividendCurves);
    }

    private BachelierModel(boolean single, double[] spots, double[] vols, double[] dividends, double rate,
            double[][] correlation, CurveInput discountInput, CurveInput dividendInput, CurveInput[] dividendCurves) {
        int n = spots.length;
        MultiAssetModel shape = null;
        if (single) {
            Validation.finite("spot", spots[0]);
            Validation.nonNegative("vol", vols[0]);
            MarketInputs.finiteIfFlat(discountInput, "rate");
            MarketInputs.finiteIfFlat(dividendInput, "dividend");
        } else {
            // the same shape, symmetry and positive-definiteness checks as the lognormal basket model
            shape = discountInput == null ? new MultiAssetModel(ones(n), vols, dividends, rate, correlation)
                    : new MultiAssetModel(ones(n), vols, dividends, discountInput, dividendCurves, correlation);
            for (int i = 0; i < n; i++) {
                Validation.finite("spots[" + (i + 1) + "]", spots[i]);
            }
        }
        this.single = single;
        this.spots = spots.clone();
        this.vols = vols.clone();
        this.dividends = dividendCurves == null ? dividends.clone() : new double[n];
        this.dividendCurves = dividendCurves == null ? null : dividendCurves.clone();
        this.rate = rate;
        this.discountInput = discountInput;
        this.dividendInput = dividendInput;
        this.correlation = new double[n][];
        for (int i = 0; i < n; i++) {
            this.correlation[i] = correlation[i].clone();
        }
        if (single) {
            spot = MarketBlocks.SPOT;
            vol = MarketBlocks.VOL;
            dividend = dividendInput.block();
            inputs = InputLayout.of(spot, vol, discountInput.block(), dividend);
        } else {
            spot = MarketBlocks.spots(n);
            vol = MarketBlocks.vols(n);
            dividend = MarketBlocks.dividends(n);
            inputs = hasCurve() ? shape.inputs() : MultiAssetModel.layout(n);
        }
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    /** The discount input (flat rate or curve); null for several assets without a curve (a flat {@code rate}). */
    public CurveInput discount() {
        return discountInput;
    }

    /** One asset: the dividend input (flat or curve); null for several assets. */
    public CurveInput dividend() {
        return dividendInput;
    }

    /** Several assets: asset i's dividend curve (0-based), or null where the dividends are flat. */
    public CurveInput dividendCurve(int i) {
        return dividendCurves == null ? null : dividendCurves[i];
    }

    /** Whether the model reads a curve (a discount curve, or one asset's or each asset's dividend curve). */
    public boolean hasCurve() {
        if (single) {
            return !CurveSteps.flat(discountInput, dividendInput);
        }
        return dividendCurves != null || (discountInput != null && discountInput.block().shape() != InputBlock.Shape.SCALAR);
    }

    /**
     * The input blocks of the spots, normal vols and dividends (scalars for one asset, else vectors;
     * a one-asset dividend curve's block is the curve's).
     */
    public InputBlock spotBlock() {
        return spot;
    }

    public InputBlock volBlock() {
        return vol;
    }

    public InputBlock dividendBlock() {
        return dividend;
    }

    /** The correlation block (several assets only). */
    public InputBlock correlationBlock() {
        return single ? null : MarketBlocks.correlations(spots.length);
    }

    /** Its inputs by name and value (a trade's text compares models by value, as a record's did). */
    @Override
    public String toString() {
        return "BachelierModel" + java.util.Arrays.toString(parameterNames()) + "=" + java.util.Arrays.toString(parameterValues());
    }

    @Override
    public String name() {
        return BachelierDescriptor.WORD;
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        if (single) {
            return InputLayout.values(new double[] {spots[0], vols[0]}, discountInput.values(), dividendInput.values());
        }
        if (!hasCurve()) {
            return MultiAssetModel.values(spots, vols, dividends, rate, correlation);
        }
        double[] v = new MultiAssetModel(ones(spots.length), vols, dividends, discountInput, dividendCurves,
                correlation).parameterValues();
        for (int i = 0; i < spots.length; i++) {
            v[inputs.index(spot, i)] = spots[i];
        }
        return v;
    }

    @Override
    public int assets() {
        return spots.length;
    }

    @Override
    public int normalsPerStep() {
        return spots.length;
    }

    @Override
    public String[] stateNames() {
        if (single) {
            return new String[] {"spot"};
        }
        List<String> s = new ArrayList<>();
        for (int i = 1; i <= spots.length; i++) {
            s.add("spot_" + i);
        }
        return s.toArray(new String[0]);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Asset i's dividend curve on the field: its own curve, or its flat yield (one asset: the dividend input). */
    private <T extends RealFieldElement<T>> ZeroCurve<T> dividendCurveOf(Inputs<T> p, int i) {
        if (single) {
            return dividendInput.curve(p);
        }
        return dividendCurves == null ? ZeroCurve.flat(p.get(dividend, i)) : dividendCurves[i].curve(p);
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        return new Generator<>(this, p, maturity, steps);
    }

    /** The setup: forward increments per step, the scaled Cholesky rows, discount factors. */
    private static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int n;
        private final int steps;
        private final T[][] increment;      // [asset][k]: F_i(t_k) - F_i(t_{k-1}), k = 1..steps
        private final T[][] factor;         // A_ij = vol_i sqrt(dt) L_ij, j <= i
        private final T[] deviation;        // vol_i sqrt(dt)
        private final T[] discount;
        private final T[][] path;           // the current path's spots, [asset][date]
        private T[] z;                      // the current path's normals

        Generator(BachelierModel m, Inputs<T> p, T maturity, int steps) {
            this.n = m.spots.length;
            this.steps = steps;
            var field = maturity.getField();
            T dt = maturity.divide(steps);
            T sqrtDt = dt.sqrt();
            boolean curves = m.hasCurve();
            T rate = curves ? null : p.get(MarketBlocks.RATE);
            ZeroCurve<T> r = curves ? m.discountInput.curve(p) : null;
            T[][] carryTo = MathArrays.buildArray(field, n, 0);
            T[][] l = m.single ? null : MultiAssetModel.cholesky(MultiAssetModel.correlationMatrix(p, n, maturity));
            increment = MathArrays.buildArray(field, n, steps + 1);
            factor = MathArrays.buildArray(field, n, 0);
            deviation = MathArrays.buildArray(field, n);
            path = MathArrays.buildArray(field, n, steps + 1);
            for (int i = 0; i < n; i++) {
                T s0 = p.get(m.spot, i);
                T carryDt = curves ? null : rate.subtract(p.get(m.dividend, i)).multiply(dt);
                if (curves) {
                    carryTo[i] = CurveSteps.carryTo(r, m.dividendCurveOf(p, i), dt, maturity, steps);
                }
                T previous = s0;
                for (int k = 1; k <= steps; k++) {
                    // F(t_k) = S e^{(r - q) t_k}; under curves S e^{int_0^{t_k} (r - q)}, exact at each date
                    T forward = (curves ? carryTo[i][k] : carryDt.multiply(k)).exp().multiply(s0);
                    increment[i][k] = forward.subtract(previous);
                    previous = forward;
                }
                deviation[i] = p.get(m.vol, i).multiply(sqrtDt);
                factor[i] = MathArrays.buildArray(field, i + 1);
                for (int j = 0; j <= i; j++) {
                    factor[i][j] = l == null ? deviation[i] : deviation[i].multiply(l[i][j]);
                }
                path[i][0] = s0;
            }
            discount = curves ? CurveSteps.discount(r, dt, maturity, steps) : CurveSteps.flatDiscount(rate, dt, steps);
        }

        @Override
        public void simulate(T[] z) {
            this.z = z;
            for (int k = 1; k <= steps; k++) {
                int base = (k - 1) * n;
                for (int i = 0; i < n; i++) {
                    // S_i(k) = S_i(k-1) + increment_i(k) + sum_{j<=i} A_ij z_j, one node
                    path[i][k] = Fn.affine(path[i][k - 1], increment[i][k], factor[i], z, base, i + 1);
                }
            }
        }

        @Override
        public T state(int variable, int k) {
            return path[variable][k];
        }

        @Override
        public T spot(int asset, int k) {
            return path[asset][k];
        }

        @Override
        public T discountFactor(int k) {
            return discount[k];
        }

        /** Given the path to date N-1, the last step of asset i is normal with deviation vol_i sqrt(dt). */
        @Override
        public NormalStep<T> lastStep(int asset) {
            return new NormalStep<>(path[asset][steps - 1].add(increment[asset][steps]), deviation[asset]);
        }

        /** {@code A_ij = vol_i sqrt(dt) L_ij} (0 above the diagonal). */
        @Override
        public T[][] lastStepLoadings() {
            T[][] a = MathArrays.buildArray(deviation[0].getField(), n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = j <= i ? factor[i][j] : Fn.constant(deviation[0], 0.0);
                }
            }
            return a;
        }

        @Override
        public T lastStepNormal(int j) {
            return z[(steps - 1) * n + j];
        }
    }
}
