package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.util.MathArrays;
import org.junit.jupiter.api.Test;

/**
 * The block scalar is the per-path tape run on many paths at once: on every lane its value and
 * its gradient equal those of {@link Adj} (one tape per lane) and {@link Dual} (one pass per input
 * per lane), to 1e-12, whatever mix of uniform and per-lane, active and passive operands.
 */
class BlockScalarTest {

    private static final int W = 8;
    private static final int PROGRAMS = 300;

    /** How an input enters the block program. */
    enum Mode {
        UNIFORM_INPUT, LANE_INPUT, UNIFORM_CONSTANT, LANE_CONSTANT;

        boolean active() {
            return this == UNIFORM_INPUT || this == LANE_INPUT;
        }

        boolean perLane() {
            return this == LANE_INPUT || this == LANE_CONSTANT;
        }
    }

    /** Lane l's value of input i: the program's point, moved per lane for per-lane inputs. */
    private static double laneValue(double point, Mode mode, int lane) {
        return mode.perLane() ? point * (1.0 + 0.013 * (lane - W / 2.0) / W) : point;
    }

    @Test
    void everyLaneEqualsThePerPathTapeAndDualsOnRandomPrograms() {
        Set<RandomPrograms.Op> seen = EnumSet.noneOf(RandomPrograms.Op.class);
        Set<String> operandKinds = new HashSet<>();
        SplittableRandom modes = new SplittableRandom(42);
        for (int p = 0; p < PROGRAMS; p++) {
            int inputs = 2 + p % 4;
            RandomPrograms.Program prog = RandomPrograms.generate(1000 + p, inputs, 12 + p % 10);
            double[] point = prog.point();
            Mode[] mode = new Mode[inputs];
            for (int i = 0; i < inputs; i++) {
                Mode[] all = Mode.values();
                Mode m = all[modes.nextInt(all.length)];
                if (p % 3 == 0) {
                    m = m.active() ? Mode.UNIFORM_INPUT : Mode.UNIFORM_CONSTANT;
                } else if (p % 3 == 1) {
                    m = m.active() ? Mode.LANE_INPUT : Mode.LANE_CONSTANT;
                }
                mode[i] = m;
            }
            mode[0] = p % 3 == 1 ? Mode.LANE_INPUT : mode[0].perLane() ? Mode.LANE_INPUT : Mode.UNIFORM_INPUT;

            // the block program, run register by register to record the operand kinds it met
            BlockTape bt = new BlockTape(W);
            Block[] bx = new Block[inputs];
            for (int i = 0; i < inputs; i++) {
                double[] lanes = new double[W];
                for (int l = 0; l < W; l++) {
                    lanes[l] = laneValue(point[i], mode[i], l);
                }
                bx[i] = switch (mode[i]) {
                    case UNIFORM_INPUT -> bt.input(point[i]);
                    case LANE_INPUT -> bt.input(lanes);
                    case UNIFORM_CONSTANT -> bt.constant(point[i]);
                    case LANE_CONSTANT -> bt.constant(lanes);
                };
            }
            List<Block> reg = new ArrayList<>(List.of(bx));
            for (RandomPrograms.Instr in : prog.code()) {
                Block x = reg.get(in.a());
                Block y = reg.get(in.b());
                seen.add(in.op());
                operandKinds.add(in.op() + ":" + kind(x) + kind(y));
                reg.add(in.op().apply(x, y, reg.get(in.b2()), in.c(), in.n()));
            }
            Block out = reg.get(reg.size() - 1);
            double[][] laneGradients = bt.inputCount() > 0 ? bt.laneGradients(out) : new double[W][0];

            for (int l = 0; l < W; l++) {
                Tape tape = new Tape();
                Adj[] ax = new Adj[inputs];
                for (int i = 0; i < inputs; i++) {
                    double v = laneValue(point[i], mode[i], l);
                    ax[i] = mode[i].active() ? tape.input(v) : tape.constant(v);
                }
                Adj y = prog.run(ax);
                String where = "program " + p + " lane " + l + " modes " + java.util.Arrays.toString(mode) + "\n"
                        + prog.code();
                assertEquals(y.getReal(), out.lane(l), 1e-12 * Math.max(1.0, Math.abs(y.getReal())), where);
                double[] g = tape.gradient(y);
                double scale = 0;
                for (double gi : g) {
                    scale = Math.max(scale, Math.abs(gi));
                }
                int k = 0;
                for (int i = 0; i < inputs; i++) {
                    if (!mode[i].active()) {
                        continue;
                    }
                    assertEquals(g[k], laneGradients[l][k], 1e-12 * Math.max(scale, 1e-300), "adjoint " + where);
                    Dual[] d = new Dual[inputs];
                    for (int j = 0; j < inputs; j++) {
                        double v = laneValue(point[j], mode[j], l);
                        d[j] = j == i ? Dual.variable(v) : Dual.constant(v);
                    }
                    assertEquals(prog.run(d).tangent(), laneGradients[l][k], 1e-12 * Math.max(scale, 1e-300),
                            "dual " + where);
                    k++;
                }
            }
        }
        assertEquals(EnumSet.allOf(RandomPrograms.Op.class), seen, "every operation was exercised");
        for (RandomPrograms.Op op : RandomPrograms.Op.values()) {
            assertTrue(operandKinds.contains(op + ":UU") || operandKinds.contains(op + ":UL"),
                    op + " met a uniform operand: " + operandKinds);
            assertTrue(operandKinds.contains(op + ":LL") || operandKinds.contains(op + ":LU"),
                    op + " met a per-lane operand");
        }
        for (RandomPrograms.Op op : List.of(RandomPrograms.Op.ADD, RandomPrograms.Op.MULTIPLY,
                RandomPrograms.Op.DIVIDE, RandomPrograms.Op.SUBTRACT, RandomPrograms.Op.MAX, RandomPrograms.Op.MIN,
                RandomPrograms.Op.POW, RandomPrograms.Op.LINCOMB_TT)) {
            assertTrue(operandKinds.contains(op + ":UL") || operandKinds.contains(op + ":LU"),
                    op + " met mixed operands");
        }
    }

    private static String kind(Block x) {
        return x.isUniform() ? "U" : "L";
    }

    @Test
    void theInputAdjointIsTheLaneSumOfThePerLaneGradients() {
        BlockTape t = new BlockTape(W);
        double[] s = new double[W];
        for (int l = 0; l < W; l++) {
            s[l] = 90 + 3 * l;
        }
        Block spot = t.input(s);
        Block vol = t.input(0.2);
        Block y = Fn.positivePart(spot.multiply(vol.exp()).subtract(100.0));
        double[][] perLane = t.laneGradients(y);
        double[] total = t.gradient(y);
        double sum0 = 0;
        double sum1 = 0;
        for (int l = 0; l < W; l++) {
            sum0 += perLane[l][0];
            sum1 += perLane[l][1];
        }
        assertEquals(sum0, total[0], 1e-12);
        assertEquals(sum1, total[1], 1e-12);
    }

    @Test
    void anOperationBetweenUniformValuesIsOneScalarNode() {
        BlockTape t = new BlockTape(64);
        Block a = t.input(2.0);
        Block b = t.input(3.0);
        Block c = a.multiply(b).add(a.exp()).divide(b);
        assertTrue(c.isUniform());
        assertEquals((6 + Math.exp(2)) / 3, c.getReal(), 1e-15);
        assertEquals(2 + 4, t.size(), "multiply, exp, add, divide: one node each");
        double[] g = t.gradient(c);
        assertEquals((3 + Math.exp(2)) / 3 * 64, g[0], 1e-12, "the lane sum of 64 equal lanes");
        assertEquals(6L * (4 + 4 + 4 + 1 + 8 + 16 + 8 * 64) + 7L * (4 + 8 + 8), t.highWaterBytes(),
                "six nodes, seven entries and no lane slices: uniform values hold one number");
    }

    @Test
    void aNanInOneLaneStaysInThatLane() {
        double[] spots = {100, 95, 105, -1, 110, 99, 101, 120};   // lane 3: log of a negative spot
        BlockTape t = new BlockTape(W);
        Block spot = t.input(spots);
        Block vol = t.input(0.2);
        Block strike = t.input(100.0);
        double[] z = {0.3, -1.2, 0.5, 0.1, 2.0, -0.4, 0.0, 1.1};
        Block path = Fn.affine(spot.log(), vol.multiply(-0.02), new Block[] {vol}, new Block[] {t.constant(z)}, 0, 1);
        Block payoff = Fn.positivePart(path.exp().subtract(strike));
        Block y = Fn.select(payoff.subtract(5.0), payoff, Fn.sqrtOfPositivePart(payoff)).add(path.multiply(0.01));
        double[][] g = t.laneGradients(y);
        for (int l = 0; l < W; l++) {
            Tape tape = new Tape();
            Adj s = tape.input(spots[l]);
            Adj v = tape.input(0.2);
            Adj k = tape.input(100.0);
            Adj zl = tape.constant(z[l]);
            Adj p = s.log().add(v.multiply(-0.02)).add(v.multiply(zl));
            Adj pay = Fn.positivePart(p.exp().subtract(k));
            Adj yl = Fn.select(pay.subtract(5.0), pay, Fn.sqrtOfPositivePart(pay)).add(p.multiply(0.01));
            double[] gl = tape.gradient(yl);
            if (l == 3) {
                assertTrue(Double.isNaN(y.lane(l)), "lane 3 is NaN");
                for (int i = 0; i < 3; i++) {
                    assertEquals(gl[i], g[l][i], 1e-12, "lane 3's gradient is the per-path tape's, input " + i);
                }
                continue;
            }
            assertTrue(Double.isFinite(y.lane(l)));
            assertEquals(yl.getReal(), y.lane(l), 1e-12);
            for (int i = 0; i < 3; i++) {
                assertTrue(Double.isFinite(g[l][i]), "lane " + l + " input " + i);
                assertEquals(gl[i], g[l][i], 1e-12, "lane " + l + " input " + i);
            }
        }
    }

    @Test
    void pricerOperationsDecideLaneByLaneAndMatchThePerPathTape() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            double[] xs = new double[W];
            double[] cs = new double[W];
            for (int l = 0; l < W; l++) {
                xs[l] = rnd.nextDouble(-1.5, 1.5);
                cs[l] = rnd.nextDouble(-1, 1);
            }
            xs[0] = 0.0;   // exactly at the kinks
            boolean uniformX = trial % 4 == 0;
            boolean lanesC = trial % 2 == 0;
            BlockTape t = new BlockTape(W);
            Block x = uniformX ? t.input(0.7) : t.input(xs);
            Block a = t.input(1.3);
            Block c = lanesC ? t.constant(cs) : t.constant(0.25);
            Block[] factors = {a, x};
            Block[] zs = {c, t.constant(-0.5)};
            Block y = pricerProgram(x, a, c, factors, zs, t.constant(0.0));
            double[][] g = t.laneGradients(y);
            for (int l = 0; l < W; l++) {
                Tape tape = new Tape();
                Adj xl = tape.input(uniformX ? 0.7 : xs[l]);
                Adj al = tape.input(1.3);
                Adj cl = tape.constant(lanesC ? cs[l] : 0.25);
                Adj[] fl = {al, xl};
                Adj[] zl = {cl, tape.constant(-0.5)};
                Adj yl = pricerProgram(xl, al, cl, fl, zl, tape.constant(0.0));
                double[] gl = tape.gradient(yl);
                assertEquals(yl.getReal(), y.lane(l), 1e-12 * Math.max(1, Math.abs(yl.getReal())), "trial " + trial);
                assertEquals(gl[0], g[l][0], 1e-12 * Math.max(1, Math.abs(gl[0])), "trial " + trial + " lane " + l);
                assertEquals(gl[1], g[l][1], 1e-12 * Math.max(1, Math.abs(gl[1])), "trial " + trial + " lane " + l);
            }
        }
    }

    /** Every Fn operation a pricer uses, once. */
    private static <T extends org.apache.commons.math3.RealFieldElement<T>> T pricerProgram(T x, T a, T c,
            T[] factors, T[] zs, T zero) {
        T step = Fn.affine(x, a, factors, zs, 0, 2);
        T[] coefficients = MathArrays.buildArray(x.getField(), 3);
        for (int k = 0; k < 3; k++) {
            coefficients[k] = Fn.constant(x, 0.1 * (k + 1));
        }
        T step2 = Fn.affine(step, null, factors, coefficients, 1, 2);
        T kink = Fn.positivePart(step2.subtract(0.2));
        T capped = Fn.min(Fn.max(kink, c), 1.5);
        T chosen = Fn.select(x, capped, Fn.sqrtOfPositivePart(x.negate()));
        T[] terms = MathArrays.buildArray(x.getField(), 3);
        terms[0] = chosen;
        terms[1] = Fn.normCdf(x);
        terms[2] = Fn.max(x, a.multiply(0.1));
        T weighted = Fn.weightedSum(0.5, new double[] {1.0, -0.5, 2.0}, terms, 3);
        T[] b = MathArrays.buildArray(x.getField(), 3);
        b[0] = a;
        b[1] = c;
        b[2] = Fn.min(x, zero);
        return Fn.sumOfProducts(terms, b, 3).add(weighted).multiply(Fn.normPdf(step));
    }

    @Test
    void theTapeIsRewoundNotReallocatedAndStaleValuesAreRefused() {
        BlockTape t = new BlockTape(W);
        Block s = t.input(100.0);
        Block v = t.input(0.2);
        Block drift = v.multiply(v).multiply(-0.5);
        int mark = t.mark();
        double[] weights = new double[W];
        java.util.Arrays.fill(weights, 1.0);
        double[] z = new double[W];
        Block zb = t.view(z);
        long bytes = 0;
        Block stale = null;
        SplittableRandom rnd = new SplittableRandom(3);
        double expected = 0;
        for (int block = 0; block < 200; block++) {
            for (int l = 0; l < W; l++) {
                z[l] = rnd.nextGaussian();
            }
            Block y = Fn.positivePart(s.multiply(Fn.affine(drift, null, new Block[] {v}, new Block[] {zb}, 0, 1).exp())
                    .subtract(100.0));
            for (int l = 0; l < W; l++) {
                double e = Math.exp(-0.02 + 0.2 * z[l]);
                expected += 100 * e > 100 ? e : 0;
            }
            t.sweepPath(y, weights, mark);
            if (block == 10) {
                bytes = t.highWaterBytes();
                stale = y;
            }
        }
        assertEquals(bytes, t.highWaterBytes(), "the high-water mark does not grow with the number of blocks");
        t.backwardSummed(0);
        assertEquals(expected, t.inputAdjoints()[0], 1e-9 * expected, "delta sum over every lane of every block");
        Block old = stale;
        assertThrows(IllegalStateException.class, () -> old.add(s));
        BlockTape other = new BlockTape(W);
        assertThrows(IllegalArgumentException.class, () -> other.input(1.0).add(s));
    }

    @Test
    void theSummedSweepOfAUniformSetupEqualsTheLaneWiseSweep() {
        double[] lanes = {0.1, -0.4, 0.9, 1.3, -2.0, 0.0, 0.5, 0.7};
        double[][] results = new double[2][];
        for (int mode = 0; mode < 2; mode++) {
            BlockTape t = new BlockTape(W);
            Block[] x = t.inputs(1.1, 0.3, 2.0);
            Block setup = x[0].multiply(x[1]).exp().add(x[2].log());
            Block other = x[1].sqrt().multiply(x[2]);
            int mark = t.mark();
            Block z = t.constant(lanes);
            Block y = Fn.positivePart(setup.multiply(z).add(other)).add(other.multiply(z).sin());
            double[] w = new double[W];
            java.util.Arrays.fill(w, 1.0);
            t.sweepPath(y, w, mark);
            if (mode == 0) {
                t.backward(0);
            } else {
                t.backwardSummed(0);
            }
            results[mode] = t.inputAdjoints();
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(results[0][i], results[1][i], 1e-12 * Math.abs(results[0][i]));
        }
    }

    @Test
    void aPartialBlockComputesItsOwnLanesAndKeepsWhatWiderBlocksAccumulated() {
        double[] total = new double[2];
        double[] expected = new double[2];
        BlockTape t = new BlockTape(W);
        Block[] x = t.inputs(1.5, 0.4);
        Block setup = x[0].multiply(x[1]);
        int mark = t.mark();
        double[] z = new double[W];
        Block zb = t.view(z);
        double[] ones = new double[W];
        java.util.Arrays.fill(ones, 1.0);
        for (int live : new int[] {W, 3, W, 1}) {
            for (int l = 0; l < W; l++) {
                z[l] = l < live ? 0.1 * (l + 1) : Double.NaN;   // lanes beyond the live ones are never read
            }
            t.setLiveLanes(live);
            Block y = Fn.positivePart(setup.multiply(zb).exp().subtract(1.05));
            for (int l = 0; l < live; l++) {
                double e = Math.exp(0.6 * z[l]);
                assertEquals(Math.max(e - 1.05, 0), y.lane(l), 1e-15);
                expected[0] += e > 1.05 ? e * 0.4 * z[l] : 0;
                expected[1] += e > 1.05 ? e * 1.5 * z[l] : 0;
            }
            t.sweepPath(y, ones, mark);
        }
        t.backwardSummed(0);
        t.drainInputAdjoints(total, 0);
        assertEquals(expected[0], total[0], 1e-12);
        assertEquals(expected[1], total[1], 1e-12);
    }

    @Test
    void aPerLaneValueHasNoSingleReal() {
        BlockTape t = new BlockTape(W);
        Block x = t.constant(new double[W]);
        assertThrows(IllegalStateException.class, x::getReal);
        assertEquals(2.5, t.constant(2.5).getReal());
    }
}
