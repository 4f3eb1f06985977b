package dev.adjointgreeks.ad;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.Decimal64;

/**
 * What pricers and networks need beyond {@link RealFieldElement}, written once for any field:
 * {@code max}/{@code min}, a branch-free {@code select}, the normal CDF and density, {@code erf},
 * the activations, and weighted sums. Each runs on {@link Adj}, {@link Block}, {@link Dual},
 * {@link Decimal64}, {@code Dfp} and {@link DerivativeStructure}; the adjoint and dual types get a
 * single node or a single chain-rule step instead of a composition of elementary operations, and
 * the block scalar decides {@code max}, {@code min} and {@code select} lane by lane
 * ({@link BlockOps}).
 *
 * <p>Kinks: {@code max(x, y)} with {@code x == y} returns {@code x} (its derivative); a side that is
 * not selected contributes nothing, and a constant that is selected is passive.
 */
public final class Fn {

    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private Fn() {
    }

    /** The constant {@code c} in the field of {@code like}. */
    public static <T extends RealFieldElement<T>> T constant(T like, double c) {
        if (like instanceof Adj) {
            return cast(((Adj) like).tape.constant(c));
        }
        if (like instanceof Block) {
            return cast(((Block) like).tape.constant(c));
        }
        return like.getField().getZero().add(c);
    }

    /**
     * The value of {@code x} without its derivative (a passive copy: nothing flows back through it).
     * For a root found by iteration: iterate on detached values, then take one last step on the tape,
     * whose derivative at the root is the implicit function theorem's ({@link dev.adjointgreeks.product}'s
     * conditioned Asian).
     */
    public static <T extends RealFieldElement<T>> T detach(T x) {
        if (x instanceof Block) {
            return cast(((Block) x).detach());
        }
        return constant(x, x.getReal());
    }

    // ------------------------------------------------------------------ kinks and selection

    public static <T extends RealFieldElement<T>> T max(T x, double c) {
        if (x instanceof Block) {
            return cast(BlockOps.max((Block) x, c));
        }
        return x.getReal() >= c ? x : constant(x, c);
    }

    public static <T extends RealFieldElement<T>> T max(T x, T y) {
        if (x instanceof Block) {
            return cast(BlockOps.max((Block) x, (Block) y));
        }
        return x.getReal() >= y.getReal() ? x : y;
    }

    public static <T extends RealFieldElement<T>> T min(T x, double c) {
        if (x instanceof Block) {
            return cast(BlockOps.min((Block) x, c));
        }
        return x.getReal() <= c ? x : constant(x, c);
    }

    public static <T extends RealFieldElement<T>> T min(T x, T y) {
        if (x instanceof Block) {
            return cast(BlockOps.min((Block) x, (Block) y));
        }
        return x.getReal() <= y.getReal() ? x : y;
    }

    /**
     * {@code sqrt(max(x, 0))}, with a passive zero for {@code x <= 0}: the truncated variance's
     * square root, which must not hand sqrt's infinite slope at 0 to any field.
     */
    public static <T extends RealFieldElement<T>> T sqrtOfPositivePart(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.sqrtOfPositivePart((Block) x));
        }
        return x.getReal() > 0.0 ? x.sqrt() : constant(x, 0.0);
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
        if (condition instanceof Block) {
            return cast(BlockOps.select((Block) condition, (Block) ifPositive, (Block) otherwise));
        }
        return condition.getReal() > 0.0 ? ifPositive : otherwise;
    }

    // ------------------------------------------------------------------ the normal distribution

    /** Standard normal CDF in double precision. */
    public static double normCdf(double x) {
        return NormalCdf.cdf(x);   // Cody's rational approximations: no allocation, no continued fraction
    }

    /** Standard normal density in double precision. */
    public static double normPdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    public static <T extends RealFieldElement<T>> T normCdf(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.normCdf((Block) x));
        }
        double v = x.getReal();
        if (x instanceof Adj) {
            return cast(((Adj) x).unary(normCdf(v), normPdf(v)));
        }
        if (x instanceof Decimal64) {
            return cast(new Decimal64(normCdf(v)));
        }
        if (x instanceof Dual) {
            Dual d = (Dual) x;
            return cast(d.chain(normCdf(v), normPdf(v)));
        }
        if (x instanceof DerivativeStructure) {
            DerivativeStructure ds = (DerivativeStructure) x;
            double[] f = new double[ds.getOrder() + 1];
            f[0] = normCdf(v);
            // Phi^(k+1)(x) = (-1)^k He_k(x) phi(x), He the probabilists' Hermite polynomials
            double phi = normPdf(v);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k + 1 < f.length; k++) {
                f[k + 1] = ((k & 1) == 0 ? 1.0 : -1.0) * h * phi;
                double next = v * h - k * hPrev;
                hPrev = h;
                h = next;
            }
            return cast(ds.compose(f));
        }
        // Any other field (Dfp): at that field's own precision.
        return erf(x.divide(constant(x, 2.0).sqrt())).add(1.0).multiply(0.5);
    }

    public static <T extends RealFieldElement<T>> T normPdf(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.normPdf((Block) x));
        }
        double v = x.getReal();
        if (x instanceof Adj) {
            double p = normPdf(v);
            return cast(((Adj) x).unary(p, -v * p));
        }
        if (x instanceof Dual) {
            double p = normPdf(v);
            return cast(((Dual) x).chain(p, -v * p));
        }
        if (x instanceof Decimal64) {
            return cast(new Decimal64(normPdf(v)));
        }
        if (x instanceof DerivativeStructure) {
            // phi^(k)(x) = (-1)^k He_k(x) phi(x); the generic route below took pi as acos(-1) on the
            // structure, whose derivative at -1 is infinite, and came out NaN
            DerivativeStructure ds = (DerivativeStructure) x;
            double[] f = new double[ds.getOrder() + 1];
            double phi = normPdf(v);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k < f.length; k++) {
                f[k] = ((k & 1) == 0 ? 1.0 : -1.0) * h * phi;
                double next = v * h - k * hPrev;
                hPrev = h;
                h = next;
            }
            return cast(ds.compose(f));
        }
        T twoPi = constant(x, 2.0).multiply(pi(x));
        return x.multiply(x).multiply(-0.5).exp().divide(twoPi.sqrt());
    }

    public static <T extends RealFieldElement<T>> T erf(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.erf((Block) x));
        }
        double v = x.getReal();
        if (x instanceof Adj) {
            return cast(((Adj) x).unary(Erf.erf(v), TWO_OVER_SQRT_PI * Math.exp(-v * v)));
        }
        if (x instanceof Decimal64) {
            return cast(new Decimal64(Erf.erf(v)));
        }
        if (x instanceof Dual) {
            Dual d = (Dual) x;
            return cast(d.chain(Erf.erf(v), TWO_OVER_SQRT_PI * Math.exp(-v * v)));
        }
        if (x instanceof DerivativeStructure) {
            // erf^(k+1)(x) = 2/sqrt(pi) (-1)^k H_k(x) exp(-x^2), H the physicists' Hermite polynomials
            // (the series below differentiates pi = acos(-1), whose derivative is infinite)
            DerivativeStructure ds = (DerivativeStructure) x;
            double[] f = new double[ds.getOrder() + 1];
            f[0] = Erf.erf(v);
            double g = TWO_OVER_SQRT_PI * Math.exp(-v * v);
            double hPrev = 0.0;
            double h = 1.0;
            for (int k = 0; k + 1 < f.length; k++) {
                f[k + 1] = ((k & 1) == 0 ? 1.0 : -1.0) * h * g;
                double next = 2.0 * v * h - 2.0 * k * hPrev;
                hPrev = h;
                h = next;
            }
            return cast(ds.compose(f));
        }
        // erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): all terms of one sign,
        // so no cancellation, in the field's own arithmetic (derivatives included).
        T x2 = x.multiply(x);
        T term = x;
        T sum = x;
        for (int n = 1; n < 4000; n++) {
            term = term.multiply(x2).multiply(2.0).divide(2.0 * n + 1.0);
            sum = sum.add(term);
            if (Math.abs(term.getReal()) <= 1e-60 * Math.abs(sum.getReal())) {
                break;
            }
        }
        return sum.multiply(x2.negate().exp()).multiply(2.0).divide(pi(x).sqrt());
    }

    private static <T extends RealFieldElement<T>> T pi(T like) {
        return constant(like, -1.0).acos();   // exact to the field's precision
    }

    // ------------------------------------------------------------------ activations

    public static <T extends RealFieldElement<T>> T sigmoid(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.sigmoid((Block) x));
        }
        double v = x.getReal();
        if (x instanceof Adj) {
            double s = sigmoid(v);
            return cast(((Adj) x).unary(s, s * (1.0 - s)));
        }
        if (x instanceof Dual) {
            double s = sigmoid(v);
            return cast(((Dual) x).chain(s, s * (1.0 - s)));
        }
        return x.negate().exp().add(1.0).reciprocal();
    }

    public static double sigmoid(double v) {
        return v >= 0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v));
    }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public static <T extends RealFieldElement<T>> T softplus(T x) {
        if (x instanceof Block) {
            return cast(BlockOps.softplus((Block) x));
        }
        double v = x.getReal();
        if (x instanceof Adj) {
            return cast(((Adj) x).unary(softplus(v), sigmoid(v)));
        }
        if (x instanceof Dual) {
            return cast(((Dual) x).chain(softplus(v), sigmoid(v)));
        }
        return v > 0 ? x.add(x.negate().exp().log1p()) : x.exp().log1p();
    }

    public static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
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
        T first = terms[0];
        if (first instanceof Adj) {
            return cast(Adj.weightedSum(((Adj) first).tape, c, coefficients, (Adj[]) terms, n));
        }
        if (first instanceof Block) {
            return cast(BlockOps.weighted(((Block) first).tape, c, coefficients, (Block[]) terms, n, false));
        }
        T sum = constant(first, c);
        for (int k = 0; k < n; k++) {
            sum = sum.add(terms[k].multiply(coefficients[k]));
        }
        return sum;
    }

    /**
     * {@code x0 + x1 + sum_j factors[j] * z[offset + j]} over j &lt; n ({@code x1} may be null): a
     * log-spot step, {@code previous + drift + sum_j A_ij z_j}, with the normals {@code z} as field
     * values (constants for one path, or a block of paths). One node on the tape, reading the
     * normals and the factor row in place.
     */
    public static <T extends RealFieldElement<T>> T affine(T x0, T x1, T[] factors, T[] z, int offset, int n) {
        if (x0 instanceof Adj) {
            Adj a = (Adj) x0;
            return cast(a.tape.affine(a, (Adj) x1, (Adj[]) factors, (Adj[]) z, offset, n));
        }
        if (x0 instanceof Block) {
            return cast(BlockOps.affine((Block) x0, (Block) x1, (Block[]) factors, (Block[]) z, offset, n));
        }
        T sum = x1 == null ? x0 : x0.add(x1);
        for (int j = 0; j < n; j++) {
            sum = sum.add(factors[j].multiply(z[offset + j]));
        }
        return sum;
    }

    /**
     * {@code sum_k a[k] * b[k]} over the first {@code n} pairs, both factors possibly active: one
     * n-ary node on the tape (plain summation), a plain loop elsewhere.
     */
    public static <T extends RealFieldElement<T>> T sumOfProducts(T[] a, T[] b, int n) {
        if (a[0] instanceof Adj) {
            Adj[] aa = (Adj[]) a;
            return cast(Adj.productSum(aa[0].tape, aa, (Adj[]) b, n));
        }
        if (a[0] instanceof Block) {
            return cast(BlockOps.products(((Block) a[0]).tape, (Block[]) a, (Block[]) b, n, false));
        }
        T sum = a[0].multiply(b[0]);
        for (int k = 1; k < n; k++) {
            sum = sum.add(a[k].multiply(b[k]));
        }
        return sum;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
