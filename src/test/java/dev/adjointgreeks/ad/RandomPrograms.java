package dev.adjointgreeks.ad;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

/**
 * Seeded random straight-line programs over every operation of {@link RealFieldElement} and
 * {@link Fn}, built at a random point so that each operation is applied inside its domain and
 * away from its kinks and jumps. A program runs unchanged on any field.
 */
final class RandomPrograms {

    /** One instruction: {@code register[out] = op(register[a], register[b], c, n)}. */
    record Instr(Op op, int a, int b, int b2, double c, int n) {
    }

    /** A program with {@code inputs} registers to start with; the last register is the output. */
    record Program(int inputs, List<Instr> code, double[] point) {

        <T extends RealFieldElement<T>> T run(T[] x) {
            List<T> r = new ArrayList<>(List.of(x));
            for (Instr in : code) {
                r.add(in.op().apply(r.get(in.a()), r.get(in.b()), r.get(in.b2()), in.c(), in.n()));
            }
            return r.get(r.size() - 1);
        }
    }

    /** The operations exercised, each with its domain guard on the operands' values. */
    enum Op {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE, RECIPROCAL, MULTIPLY_INT, ADD_D, SUBTRACT_D, MULTIPLY_D, DIVIDE_D,
        REMAINDER_D, REMAINDER, ABS, CEIL, FLOOR, RINT, SIGNUM, COPYSIGN, COPYSIGN_D, SCALB, HYPOT, SQRT, CBRT,
        ROOTN, POW_D, POW_I, POW, EXP, EXPM1, LOG, LOG1P, COS, SIN, TAN, ACOS, ASIN, ATAN, ATAN2, COSH, SINH, TANH,
        ACOSH, ASINH, ATANH, LINCOMB_TT, LINCOMB_DT, LINCOMB2, LINCOMB3D, LINCOMB4,
        NORM_CDF, NORM_PDF, ERF, SIGMOID, SOFTPLUS, MAX, MIN, WEIGHTED_SUM;

        <T extends RealFieldElement<T>> T apply(T x, T y, T z, double c, int n) {
            switch (this) {
                case ADD: return x.add(y);
                case SUBTRACT: return x.subtract(y);
                case MULTIPLY: return x.multiply(y);
                case DIVIDE: return x.divide(y);
                case NEGATE: return x.negate();
                case RECIPROCAL: return x.reciprocal();
                case MULTIPLY_INT: return x.multiply(n);
                case ADD_D: return x.add(c);
                case SUBTRACT_D: return x.subtract(c);
                case MULTIPLY_D: return x.multiply(c);
                case DIVIDE_D: return x.divide(c);
                case REMAINDER_D: return x.remainder(c);
                case REMAINDER: return x.remainder(y);
                case ABS: return x.abs();
                case CEIL: return x.ceil().add(x);
                case FLOOR: return x.floor().add(x);
                case RINT: return x.rint().add(x);
                case SIGNUM: return x.signum().add(x);
                case COPYSIGN: return x.copySign(y);
                case COPYSIGN_D: return x.copySign(c);
                case SCALB: return x.scalb(n);
                case HYPOT: return x.hypot(y);
                case SQRT: return x.sqrt();
                case CBRT: return x.cbrt();
                case ROOTN: return x.rootN(n);
                case POW_D: return x.pow(c);
                case POW_I: return x.pow(n);
                case POW: return x.pow(y);
                case EXP: return x.exp();
                case EXPM1: return x.expm1();
                case LOG: return x.log();
                case LOG1P: return x.log1p();
                case COS: return x.cos();
                case SIN: return x.sin();
                case TAN: return x.tan();
                case ACOS: return x.acos();
                case ASIN: return x.asin();
                case ATAN: return x.atan();
                case ATAN2: return x.atan2(y);
                case COSH: return x.cosh();
                case SINH: return x.sinh();
                case TANH: return x.tanh();
                case ACOSH: return x.acosh();
                case ASINH: return x.asinh();
                case ATANH: return x.atanh();
                case LINCOMB_TT: return x.linearCombination(arr(x, y, z), arr(z, x, y));
                case LINCOMB_DT: return x.linearCombination(new double[] {c, 1.5, -0.25}, arr(x, y, z));
                case LINCOMB2: return x.linearCombination(x, y, z, x);
                case LINCOMB3D: return x.linearCombination(c, x, -2.0, y, 0.5, z);
                case LINCOMB4: return x.linearCombination(x, y, y, z, z, x, x, x);
                case NORM_CDF: return Fn.normCdf(x);
                case NORM_PDF: return Fn.normPdf(x);
                case ERF: return Fn.erf(x);
                case SIGMOID: return Fn.sigmoid(x);
                case SOFTPLUS: return Fn.softplus(x);
                case MAX: return Fn.max(x, y);
                case MIN: return Fn.min(x, y);
                case WEIGHTED_SUM: return Fn.weightedSum(c, new double[] {0.75, -1.25, 2.0}, arr(x, y, z), 3);
                default: throw new AssertionError(this);
            }
        }

        @SafeVarargs
        private static <T extends RealFieldElement<T>> T[] arr(T... xs) {
            T[] a = MathArrays.buildArray(xs[0].getField(), xs.length);
            System.arraycopy(xs, 0, a, 0, xs.length);
            return a;
        }

        /** Whether applying this op at these values is inside its domain, smooth, and of moderate size. */
        boolean admissible(double x, double y, double z, double c, int n) {
            final double gap = 1e-3;
            switch (this) {
                case DIVIDE: return Math.abs(y) > 0.1;
                case RECIPROCAL: return Math.abs(x) > 0.1;
                case REMAINDER_D: return nearJump(x / c, gap) == false;
                case REMAINDER: return Math.abs(y) > 0.1 && !nearJump(x / y, gap);
                case ABS: case SIGNUM: case COPYSIGN_D: return Math.abs(x) > gap;
                case COPYSIGN: return Math.abs(x) > gap && Math.abs(y) > gap;
                case CEIL: case FLOOR: return Math.abs(x - Math.rint(x)) > gap;
                case RINT: return Math.abs(Math.abs(x - Math.floor(x)) - 0.5) > gap;
                case HYPOT: return Math.hypot(x, y) > 0.1;
                case SQRT: case LOG: return x > 0.1;
                case CBRT: return Math.abs(x) > 0.1;
                case ROOTN: return x > 0.1;
                case POW_D: return x > 0.1;
                case POW: return x > 0.1 && Math.abs(y) < 4;
                case LOG1P: return x > -0.9;
                case TAN: return Math.abs(Math.cos(x)) > 0.2;
                case ACOS: case ASIN: case ATANH: return Math.abs(x) < 0.9;
                case ACOSH: return x > 1.1;
                case ATAN2: return Math.hypot(x, y) > 0.1 && !(y < 0 && Math.abs(x) < 0.1);   // away from the branch cut
                case MAX: case MIN: return Math.abs(x - y) > gap;
                case EXP: case EXPM1: case COSH: case SINH: return Math.abs(x) < 5;
                default: return true;
            }
        }

        private static boolean nearJump(double q, double gap) {
            double frac = q - Math.floor(q);
            return Math.abs(frac - 0.5) < gap;
        }
    }

    static Program generate(long seed, int inputs, int length) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] point = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            point[i] = 0.3 + 1.2 * rnd.nextDouble();
        }
        List<Double> values = new ArrayList<>();
        for (double p : point) {
            values.add(p);
        }
        Op[] ops = Op.values();
        List<Instr> code = new ArrayList<>();
        // Every op appears at least once over a few programs: start at an offset given by the seed.
        int cursor = (int) Math.floorMod(seed * 7, ops.length);
        while (code.size() < length) {
            Op op = (code.size() % 2 == 0) ? ops[cursor++ % ops.length] : ops[rnd.nextInt(ops.length)];
            int size = values.size();
            // Prefer recent registers so the program is deep, not wide.
            int a = Math.max(0, size - 1 - rnd.nextInt(Math.min(size, 4)));
            int b = rnd.nextInt(size);
            int b2 = rnd.nextInt(size);
            double c = (rnd.nextBoolean() ? 1 : -1) * (0.5 + rnd.nextDouble() * 1.5);
            int n = 2 + rnd.nextInt(3);
            double x = values.get(a);
            double y = values.get(b);
            double z = values.get(b2);
            if (!op.admissible(x, y, z, c, n)) {
                continue;
            }
            Dual[] d = {Dual.constant(x), Dual.constant(y), Dual.constant(z)};
            double v = op.apply(d[0], d[1], d[2], c, n).getReal();
            if (!Double.isFinite(v) || Math.abs(v) > 50 || (Math.abs(v) < 1e-3 && v != 0)) {
                continue;
            }
            values.add(v);
            code.add(new Instr(op, a, b, b2, c, n));
        }
        return new Program(inputs, code, point);
    }

    private RandomPrograms() {
    }
}
