package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.spec.FieldException;

/**
 * Several correlated geometric Brownian motions with a common rate. The correlation matrix is an
 * input too: its Cholesky factor is computed in the setup section of the tape, so the sensitivity
 * to every correlation comes out of the same sweep. {@code corr_i_j} (1-based, i &lt; j) moves
 * rho_ij and rho_ji together.
 *
 * <p>Per step and asset, {@code ln S_i += drift_i + sum_j A_ij z_j} with {@code A = diag(vol sqrt(dt)) L}
 * precomputed: one n-ary node per asset and step.
 */
public record MultiAssetModel(double[] spots, double[] vols, double[] dividends, double rate, double[][] correlation)
        implements PathModel {

    /** Cholesky pivots at or below this are refused as not positive definite. */
    public static final double PIVOT_FLOOR = 1e-12;

    public MultiAssetModel {
        int n = spots.length;
        if (n == 0) {
            throw new FieldException("spots", "at least one asset is needed");
        }
        if (vols.length != n) {
            throw new FieldException("vols", vols.length + " values for " + n + " assets");
        }
        if (dividends.length != n) {
            throw new FieldException("dividends", dividends.length + " values for " + n + " assets");
        }
        if (correlation.length != n) {
            throw new FieldException("correlation", correlation.length + " rows for " + n + " assets");
        }
        for (int i = 0; i < n; i++) {
            Validation.positive("spots[" + (i + 1) + "]", spots[i]);
            Validation.nonNegative("vols[" + (i + 1) + "]", vols[i]);
            Validation.finite("dividends[" + (i + 1) + "]", dividends[i]);
            if (correlation[i].length != n) {
                throw new FieldException("correlation", "row " + (i + 1) + " has " + correlation[i].length
                        + " entries for " + n + " assets");
            }
        }
        Validation.finite("rate", rate);
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
        spots = spots.clone();
        vols = vols.clone();
        dividends = dividends.clone();
        correlation = deepClone(correlation);
    }

    private static double[][] deepClone(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Cholesky factor in double, for validation and for passive use. */
    public static double[][] cholesky(double[][] c) {
        int n = c.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = c[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > PIVOT_FLOOR)) {
                throw new FieldException("correlation", "is not positive definite: the Cholesky pivot of asset "
                        + (j + 1) + " is " + d + " (<= " + PIVOT_FLOOR + "); check correlation[" + (j + 1) + "][*]");
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
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

    @Override
    public String name() {
        return BlackScholesDescriptor.WORD + "-multi";
    }

    @Override
    public InputLayout inputs() {
        return layout(spots.length);
    }

    @Override
    public double[] parameterValues() {
        return values(spots, vols, dividends, rate, correlation);
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
                Capability.NORMAL_LAST_STEP);
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
        return new Generator<>(spots.length, p, maturity, steps);
    }

    /** Generic Cholesky factor of the correlation matrix built from the {@code corr_i_j} inputs. */
    public static <T extends RealFieldElement<T>> T[][] cholesky(T[][] c) {
        int n = c.length;
        T[][] l = MathArrays.buildArray(c[0][0].getField(), n, n);
        T zero = Fn.constant(c[0][0], 0.0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i][j] = zero;
            }
        }
        for (int j = 0; j < n; j++) {
            // d = c_jj - sum_k l_jk^2 ; l_ij = (c_ij - sum_k l_ik l_jk) / l_jj, each sum one node
            T d = c[j][j];
            if (j > 0) {
                T[] a = MathArrays.buildArray(zero.getField(), j + 1);
                T[] b = MathArrays.buildArray(zero.getField(), j + 1);
                a[0] = Fn.constant(zero, 1.0);
                b[0] = c[j][j];
                for (int k = 0; k < j; k++) {
                    a[k + 1] = l[j][k].negate();
                    b[k + 1] = l[j][k];
                }
                d = zero.linearCombination(a, b);
            }
            if (!(d.getReal() > PIVOT_FLOOR)) {
                throw new FieldException("correlation", "is not positive definite: the Cholesky pivot of asset "
                        + (j + 1) + " is " + d.getReal());
            }
            T ljj = d.sqrt();
            l[j][j] = ljj;
            T inv = ljj.reciprocal();
            for (int i = j + 1; i < n; i++) {
                T s = c[i][j];
                if (j > 0) {
                    T[] a = MathArrays.buildArray(zero.getField(), j + 1);
                    T[] b = MathArrays.buildArray(zero.getField(), j + 1);
                    a[0] = Fn.constant(zero, 1.0);
                    b[0] = c[i][j];
                    for (int k = 0; k < j; k++) {
                        a[k + 1] = l[i][k].negate();
                        b[k + 1] = l[j][k];
                    }
                    s = zero.linearCombination(a, b);
                }
                l[i][j] = s.multiply(inv);
            }
        }
        return l;
    }

    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int n;
        private final int steps;
        private final T[] logSpot0;
        private final T[] drift;
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

        Generator(int n, Inputs<T> p, T maturity, int steps) {
            this.n = n;
            this.steps = steps;
            var field = maturity.getField();
            T dt = maturity.divide(steps);
            T sqrtDt = dt.sqrt();
            T rate = p.get(MarketBlocks.RATE);
            T[][] l = cholesky(correlationMatrix(p, n, maturity));
            logSpot0 = MathArrays.buildArray(field, n);
            spot0 = MathArrays.buildArray(field, n);
            deviation = MathArrays.buildArray(field, n);
            drift = MathArrays.buildArray(field, n);
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
                drift[i] = rate.subtract(p.get(MarketBlocks.dividends(n), i)).multiply(dt).subtract(stepVariance[i].multiply(0.5));
                firstStep[i] = logSpot0[i].add(drift[i]);
                T volSqrtDt = vol.multiply(sqrtDt);
                deviation[i] = volSqrtDt;
                deviationOf[i][0] = volSqrtDt;
                choleskyFirst[i] = l[i][0];
                choleskyTail[i] = MathArrays.buildArray(field, i);
                for (int j = 1; j <= i; j++) {
                    choleskyTail[i][j - 1] = l[i][j];
                }
            }
            discount = MathArrays.buildArray(field, steps + 1);
            T minusRDt = rate.multiply(dt).negate();
            for (int s = 0; s <= steps; s++) {
                discount[s] = minusRDt.multiply(s).exp();
            }
            logSpots = MathArrays.buildArray(field, n, steps + 1);
            for (int i = 0; i < n; i++) {
                logSpots[i][0] = logSpot0[i];
            }
        }

        @Override
        public void simulate(T[] z) {
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
                            : Fn.affine(logSpots[i][s - 1], drift[i], deviationOf[i], shock, 0, 1);
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
            T mean = steps == 1 ? firstStep[asset] : logSpots[asset][steps - 1].add(drift[asset]);
            return new NormalStep<>(mean, deviation[asset]);
        }
    }
}
