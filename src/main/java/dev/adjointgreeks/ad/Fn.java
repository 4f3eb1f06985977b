package dev.adjointgreeks.ad;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;

/**
 * What pricers and networks need beyond {@link RealFieldElement}, for any field: {@code max}/{@code min},
 * a branch-free {@code select}, the normal CDF and density, {@code erf}, the activations, and
 * weighted sums. Each function is one line: it asks the value for its {@link Ops} ({@link Adj},
 * {@link Block} and {@link Dual} are their own; {@link Decimal64}, {@link DerivativeStructure},
 * {@code Dfp} and any other field's values take {@link Ops#foreign}) and hands them the operands,
 * or the {@link Special} rule, written once. The adjoint and dual scalars make one node or one
 * chain-rule step of it, the block scalar maps it lane by lane and decides {@code max}, {@code min}
 * and {@code select} lane by lane ({@link BlockOps}).
 *
 * <p>Kinks: {@code max(x, y)} with {@code x == y} returns {@code x} (its derivative); a side that is
 * not selected contributes nothing, and a constant that is selected is passive.
 */
public final class Fn {

    private Fn() {
    }

    /** The ops of {@code x}: this package's scalars are their own, any other value gets {@link Ops#foreign}'s. */
    @SuppressWarnings("unchecked")
    private static <T extends RealFieldElement<T>> Ops<T> ops(T x) {
        return x instanceof Ops ? (Ops<T>) x : Ops.foreign(x);
    }

    /** The constant {@code c} in the field of {@code like}. */
    public static <T extends RealFieldElement<T>> T constant(T like, double c) {
        return ops(like).constant(like, c);
    }

    /**
     * The value of {@code x} without its derivative (a passive copy: nothing flows back through it).
     * For a root found by iteration: iterate on detached values, then take one last step on the tape,
     * whose derivative at the root is the implicit function theorem's ({@link dev.adjointgreeks.product}'s
     * conditioned Asian).
     */
    public static <T extends RealFieldElement<T>> T detach(T x) {
        return ops(x).detach(x);
    }

    // ------------------------------------------------------------------ kinks and selection

    public static <T extends RealFieldElement<T>> T max(T x, double c) {
        return ops(x).max(x, c);
    }

    public static <T extends RealFieldElement<T>> T max(T x, T y) {
        return ops(x).max(x, y);
    }

    public static <T extends RealFieldElement<T>> T min(T x, double c) {
        return ops(x).min(x, c);
    }

    public static <T extends RealFieldElement<T>> T min(T x, T y) {
        return ops(x).min(x, y);
    }

    /**
     * {@code sqrt(max(x, 0))}, with a passive zero for {@code x <= 0}: the truncated variance's
     * square root, which must not hand sqrt's infinite slope at 0 to any field.
     */
    public static <T extends RealFieldElement<T>> T sqrtOfPositivePart(T x) {
        return ops(x).sqrtOfPositivePart(x);
    }

    /** {@code max(x, 0)}, the payoff kink and the ReLU. */
    public static <T extends RealFieldElement<T>> T positivePart(T x) {
        return max(x, 0.0);
    }

    /**
     * {@code condition > 0 ? ifPositive : otherwise}: the pricers' only way to choose between
     * active values, so that a scalar carrying a block of paths could select lane by lane.
     */
    public static <T extends RealFieldElement<T>> T select(T condition, T ifPositive, T otherwise) {
        return ops(condition).select(condition, ifPositive, otherwise);
    }

    // ------------------------------------------------------------------ the normal distribution

    /** Standard normal CDF in double precision. */
    public static double normCdf(double x) {
        return Special.NORM_CDF.value(x);
    }

    /** Standard normal density in double precision. */
    public static double normPdf(double x) {
        return Special.NORM_PDF.value(x);
    }

    public static <T extends RealFieldElement<T>> T normCdf(T x) {
        return ops(x).apply(x, Special.NORM_CDF);
    }

    public static <T extends RealFieldElement<T>> T normPdf(T x) {
        return ops(x).apply(x, Special.NORM_PDF);
    }

    public static <T extends RealFieldElement<T>> T erf(T x) {
        return ops(x).apply(x, Special.ERF);
    }

    // ------------------------------------------------------------------ activations

    public static <T extends RealFieldElement<T>> T sigmoid(T x) {
        return ops(x).apply(x, Special.SIGMOID);
    }

    public static double sigmoid(double v) {
        return Special.SIGMOID.value(v);
    }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public static <T extends RealFieldElement<T>> T softplus(T x) {
        return ops(x).apply(x, Special.SOFTPLUS);
    }

    public static double softplus(double v) {
        return Special.SOFTPLUS.value(v);
    }

    public static <T extends RealFieldElement<T>> T tanh(T x) {
        return x.tanh();
    }

    public static <T extends RealFieldElement<T>> T relu(T x) {
        return positivePart(x);
    }

    // ------------------------------------------------------------------ weighted sums

    /**
     * {@code c + sum_k coefficients[k] * terms[k]} over the first {@code n} terms: one n-ary node on
     * the tape, a plain loop elsewhere.
     */
    public static <T extends RealFieldElement<T>> T weightedSum(double c, double[] coefficients, T[] terms, int n) {
        return ops(terms[0]).weightedSum(c, coefficients, terms, n);
    }

    /**
     * {@code x0 + x1 + sum_j factors[j] * z[offset + j]} over j &lt; n ({@code x1} may be null): a
     * log-spot step, {@code previous + drift + sum_j A_ij z_j}, with the normals {@code z} as field
     * values (constants for one path, or a block of paths). One node on the tape, reading the
     * normals and the factor row in place.
     */
    public static <T extends RealFieldElement<T>> T affine(T x0, T x1, T[] factors, T[] z, int offset, int n) {
        return ops(x0).affine(x0, x1, factors, z, offset, n);
    }

    /**
     * {@code sum_k a[k] * b[k]} over the first {@code n} pairs, both factors possibly active: one
     * n-ary node on the tape (plain summation), a plain loop elsewhere.
     */
    public static <T extends RealFieldElement<T>> T sumOfProducts(T[] a, T[] b, int n) {
        return ops(a[0]).sumOfProducts(a, b, n);
    }
}
