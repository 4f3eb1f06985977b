package dev.adjointgreeks.ad;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;

/**
 * What {@link Fn} asks of a value beyond {@code RealFieldElement}, each operation written once.
 * The defaults here serve any field. This package's scalars are their own ops ({@link Adj},
 * {@link Block} and {@link Dual} extend this class and override what they do in one node, one
 * chain-rule step or lane by lane); a value of any other field gets {@link #foreign}'s. So {@link Fn}
 * makes one call per function, and a new scalar type touches its own class, never {@code Fn}.
 *
 * <p>Every method takes its operands explicitly ({@code x.max(x, c)} on a scalar of this package):
 * the same signature serves the foreign ops, which are not the value itself. {@code Fn} reaches
 * them through one virtual call, where a ladder of type tests used to stand; measured on
 * {@code greeks bench}'s generic pricers, a lookup through the value's field cost one more
 * megamorphic call per function (10-15% of the per-path pricers).
 *
 * <p>Kinks: {@code max(x, y)} with {@code x == y} returns {@code x} (its derivative); a side that is
 * not selected contributes nothing, and a constant that is selected is passive.
 */
abstract class Ops<T extends RealFieldElement<T>> {

    /** The constant {@code c} in the field of {@code like}. */
    T constant(T like, double c) {
        return like.getField().getZero().add(c);
    }

    /** {@code x}'s value without its derivative ({@link Fn#detach}); by default its constant. */
    T detach(T x) {
        return constant(x, x.getReal());
    }

    /** One of {@link Fn}'s special functions: by default composed from the field's own operations. */
    T apply(T x, Special f) {
        return f.onField(x);
    }

    T max(T x, double c) {
        return x.getReal() >= c ? x : constant(x, c);
    }

    T max(T x, T y) {
        return x.getReal() >= y.getReal() ? x : y;
    }

    T min(T x, double c) {
        return x.getReal() <= c ? x : constant(x, c);
    }

    T min(T x, T y) {
        return x.getReal() <= y.getReal() ? x : y;
    }

    T select(T condition, T ifPositive, T otherwise) {
        return condition.getReal() > 0.0 ? ifPositive : otherwise;
    }

    T sqrtOfPositivePart(T x) {
        return x.getReal() > 0.0 ? x.sqrt() : constant(x, 0.0);
    }

    T weightedSum(double c, double[] coefficients, T[] terms, int n) {
        T sum = constant(terms[0], c);
        for (int k = 0; k < n; k++) {
            sum = sum.add(terms[k].multiply(coefficients[k]));
        }
        return sum;
    }

    T affine(T x0, T x1, T[] factors, T[] z, int offset, int n) {
        T sum = x1 == null ? x0 : x0.add(x1);
        for (int j = 0; j < n; j++) {
            sum = sum.add(factors[j].multiply(z[offset + j]));
        }
        return sum;
    }

    T sumOfProducts(T[] a, T[] b, int n) {
        T sum = a[0].multiply(b[0]);
        for (int k = 1; k < n; k++) {
            sum = sum.add(a[k].multiply(b[k]));
        }
        return sum;
    }

    // ------------------------------------------------------------------ values of other fields

    /**
     * The ops of a value of a field that is not this package's, by its class, decided once per
     * class: {@code Decimal64} is a double and takes the rule's value; {@code DerivativeStructure}
     * composes the derivatives of every order where they have a closed form; any other field
     * ({@code Dfp}) composes its own operations.
     */
    @SuppressWarnings("unchecked")
    static <T extends RealFieldElement<T>> Ops<T> foreign(T x) {
        Class<?> c = x.getClass();
        Foreign.Last last = Foreign.last;
        if (last.type != c) {
            last = new Foreign.Last(c, Foreign.BY_CLASS.get(c));
            Foreign.last = last;
        }
        return (Ops<T>) last.ops;
    }

    /** The table behind {@link #foreign}. */
    private static final class Foreign {
        private Foreign() {
        }

        /** The defaults, for any field (raw: they are the same for every element type). */
        @SuppressWarnings("rawtypes")
        private static final Ops<?> ANY = new Ops() {
        };

        private static final Ops<Decimal64> DECIMAL = new Ops<>() {
            @Override
            Decimal64 constant(Decimal64 like, double c) {
                return Decimal64.ZERO.add(c);   // the default's value, without two calls through the field
            }

            @Override
            Decimal64 apply(Decimal64 x, Special f) {
                return new Decimal64(f.value(x.getReal()));
            }
        };

        private static final Ops<DerivativeStructure> STRUCTURE = new Ops<>() {
            @Override
            DerivativeStructure apply(DerivativeStructure x, Special f) {
                double[] d = f.derivatives(x.getReal(), x.getOrder());
                return d == null ? f.onField(x) : x.compose(d);
            }
        };

        /**
         * The class last looked up, and its ops: one compare where {@code ClassValue.get} measured
         * 10% of the generic pricer on {@code Decimal64}. Racy by design: the pair is immutable,
         * and a thread that misses looks up again.
         */
        record Last(Class<?> type, Ops<?> ops) {
        }

        static Last last = new Last(Void.class, ANY);

        static final ClassValue<Ops<?>> BY_CLASS = new ClassValue<>() {
            @Override
            protected Ops<?> computeValue(Class<?> c) {
                return c == Decimal64.class ? DECIMAL : c == DerivativeStructure.class ? STRUCTURE : ANY;
            }
        };
    }
}
