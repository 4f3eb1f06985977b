package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.spec.FieldException;

/**
 * Several correlated geometric Brownian motions with a common rate. The correlation matrix is an
 * input too: its Cholesky factor is computed in the setup section of the tape, so the sensitivity
 * to every correlation comes out of the same sweep. {@code corr_i_j} (1-based, i &lt; j) moves
 * rho_ij and rho_ji together.
 *
 * <p>Per step and asset, {@code ln S_i += drift_i + sum_j A_ij z_j} with {@code A = diag(vol sqrt(dt)) L}
 * precomputed: one n-ary node per asset and step.
 *
 * <p>Under curves (a {@code discount_curve}, {@code dividend_curves} one per asset, or both) step
 * k's drift of asset i is {@code int (r - q_i)} over the step minus {@code vol_i^2 dt / 2}, exact
 * ({@link CurveSteps}; one step to maturity: the integrals to maturity), and the numeraire is the
 * discount curve's {@code DF(t_k)}. A row without a curve keeps today's code, bit for bit.
 */
public final class MultiAssetModel implements PathModel {

    /** Cholesky pivots at or below this are refused as not positive definite. */
    public static final double PIVOT_FLOOR = 1e-12;

    private final double[] spots;
    private final double[] vols;
    private final double[] dividends;
    private final double rate;
    private final double[][] correlation;
    private final CurveInput discount;          // the flat rate or the discount curve
    private final CurveInput[] dividendCurves;  // one per asset, or null: the flat dividends
    private final InputLayout inputs;

    /** Flat rate and dividends: today's inputs and code, bit for bit. */
    public MultiAssetModel(double[] spots, double[] vols, double[] dividends, double rate, double[][] correlation) {
        this(spots, vols, dividends, CurveInput.flat(MarketBlocks.RATE, rate), null, correlation);
    }

    /**
     * Under curves: {@code discount} a flat rate or a discount curve; {@code dividendCurves} one
     * dividend curve per asset (blocks {@code dividend_curve_<i>}), or null for the flat
     * {@code dividends}. With any curve, step k's drift of asset i is {@code int (r - q_i)} over the
     * step, exact, and the numeraire {@code DF(t_k)}.
     */
    public MultiAssetModel(double[] spots, double[] vols, double[] dividends, CurveInput discount,
            CurveInput[] dividendCurves, double[][] correlation) {
        double rate = discount.values()[0];
        int n = spots.length;
        if (n == 0) {
            throw new FieldException("spots", "at least one asset is needed");
        }
        if (vols.length != n) {
            throw new FieldException("vols", vols.length + " values for " + n + " assets");
        }
        if (dividendCurves != null && dividendCurves.length != n) {
            throw new FieldException("dividend_curves", dividendCurves.length + " curves for " + n + " assets");
        }
        if (dividendCurves == null && dividends.length != n) {
            throw new FieldException("dividends", dividends.length + " values for " + n + " assets");
        }
        if (correlation.length != n) {
            throw new FieldException("correlation", correlation.length + " rows for " + n + " assets");
        }
        for (int i = 0; i < n; i++) {
            Validation.positive("spots[" + (i + 1) + "]", spots[i]);
            Validation.nonNegative("vols[" + (i + 1) + "]", vols[i]);
            if (dividendCurves == null) {
                Validation.finite("dividends[" + (i + 1) + "]", dividends[i]);
            }
            if (correlation[i].length != n) {
                throw new FieldException("correlation", "row " + (i + 1) + " has " + correlation[i].length
                        + " entries for " + n + " assets");
            }
        }
        MarketInputs.finiteIfFlat(discount, "rate");
        for (int i = 0; i < n; i++) {
            if (correlation[i][i] != 1.0) {
                throw new FieldException("correlation[" + (i + 1) + "][" + (i + 1) + "]", "must be 1");
            }
            for (int j = 0; j < i; j++) {
                String at = "correlation[" + (i + 1) + "][" + (j + 1) + "]";
                Validation.between(at, correlation[i][j], -1.0, 1.0);
                if (correlation[i][j] != correlation[j][i]) {
                    throw new FieldException("correlation", "is not symmetric: " + at + " = " + correlation[i][j]
                            + " but correlation[" + (j + 1) + "][" + (i + 1) + "] = " + correlation[j][i]);
                }
            }
        }
        cholesky(correlation);   // refuses a matrix that is not positive definite, naming the entry
        this.spots = spots.clone();
        this.vols = vols.clone();
        this.dividends = dividendCurves == null ? dividends.clone() : new double[n];
        this.rate = rate;
        this.correlation = deepClone(correlation);
        this.discount = discount;
        this.dividendCurves = dividendCurves == null ? null : dividendCurves.clone();
        this.inputs = flat() ? layout(n) : curveLayout();
    }

    /** Whether the row has no curve: today's layout and code. */
    private boolean flat() {
        return dividendCurves == null && discount.block().shape() == InputBlock.Shape.SCALAR;
    }

    /** spot_i, vol_i, the dividends (flat or one curve per asset), the rate or discount curve, corr_i_j. */
    private InputLayout curveLayout() {
        int n = spots.length;
        List<InputBlock> blocks = new ArrayList<>(List.of(MarketBlocks.spots(n), MarketBlocks.vols(n)));
        if (dividendCurves == null) {
            blocks.add(MarketBlocks.dividends(n));
        } else {
            for (CurveInput c : dividendCurves) {
                blocks.add(c.block());
            }
        }
        blocks.add(discount.block());
        if (n > 1) {
            blocks.add(MarketBlocks.correlations(n));
        }
        return InputLayout.of(blocks);
    }

    /** The discount input (flat rate or curve). */
    public CurveInput discount() {
        return discount;
    }

    /** Asset i's dividend curve (0-based), or null where the dividends are flat. */
    public CurveInput dividendCurve(int i) {
        return dividendCurves == null ? null : dividendCurves[i];
    }

    private static double[][] deepClone(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Cholesky factor in double, for validation and for passive use ({@link Cholesky}). */
    public static double[][] cholesky(double[][] c) {
        return Cholesky.of(c);
    }

    /** The input blocks of {@code n} correlated assets: spot_i, vol_i, dividend_i, rate, corr_i_j (n &gt; 1). */
    public static InputLayout layout(int n) {
        List<InputBlock> blocks = new ArrayList<>(List.of(MarketBlocks.spots(n), MarketBlocks.vols(n),
                MarketBlocks.dividends(n), MarketBlocks.RATE));
        if (n > 1) {
            blocks.add(MarketBlocks.correlations(n));
        }
        return InputLayout.of(blocks);
    }

    /** Values in the order of {@link #layout}. */
    static double[] values(double[] spots, double[] vols, double[] dividends, double rate, double[][] correlation) {
        int n = spots.length;
        InputLayout layout = layout(n);
        double[] v = new double[layout.size()];
        for (int i = 0; i < n; i++) {
            v[layout.index(MarketBlocks.spots(n), i)] = spots[i];
            v[layout.index(MarketBlocks.vols(n), i)] = vols[i];
            v[layout.index(MarketBlocks.dividends(n), i)] = dividends[i];
            for (int j = i + 1; j < n; j++) {
                InputBlock c = MarketBlocks.correlations(n);
                v[layout.index(c, c.pairIndex(i, j))] = correlation[i][j];
            }
        }
        v[layout.index(MarketBlocks.RATE)] = rate;
        return v;
    }

    /** The correlation matrix of the {@code corr_i_j} inputs, ones on the diagonal, on any field. */
    static <T extends RealFieldElement<T>> T[][] correlationMatrix(Inputs<T> p, int n, T like) {
        T[][] corr = MathArrays.buildArray(like.getField(), n, n);
        InputBlock c = n > 1 ? MarketBlocks.correlations(n) : null;
        for (int i = 0; i < n; i++) {
            corr[i][i] = Fn.constant(like, 1.0);
            for (int j = i + 1; j < n; j++) {
                corr[i][j] = p.pair(c, i, j);
                corr[j][i] = corr[i][j];
            }
        }
        return corr;
    }

    /** Its inputs by name and value (a trade's text compares models by value, as a record's did). */
    @Override
    public String toString() {
        return "MultiAssetModel" + java.util.Arrays.toString(parameterNames()) + "=" + java.util.Arrays.toString(parameterValues());
    }

    @Override
    public String name() {
        return BlackScholesDescriptor.WORD + "-multi";
    }

    @Override
    public InputLayout inputs() {
        return inputs;
    }

    @Override
    public double[] parameterValues() {
        if (flat()) {
            return values(spots, vols, dividends, rate, correlation);
        }
        int n = spots.length;
        double[] v = new double[inputs.size()];
        for (int i = 0; i < n; i++) {
            v[inputs.index(MarketBlocks.spots(n), i)] = spots[i];
            v[inputs.index(MarketBlocks.vols(n), i)] = vols[i];
            if (dividendCurves == null) {
                v[inputs.index(MarketBlocks.dividends(n), i)] = dividends[i];
            } else {
                put(v, dividendCurves[i]);
            }
            for (int j = i + 1; j < n; j++) {
                InputBlock c = MarketBlocks.correlations(n);
                v[inputs.index(c, c.pairIndex(i, j))] = correlation[i][j];
            }
        }
        put(v, discount);
        return v;
    }

    private void put(double[] v, CurveInput c) {
        double[] values = c.values();
        for (int k = 0; k < values.length; k++) {
            v[inputs.index(c.block(), k)] = values[k];
        }
    }

    @Override
    public String[] stateNames() {
        String[] s = new String[spots.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = "log_spot_" + (i + 1);
        }
        return s;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LOG_SPOTS, Capability.LOGNORMAL_STEPS, Capability.EXACT_STEPS,
                Capability.NORMAL_LAST_STEP, Capability.SMOOTH_PATHS, Capability.JOINT_NORMAL_LAST_STEP);
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
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        return new Generator<>(this, p, maturity, steps);
    }

    /** Generic Cholesky factor of the correlation matrix built from the {@code corr_i_j} inputs ({@link Cholesky}). */
    public static <T extends RealFieldElement<T>> T[][] cholesky(T[][] c) {
        return Cholesky.of(c);
    }

    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int n;
        private final int steps;
        private final T[] logSpot0;
        private final T[][] drift;          // [asset][k]: step k's drift (one node for every k when flat)
        private final T[] firstStep;
        private final T[] stepVariance;
        private final T[] choleskyFirst;    // L_i0
        private final T[][] choleskyTail;   // L_ij, 1 <= j <= i (at j - 1)
        private final T[][] deviationOf;    // {vol_i sqrt(dt)}: the factor array of one step
        private final T[] shock;            // scratch: {sum_j L_ij z_j}
        private final T[] spot0;
        private final T[] deviation;        // vol_i sqrt(dt): the deviation of one step of ln S_i
        private final T[][] logSpots;       // the current path, [asset][date]; date 0 is set in the setup
        private final T[] discount;
        private T[] z;                      // the current path's normals

        Generator(MultiAssetModel m, Inputs<T> p, T maturity, int steps) {
            this.n = m.spots.length;
            this.steps = steps;
            var field = maturity.getField();
            T dt = maturity.divide(steps);
            T sqrtDt = dt.sqrt();
            boolean flat = m.flat();
            T rate = flat ? p.get(MarketBlocks.RATE) : null;
            ZeroCurve<T> r = flat ? null : m.discount.curve(p);
            T[][] l = cholesky(correlationMatrix(p, n, maturity));
            logSpot0 = MathArrays.buildArray(field, n);
            spot0 = MathArrays.buildArray(field, n);
            deviation = MathArrays.buildArray(field, n);
            drift = MathArrays.buildArray(field, n, 0);
            firstStep = MathArrays.buildArray(field, n);
            stepVariance = MathArrays.buildArray(field, n);
            choleskyFirst = MathArrays.buildArray(field, n);
            choleskyTail = MathArrays.buildArray(field, n, 0);
            deviationOf = MathArrays.buildArray(field, n, 1);
            shock = MathArrays.buildArray(field, 1);
            for (int i = 0; i < n; i++) {
                T vol = p.get(MarketBlocks.vols(n), i);
                spot0[i] = p.get(MarketBlocks.spots(n), i);
                logSpot0[i] = spot0[i].log();
                stepVariance[i] = vol.multiply(vol).multiply(dt);
                if (flat) {
                    drift[i] = MathArrays.buildArray(field, steps + 1);
                    java.util.Arrays.fill(drift[i], rate.subtract(p.get(MarketBlocks.dividends(n), i)).multiply(dt)
                            .subtract(stepVariance[i].multiply(0.5)));
                } else {
                    ZeroCurve<T> q = m.dividendCurves == null ? ZeroCurve.flat(p.get(MarketBlocks.dividends(n), i))
                            : m.dividendCurves[i].curve(p);
                    drift[i] = CurveSteps.logDrift(r, q, dt, steps, stepVariance[i].multiply(0.5));
                }
                firstStep[i] = logSpot0[i].add(drift[i][1]);
                T volSqrtDt = vol.multiply(sqrtDt);
                deviation[i] = volSqrtDt;
                deviationOf[i][0] = volSqrtDt;
                choleskyFirst[i] = l[i][0];
                choleskyTail[i] = MathArrays.buildArray(field, i);
                for (int j = 1; j <= i; j++) {
                    choleskyTail[i][j - 1] = l[i][j];
                }
            }
            discount = flat ? CurveSteps.flatDiscount(rate, dt, steps) : CurveSteps.discount(r, dt, maturity, steps);
            logSpots = MathArrays.buildArray(field, n, steps + 1);
            for (int i = 0; i < n; i++) {
                logSpots[i][0] = logSpot0[i];
            }
        }

        @Override
        public void simulate(T[] z) {
            this.z = z;
            for (int i = 0; i < n; i++) {
                logSpots[i][0] = logSpot0[i];
            }
            for (int s = 1; s <= steps; s++) {
                int base = (s - 1) * n;
                for (int i = 0; i < n; i++) {
                    // ln S_i(s) = ln S_i(s-1) + drift_i + vol_i sqrt(dt) sum_{j<=i} L_ij z_j: the
                    // correlated normal first (no tape at all where the correlations are constants,
                    // not i+1 entries per asset into factors that are swept lane by lane), then one node
                    T x = choleskyFirst[i].multiply(z[base]);
                    shock[0] = i == 0 ? x : Fn.affine(x, null, choleskyTail[i], z, base + 1, i);
                    logSpots[i][s] = s == 1
                            ? Fn.affine(firstStep[i], null, deviationOf[i], shock, 0, 1)
                            : Fn.affine(logSpots[i][s - 1], drift[i][s], deviationOf[i], shock, 0, 1);
                }
            }
        }

        @Override
        public T state(int variable, int k) {
            return logSpots[variable][k];
        }

        @Override
        public T spot(int asset, int k) {
            return k == 0 ? spot0[asset] : logSpots[asset][k].exp();
        }

        @Override
        public T logSpot(int asset, int k) {
            return logSpots[asset][k];
        }

        @Override
        public T discountFactor(int k) {
            return discount[k];
        }

        @Override
        public T stepVariance(int asset) {
            return stepVariance[asset];
        }

        /** Given the path to date N-1, the last step of asset i is normal: its own normals included. */
        @Override
        public NormalStep<T> lastStep(int asset) {
            T mean = steps == 1 ? firstStep[asset] : logSpots[asset][steps - 1].add(drift[asset][steps]);
            return new NormalStep<>(mean, deviation[asset]);
        }

        /** {@code vol_i sqrt(dt) L_ij}: the step's correlated shock (0 above the diagonal). */
        @Override
        public T[][] lastStepLoadings() {
            T[][] a = MathArrays.buildArray(spot0[0].getField(), n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = j > i ? Fn.constant(spot0[0], 0.0)
                            : deviation[i].multiply(j == 0 ? choleskyFirst[i] : choleskyTail[i][j - 1]);
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
