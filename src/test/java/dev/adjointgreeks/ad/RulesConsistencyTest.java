package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

/**
 * Every scalar against the single definition of each operation ({@link Unary}, {@link Binary},
 * {@link Special}): value, first partials and, on the block tape that records second order, the
 * curvature terms, on random inputs and on the edges (signed zeros, +-1, tiny, huge, +-infinity).
 * Where a scalar reads the rule (the per-path tape, the duals, the block scalar's rule maps, the
 * replay of a rule) the results must be the rule's to the last bit (signed zeros aside: an adjoint
 * accumulates into +0); where a loop is written out for the JIT (the block scalar's sums and
 * products, {@code sqrt}, {@code exp}, {@code log}; {@link Dual}'s
 * {@code sqrt}) to 1e-15 relative, infinities and NaNs where the rule has them.
 */
class RulesConsistencyTest {

    private static final double REL = 1e-15;

    /** The block scalar's operations with lane loops or uniform paths of their own. */
    private static final Set<String> BLOCK_WRITTEN_OUT = Set.of("sqrt", "exp", "log", "add", "subtract", "multiply");
    /** {@link Dual}'s operations written in the seed's own form. */
    private static final Set<String> DUAL_WRITTEN_OUT = Set.of("sqrt", "add", "subtract");

    private record U(String name, Rule rule) {
    }

    private record B(String name, Rule2 rule) {
    }

    private static final List<U> UNARY = new ArrayList<>();
    private static final List<B> BINARY = new ArrayList<>();

    static {
        for (Unary u : Unary.values()) {
            UNARY.add(new U(u.name().toLowerCase(java.util.Locale.ROOT), u));
        }
        UNARY.add(new U("pow(2.5)", Unary.pow(2.5)));
        UNARY.add(new U("pow(-1.5)", Unary.pow(-1.5)));
        UNARY.add(new U("pow(0.5)", Unary.pow(0.5)));
        UNARY.add(new U("pow(3)", Unary.pow(3)));
        UNARY.add(new U("pow(1)", Unary.pow(1)));
        UNARY.add(new U("pow(-2)", Unary.pow(-2)));
        UNARY.add(new U("rootN(2)", Unary.rootN(2)));
        UNARY.add(new U("rootN(3)", Unary.rootN(3)));
        UNARY.add(new U("rootN(4)", Unary.rootN(4)));
        UNARY.add(new U("rootN(5)", Unary.rootN(5)));
        UNARY.add(new U("copySign(-1)", Unary.copySign(-1.0)));
        UNARY.add(new U("copySign(1)", Unary.copySign(1.0)));
        UNARY.add(new U("scalb(3)", Unary.scalb(3)));
        UNARY.add(new U("scalb(-4)", Unary.scalb(-4)));
        for (Special s : Special.values()) {
            UNARY.add(new U(s.name(), s));
        }
        for (Binary b : Binary.values()) {
            BINARY.add(new B(b.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""), b));
        }
    }

    /** The operation named {@code name}, as pricers call it on any field. */
    private static <T extends RealFieldElement<T>> T unary(String name, T x) {
        return switch (name) {
            case "reciprocal" -> x.reciprocal();
            case "sqrt" -> x.sqrt();
            case "cbrt" -> x.cbrt();
            case "exp" -> x.exp();
            case "expm1" -> x.expm1();
            case "log" -> x.log();
            case "log1p" -> x.log1p();
            case "cos" -> x.cos();
            case "sin" -> x.sin();
            case "tan" -> x.tan();
            case "acos" -> x.acos();
            case "asin" -> x.asin();
            case "atan" -> x.atan();
            case "cosh" -> x.cosh();
            case "sinh" -> x.sinh();
            case "tanh" -> x.tanh();
            case "acosh" -> x.acosh();
            case "asinh" -> x.asinh();
            case "atanh" -> x.atanh();
            case "abs" -> x.abs();
            case "pow(2.5)" -> x.pow(2.5);
            case "pow(-1.5)" -> x.pow(-1.5);
            case "pow(0.5)" -> x.pow(0.5);
            case "pow(3)" -> x.pow(3);
            case "pow(1)" -> x.pow(1);
            case "pow(-2)" -> x.pow(-2);
            case "rootN(2)" -> x.rootN(2);
            case "rootN(3)" -> x.rootN(3);
            case "rootN(4)" -> x.rootN(4);
            case "rootN(5)" -> x.rootN(5);
            case "copySign(-1)" -> x.copySign(-1.0);
            case "copySign(1)" -> x.copySign(1.0);
            case "scalb(3)" -> x.scalb(3);
            case "scalb(-4)" -> x.scalb(-4);
            case "NORM_CDF" -> Fn.normCdf(x);
            case "NORM_PDF" -> Fn.normPdf(x);
            case "ERF" -> Fn.erf(x);
            case "SIGMOID" -> Fn.sigmoid(x);
            case "SOFTPLUS" -> Fn.softplus(x);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static <T extends RealFieldElement<T>> T binary(String name, T x, T y) {
        return switch (name) {
            case "add" -> x.add(y);
            case "subtract" -> x.subtract(y);
            case "multiply" -> x.multiply(y);
            case "divide" -> x.divide(y);
            case "remainder" -> x.remainder(y);
            case "hypot" -> x.hypot(y);
            case "pow" -> x.pow(y);
            case "atan2" -> x.atan2(y);
            case "copysign" -> x.copySign(y);
            default -> throw new IllegalArgumentException(name);
        };
    }

    // ------------------------------------------------------------------ inputs

    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1e-300, -1e-300, 1e-8, 1e300,
        -1e300, 30.0, -30.0, 700.0, -750.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private static double[] unaryInputs() {
        Random rng = new Random(21);
        double[] x = Arrays.copyOf(EDGES, EDGES.length + 60);
        for (int i = EDGES.length; i < x.length; i++) {
            x[i] = i % 3 == 0 ? (rng.nextBoolean() ? 1 : -1) * Math.pow(10.0, -6 + 12 * rng.nextDouble())
                    : -4.0 + 8.0 * rng.nextDouble();
        }
        return x;
    }

    /** Pairs: every two of a few edges, then random pairs. */
    private static double[][] binaryInputs() {
        double[] e = {0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Random rng = new Random(22);
        List<double[]> p = new ArrayList<>();
        for (double a : e) {
            for (double b : e) {
                p.add(new double[] {a, b});
            }
        }
        for (int i = 0; i < 60; i++) {
            p.add(new double[] {-4.0 + 8.0 * rng.nextDouble(), i % 4 == 0 ? -4.0 + 8.0 * rng.nextDouble()
                    : 0.05 + 3.0 * rng.nextDouble()});
        }
        return p.toArray(new double[0][]);
    }

    // ------------------------------------------------------------------ agreement

    private static void agree(double expected, double actual, boolean exact, String what) {
        if (expected == actual || (Double.isNaN(expected) && Double.isNaN(actual))) {
            return;
        }
        if (!exact && Double.isFinite(expected) && Double.isFinite(actual)
                && Math.abs(expected - actual) <= REL * Math.max(Math.abs(expected), Math.abs(actual))) {
            return;
        }
        fail(what + ": rule " + expected + ", scalar " + actual + (exact ? " (same code path: must be equal)" : ""));
    }

    /** The curvature coefficient of entry {@code e} of {@code node} with respect to node {@code wrt}, lane l. */
    private static double term(BlockTape t, int node, int e, int wrt, int l) {
        double c = 0.0;
        for (int k = t.termStart[node]; k < t.termStart[node + 1]; k++) {
            if (t.termEntry[k] == e && t.termNode[k] == wrt) {
                c += t.termLanes[k] == null ? t.termUniform[k] : t.termLanes[k][l];
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ unary

    @Test
    void everyScalarTakesEachUnaryOperationFromItsRule() {
        double[] xs = unaryInputs();
        Set<Unary> unaries = EnumSet.noneOf(Unary.class);
        Set<Special> specials = EnumSet.noneOf(Special.class);
        for (U op : UNARY) {
            if (op.rule() instanceof Unary u) {
                unaries.add(u);
            }
            if (op.rule() instanceof Special s) {
                specials.add(s);
            }
            Rule f = op.rule();
            boolean blockExact = !BLOCK_WRITTEN_OUT.contains(op.name());
            int w = xs.length;
            BlockTape lanes = new BlockTape(w);
            lanes.recordCurvature(true);
            Block bx = lanes.input(xs.clone());
            Block by = unary(op.name(), bx);
            double[][] bg = lanes.laneGradients(by);
            int be = lanes.first(by.index);
            for (int l = 0; l < w; l++) {
                double x = xs[l];
                double v = f.value(x);
                double s = f.slope(x, v);
                double c = f.curvature(x, v, s);
                String at = op.name() + " at " + x;

                Tape tape = new Tape();
                Adj a = unary(op.name(), tape.input(x));
                agree(v, a.getReal(), true, at + ": Adj value");
                agree(s, tape.gradient(a)[0], true, at + ": Adj partial");

                Dual d = unary(op.name(), Dual.variable(x));
                boolean dualExact = !DUAL_WRITTEN_OUT.contains(op.name());
                agree(v, d.getReal(), true, at + ": Dual value");
                agree(s, d.tangent(), dualExact, at + ": Dual tangent");

                agree(v, by.lane(l), blockExact, at + ": Block lane value");
                agree(s, bg[l][0], blockExact, at + ": Block lane partial");
                agree(c, term(lanes, by.index, be, bx.index, l), blockExact, at + ": Block lane curvature");

                BlockTape one = new BlockTape(2);
                one.recordCurvature(true);
                Block ux = one.input(x);
                Block uy = unary(op.name(), ux);
                agree(v, uy.lane(0), blockExact, at + ": Block uniform value");
                agree(s, one.laneGradients(uy)[0][0], blockExact, at + ": Block uniform partial");
                agree(c, term(one, uy.index, one.first(uy.index), ux.index, 0), blockExact,
                        at + ": Block uniform curvature");
            }
        }
        assertEquals(EnumSet.allOf(Unary.class), unaries, "every unary rule checked");
        assertEquals(EnumSet.allOf(Special.class), specials, "every special function checked");
    }

    /** A recorded program replayed on other lanes gives the rule's values and partials there. */
    @Test
    void theReplayTakesEachUnaryOperationFromItsRule() {
        double[] xs = unaryInputs();
        int w = xs.length;
        double[] again = new double[w];
        for (int l = 0; l < w; l++) {
            again[l] = xs[(l + 7) % w] * (l % 2 == 0 ? 1.0 : 0.75);
        }
        double[] ones = new double[w];
        Arrays.fill(ones, 1.0);
        for (U op : UNARY) {
            BlockTape bt = new BlockTape(w);
            Block bx = bt.input(xs.clone());
            bt.mark();
            BlockProgram program = bt.record(new double[][] {bx.lanes});
            bt.finish(program, unary(op.name(), bx));
            assertNull(program.refused(), op.name());
            System.arraycopy(again, 0, bx.lanes, 0, w);
            program.forward();
            program.sweep(ones);
            double[] adj = bt.laneAdjoints(bx);
            boolean exact = !BLOCK_WRITTEN_OUT.contains(op.name());
            for (int l = 0; l < w; l++) {
                double x = again[l];
                double v = op.rule().value(x);
                agree(v, program.output(l), exact, op.name() + " at " + x + ": replayed value");
                agree(op.rule().slope(x, v), adj[l], exact, op.name() + " at " + x + ": replayed partial");
            }
        }
    }

    // ------------------------------------------------------------------ binary

    @Test
    void everyScalarTakesEachBinaryOperationFromItsRule() {
        double[][] p = binaryInputs();
        int w = p.length;
        double[] xs = new double[w];
        double[] ys = new double[w];
        for (int l = 0; l < w; l++) {
            xs[l] = p[l][0];
            ys[l] = p[l][1];
        }
        Set<Binary> seen = EnumSet.noneOf(Binary.class);
        for (B op : BINARY) {
            seen.add((Binary) op.rule());
            Rule2 f = op.rule();
            boolean blockExact = !BLOCK_WRITTEN_OUT.contains(op.name());
            // lane by lane: both operands per lane
            BlockTape lanes = new BlockTape(w);
            lanes.recordCurvature(true);
            Block bx = lanes.input(xs.clone());
            Block byy = lanes.input(ys.clone());
            Block bz = binary(op.name(), bx, byy);
            double[][] bg = lanes.laneGradients(bz);
            for (int l = 0; l < w; l++) {
                double x = xs[l];
                double y = ys[l];
                double v = f.value(x, y);
                double dx = f.dx(x, y, v);
                double dy = f.dy(x, y, v);
                String at = op.name() + " at (" + x + ", " + y + ")";

                Tape tape = new Tape();
                Adj a = binary(op.name(), tape.input(x), tape.input(y));
                agree(v, a.getReal(), true, at + ": Adj value");
                double[] g = a.isActive() ? tape.gradient(a) : new double[2];
                agree(dx, g[0], true, at + ": Adj dx");
                agree(dy, g[1], true, at + ": Adj dy");

                boolean dualExact = !DUAL_WRITTEN_OUT.contains(op.name());
                Dual d1 = binary(op.name(), Dual.variable(x), Dual.constant(y));
                Dual d2 = binary(op.name(), Dual.constant(x), Dual.variable(y));
                agree(v, d1.getReal(), true, at + ": Dual value");
                agree(dx, d1.tangent(), dualExact, at + ": Dual dx");
                agree(dy, d2.tangent(), dualExact, at + ": Dual dy");

                agree(v, bz.lane(l), blockExact, at + ": Block lane value");
                agree(dx, bg[l][0], blockExact, at + ": Block lane dx");
                agree(dy, bg[l][1], blockExact, at + ": Block lane dy");
                checkCurvature(lanes, bz, bx, byy, f, x, y, v, l, blockExact, at + ": Block lanes");

                // uniform, and mixed shapes
                for (int shape = 0; shape < 3; shape++) {
                    BlockTape t = new BlockTape(2);
                    t.recordCurvature(true);
                    Block ux = shape == 1 ? t.input(new double[] {x, x}) : t.input(x);
                    Block uy = shape == 2 ? t.input(new double[] {y, y}) : t.input(y);
                    Block uz = binary(op.name(), ux, uy);
                    String where = at + ": Block " + (shape == 0 ? "uniform" : shape == 1 ? "lanes, uniform" : "uniform, lanes");
                    agree(v, uz.lane(1), blockExact, where + " value");
                    double[][] ug = t.laneGradients(uz);
                    agree(dx, ug[1][0], blockExact, where + " dx");
                    agree(dy, ug[1][1], blockExact, where + " dy");
                    checkCurvature(t, uz, ux, uy, f, x, y, v, 1, blockExact, where);
                }
            }
        }
        assertEquals(EnumSet.allOf(Binary.class), seen, "every binary rule checked");
    }

    /** The four curvature terms of a binary node against the rule's second partials. */
    private static void checkCurvature(BlockTape t, Block z, Block x, Block y, Rule2 f, double xv, double yv, double v,
            int l, boolean exact, String where) {
        int ex = t.first(z.index);
        int ey = ex + 1;
        agree(f.dxx(xv, yv, v), term(t, z.index, ex, x.index, l), exact, where + " dxx");
        agree(f.dxy(xv, yv, v), term(t, z.index, ex, y.index, l), exact, where + " dxy (x's partial)");
        agree(f.dxy(xv, yv, v), term(t, z.index, ey, x.index, l), exact, where + " dxy (y's partial)");
        agree(f.dyy(xv, yv, v), term(t, z.index, ey, y.index, l), exact, where + " dyy");
    }

    @Test
    void theReplayTakesEachBinaryOperationFromItsRule() {
        double[][] p = binaryInputs();
        int w = p.length;
        double[] ones = new double[w];
        Arrays.fill(ones, 1.0);
        for (B op : BINARY) {
            BlockTape bt = new BlockTape(w);
            Block bx = bt.input(new double[w]);
            Block by = bt.input(new double[w]);
            bt.mark();
            BlockProgram program = bt.record(new double[][] {bx.lanes, by.lanes});
            bt.finish(program, binary(op.name(), bx, by));
            assertNull(program.refused(), op.name());
            for (int l = 0; l < w; l++) {
                bx.lanes[l] = p[l][0];
                by.lanes[l] = p[l][1];
            }
            program.forward();
            program.sweep(ones);
            double[] gx = bt.laneAdjoints(bx);
            double[] gy = bt.laneAdjoints(by);
            boolean exact = !BLOCK_WRITTEN_OUT.contains(op.name());
            for (int l = 0; l < w; l++) {
                double x = p[l][0];
                double y = p[l][1];
                double v = op.rule().value(x, y);
                String at = op.name() + " at (" + x + ", " + y + ")";
                agree(v, program.output(l), exact, at + ": replayed value");
                agree(op.rule().dx(x, y, v), gx[l], exact, at + ": replayed dx");
                agree(op.rule().dy(x, y, v), gy[l], exact, at + ": replayed dy");
            }
        }
    }

    // ------------------------------------------------------------------ fields that are not this package's

    /**
     * {@code Decimal64} takes the rule's value; {@code DerivativeStructure} the closed-form series,
     * whose first two derivatives are the rule's slope and curvature to the last bit (normal CDF,
     * density, erf), or, composed from its own operations (sigmoid, softplus), to 1e-14.
     */
    @Test
    void otherFieldsTakeTheSpecialFunctionsFromTheSameRules() {
        for (double x : unaryInputs()) {
            if (!Double.isFinite(x) || Math.abs(x) > 700) {
                continue;
            }
            for (Special f : Special.values()) {
                double v = f.value(x);
                double s = f.slope(x, v);
                double c = f.curvature(x, v, s);
                String at = f + " at " + x;
                agree(v, unary(f.name(), new Decimal64(x)).getReal(), true, at + ": Decimal64");
                DerivativeStructure ds = unary(f.name(), new DerivativeStructure(1, 2, 0, x));
                boolean series = f.derivatives(x, 2) != null;
                if (series) {
                    agree(v, ds.getValue(), true, at + ": structure value");
                    agree(s, ds.getPartialDerivative(1), true, at + ": structure slope");
                    agree(c, ds.getPartialDerivative(2), true, at + ": structure curvature");
                } else if (Math.abs(x) <= 30.0) {
                    // (beyond, the composition's own curvature fails: its sign is wrong at -309)
                    // the rule's slope v (1 - v) and curvature s (1 - 2 v) cancel in the tails and
                    // near 0 (sigmoid'(30) is off by 1e-3 relative; the composition is not): so to
                    // 1e-14 of the scale of the terms they are computed from
                    double scale = Math.abs(v) + Math.abs(s);
                    assertEquals(v, ds.getValue(), 1e-14 * Math.abs(v), at + ": composed value");
                    assertEquals(s, ds.getPartialDerivative(1), 1e-14 * scale, at + ": composed slope");
                    assertEquals(c, ds.getPartialDerivative(2), 1e-14 * (scale + Math.abs(c)), at + ": composed curvature");
                }
            }
        }
    }
}
