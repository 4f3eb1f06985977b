package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.product.Product.PathPayoff;

/**
 * The basket payoff conditioned on one normal that moves every asset, a payoff smooth path by path
 * ({@link Capability#JOINT_NORMAL_LAST_STEP}), so that the basket's cross gammas have unbiased
 * pathwise estimators (tangent-over-adjoint, issue 22).
 *
 * <p>The last step moves asset {@code i}'s coordinate by {@code sum_j A_ij z_j}. Split the step's
 * normals along the unit vector {@code u = A^T c / |A^T c|}: {@code z = xi u + z_perp} with
 * {@code xi = u . z} standard normal and independent of {@code z_perp}. Then
 * {@code X_i(T) = a_i + b_i xi} with {@code b = A u} (setup values) and {@code a_i = X_i(T) - b_i xi}
 * read off the path. {@code c} weights each asset by how the basket moves with its coordinate
 * ({@code w_i S_i(0)} for log-spots, {@code w_i} for spots), so that {@code b = A A^T c / |A^T c|}
 * is the covariance of the step times {@code c}: positive for every asset when the weights are and
 * the correlations are not too negative. The product keeps the kinked payoff otherwise.
 * <ul>
 * <li>Spots in price units (Bachelier): the basket {@code sum w_i (a_i + b_i xi)} is normal, and the
 * conditional payoff is the Bachelier formula with mean {@code sum w_i a_i} and deviation
 * {@code sum w_i b_i}: with one exact step, the closed form itself on every path.</li>
 * <li>Log-spots: {@code B(xi) = sum_i w_i e^{a_i + b_i xi}} increases in {@code xi}; with
 * {@code B(xi*) = K},
 * <pre>E[(B - K)^+ | z_perp] = sum_i w_i e^{a_i + b_i^2/2} Phi(b_i - xi*) - K Phi(-xi*)</pre>
 * (the put likewise). {@code ln B(xi) - ln K} is convex (a log-sum-exp of affine functions) and
 * increasing; Newton from the root of its Jensen lower bound {@code ln W + sum (w_i / W)(a_i + b_i xi)},
 * which lies to the right of the root, decreases monotonically to it. At the root the integrand
 * vanishes, so only the root's first derivative enters second-order Greeks, and one Newton step
 * from the root carries exactly the implicit function theorem's: the first nine steps run on
 * detached values ({@link Fn#detach}, no tape nodes) and only the last is on the tape, as in
 * {@link ConditionalAsian}.</li>
 * </ul>
 * The estimator is unbiased (a conditional expectation), and its variance is that of the other
 * {@code n - 1} directions only.
 */
final class ConditionalBasket {

    /** Newton steps from the Jensen root (fixed: a block of paths takes no per-lane branch). */
    static final int NEWTON = 10;

    private ConditionalBasket() {
    }

    /**
     * Whether the conditioned payoff applies: a jointly normal last step, positive weights, and a
     * direction that moves every asset up ({@code b_i > 0}; read from setup values).
     */
    static boolean covers(double[] weights, PathModel model, PathGenerator<?> gen) {
        return applies(weights, model) && loadings(weights, model.offers(Capability.LOG_SPOTS), gen) != null;
    }

    /** A jointly normal last step and positive weights (what can be checked without the setup). */
    private static boolean applies(double[] weights, PathModel model) {
        if (!model.offers(Capability.JOINT_NORMAL_LAST_STEP)) {
            return false;
        }
        for (double w : weights) {
            if (!(w > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code {u, b}}: the conditioning direction in the step's normals and each asset's loading on
     * it; null unless every loading is positive (read from setup values).
     */
    private static <T extends RealFieldElement<T>> T[][] loadings(double[] weights, boolean logs, PathGenerator<T> gen) {
        T[][] a = gen.lastStepLoadings();
        int n = weights.length;
        T zero = Fn.constant(a[0][0], 0.0);
        T[][] ub = MathArrays.buildArray(zero.getField(), 2, n);
        T[] c = MathArrays.buildArray(zero.getField(), n);
        for (int i = 0; i < n; i++) {
            c[i] = logs ? gen.spot(i, 0).multiply(weights[i]) : Fn.constant(zero, weights[i]);
        }
        T norm2 = zero;
        for (int j = 0; j < n; j++) {
            T cj = zero;
            for (int i = j; i < n; i++) {   // A is lower-triangular
                cj = cj.add(a[i][j].multiply(c[i]));
            }
            ub[0][j] = cj;
            norm2 = norm2.add(cj.multiply(cj));
        }
        T inv = norm2.sqrt().reciprocal();
        for (int j = 0; j < n; j++) {
            ub[0][j] = ub[0][j].multiply(inv);
        }
        for (int i = 0; i < n; i++) {
            T bi = zero;
            for (int j = 0; j <= i; j++) {
                bi = bi.add(a[i][j].multiply(ub[0][j]));
            }
            ub[1][i] = bi;
        }
        for (T bi : ub[1]) {
            if (!(bi.getReal() > 0)) {
                return null;
            }
        }
        return ub;
    }

    /** The discounted conditioned payoff, or null where it does not apply ({@link #covers}): the setup recorded once. */
    static <T extends RealFieldElement<T>> PathPayoff<T> payoff(OptionType type, double[] weights, T k, int steps,
            PathModel model, PathGenerator<T> gen) {
        if (!applies(weights, model)) {
            return null;
        }
        boolean logs = model.offers(Capability.LOG_SPOTS);
        int n = weights.length;
        T[][] ub = loadings(weights, logs, gen);
        if (ub == null) {
            return null;
        }
        T[] u = ub[0];
        T[] b = ub[1];
        var field = k.getField();
        T[] z = MathArrays.buildArray(field, n);
        T[] a = MathArrays.buildArray(field, n);
        T[] e = MathArrays.buildArray(field, n);
        T[] be = MathArrays.buildArray(field, n);
        double sign = type.sign();
        if (!logs) {
            T deviation = Fn.weightedSum(0.0, weights, b, n);
            return path -> {
                T xi = xi(path, u, z, n);
                for (int i = 0; i < n; i++) {
                    a[i] = path.spot(i, steps).subtract(b[i].multiply(xi));
                }
                T mean = Fn.weightedSum(0.0, weights, a, n);
                return Payoffs.normalVanilla(type, mean, deviation, k).multiply(path.discountFactor(steps));
            };
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] omega = new double[n];
        for (int i = 0; i < n; i++) {
            omega[i] = weights[i] / total;
        }
        T logK = k.log();
        // the Jensen root's slope sum_i omega_i b_i, and e^{b_i^2 / 2}: setup values
        T meanSlope = Fn.weightedSum(0.0, omega, b, n);
        T[] half = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            half[i] = b[i].multiply(b[i]).multiply(0.5).exp();
        }
        T jensenLevel = logK.subtract(Math.log(total));
        T[] aPassive = MathArrays.buildArray(field, n);
        T[] bPassive = MathArrays.buildArray(field, n);
        for (int i = 0; i < n; i++) {
            bPassive[i] = Fn.detach(b[i]);
        }
        T logKPassive = Fn.detach(logK);
        return path -> {
            T xi = xi(path, u, z, n);
            for (int i = 0; i < n; i++) {
                a[i] = path.logSpot(i, steps).subtract(b[i].multiply(xi));
            }
            // the root on detached values, then its last Newton step on the tape (see the class comment)
            for (int i = 0; i < n; i++) {
                aPassive[i] = Fn.detach(a[i]);
            }
            T root = Fn.detach(jensenLevel.subtract(Fn.weightedSum(0.0, omega, a, n)).divide(meanSlope));
            for (int it = 1; it < NEWTON; it++) {
                root = newtonStep(root, aPassive, bPassive, weights, logKPassive, e, be, n);
            }
            root = newtonStep(root, a, b, weights, logK, e, be, n);
            for (int i = 0; i < n; i++) {
                // w_i e^{a_i + b_i^2/2} Phi(sign (b_i - xi*))
                e[i] = a[i].exp().multiply(half[i]).multiply(Fn.normCdf(b[i].subtract(root).multiply(sign)));
            }
            T assets = Fn.weightedSum(0.0, weights, e, n);
            T cash = k.multiply(Fn.normCdf(root.multiply(-sign)));
            T value = sign > 0 ? assets.subtract(cash) : cash.subtract(assets);
            return value.multiply(path.discountFactor(steps));
        };
    }

    /** One Newton step on {@code ln B(xi) - ln K}: {@code xi - (ln B - ln K) B / B'}. */
    private static <T extends RealFieldElement<T>> T newtonStep(T root, T[] a, T[] b, double[] weights, T logK,
            T[] e, T[] be, int n) {
        for (int i = 0; i < n; i++) {
            e[i] = a[i].add(b[i].multiply(root)).exp();
            be[i] = b[i].multiply(e[i]);
        }
        T basket = Fn.weightedSum(0.0, weights, e, n);
        T slope = Fn.weightedSum(0.0, weights, be, n);
        return root.subtract(basket.log().subtract(logK).multiply(basket).divide(slope));
    }

    /** {@code xi = u . z} of the current path's last step. */
    private static <T extends RealFieldElement<T>> T xi(PathGenerator<T> path, T[] u, T[] z, int n) {
        for (int j = 0; j < n; j++) {
            z[j] = path.lastStepNormal(j);
        }
        return Fn.sumOfProducts(u, z, n);
    }
}
