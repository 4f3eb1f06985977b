package dev.adjointgreeks.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A program recorded once by the block scalar and replayed on other lane values equals, on every
 * lane, the block scalar run afresh on those values (to the last bit) and the per-path tape (to
 * 1e-12), value and gradient, on the 300 random programs of {@link BlockScalarTest}: uniform and
 * per-lane, active and passive operands in every operation, and a partial block.
 */
class BlockProgramTest {

    private static final int W = 8;
    private static final int PROGRAMS = 300;

    /** Lane l's value of input i on replay {@code rep} (rep 0 records). */
    private static double laneValue(double point, boolean perLane, int lane, int rep) {
        return perLane ? point * (1.0 + (0.013 - 0.004 * rep) * (lane - W / 2.0) / W + 0.001 * rep) : point;
    }

    @Test
    void aReplayEqualsTheBlockScalarAndThePerPathTapeOnRandomPrograms() {
        Set<RandomPrograms.Op> laneOperand = EnumSet.noneOf(RandomPrograms.Op.class);
        Set<String> kinds = new HashSet<>();
        SplittableRandom modes = new SplittableRandom(42);
        for (int p = 0; p < PROGRAMS; p++) {
            int inputs = 2 + p % 4;
            RandomPrograms.Program prog = RandomPrograms.generate(1000 + p, inputs, 12 + p % 10);
            double[] point = prog.point();
            BlockScalarTest.Mode[] mode = new BlockScalarTest.Mode[inputs];
            for (int i = 0; i < inputs; i++) {
                BlockScalarTest.Mode[] all = BlockScalarTest.Mode.values();
                mode[i] = all[modes.nextInt(all.length)];
            }
            mode[0] = p % 2 == 0 ? BlockScalarTest.Mode.LANE_INPUT : BlockScalarTest.Mode.LANE_CONSTANT;

            // record on rep 0
            BlockTape bt = new BlockTape(W);
            bt.recyclePassiveLanes(p % 2 == 1);
            Block[] bx = new Block[inputs];
            List<double[]> laneArrays = new ArrayList<>();
            double[][] lanes = new double[inputs][];
            for (int i = 0; i < inputs; i++) {
                lanes[i] = new double[W];
                fill(lanes[i], point[i], mode[i].perLane(), 0);
                bx[i] = switch (mode[i]) {
                    case UNIFORM_INPUT -> bt.input(point[i]);
                    case LANE_INPUT -> bt.input(lanes[i]);
                    case UNIFORM_CONSTANT -> bt.constant(point[i]);
                    case LANE_CONSTANT -> bt.view(lanes[i]);
                };
                if (mode[i] == BlockScalarTest.Mode.LANE_INPUT) {
                    lanes[i] = bx[i].lanes;   // the input's own lanes, refilled per block
                }
                if (mode[i].perLane()) {
                    laneArrays.add(lanes[i]);
                }
            }
            bt.mark();
            BlockProgram program = bt.record(laneArrays.toArray(new double[0][]));
            List<Block> reg = new ArrayList<>(List.of(bx));
            for (RandomPrograms.Instr in : prog.code()) {
                Block x = reg.get(in.a());
                Block y = reg.get(in.b());
                if (!x.isUniform() || !y.isUniform()) {
                    laneOperand.add(in.op());
                }
                kinds.add(in.op() + ":" + (x.isUniform() ? "U" : "L") + (y.isUniform() ? "U" : "L"));
                reg.add(in.op().apply(x, y, reg.get(in.b2()), in.c(), in.n()));
            }
            bt.finish(program, reg.get(reg.size() - 1));
            assertNull(program.refused(), "program " + p);
            double[] ones = new double[W];
            java.util.Arrays.fill(ones, 1.0);
            program.sweep(ones);
            bt.clearAdjoints();

            for (int rep = 1; rep <= 2; rep++) {
                int live = rep == 2 ? W - 3 : W;
                bt.setLiveLanes(live);
                for (int i = 0; i < inputs; i++) {
                    if (mode[i].perLane()) {
                        fill(lanes[i], point[i], true, rep);
                    }
                }
                program.forward();
                program.sweep(ones);
                // the block scalar, afresh on the same values
                BlockTape fresh = new BlockTape(W);
                Block[] fx = new Block[inputs];
                for (int i = 0; i < inputs; i++) {
                    double[] v = new double[W];
                    fill(v, point[i], mode[i].perLane(), rep);
                    fx[i] = switch (mode[i]) {
                        case UNIFORM_INPUT -> fresh.input(point[i]);
                        case LANE_INPUT -> fresh.input(v);
                        case UNIFORM_CONSTANT -> fresh.constant(point[i]);
                        case LANE_CONSTANT -> fresh.constant(v);
                    };
                }
                Block out = prog.run(fx);
                double[][] g = fresh.inputCount() > 0 ? fresh.laneGradients(out) : new double[W][0];
                for (int l = 0; l < live; l++) {
                    String where = "program " + p + " replay " + rep + " lane " + l + " modes "
                            + java.util.Arrays.toString(mode) + "\n" + prog.code();
                    assertEquals(out.lane(l), program.output(l), 0.0, "block scalar " + where);
                    Tape tape = new Tape();
                    Adj[] ax = new Adj[inputs];
                    for (int i = 0; i < inputs; i++) {
                        double v = laneValue(point[i], mode[i].perLane(), l, rep);
                        ax[i] = mode[i].active() ? tape.input(v) : tape.constant(v);
                    }
                    Adj y = prog.run(ax);
                    assertEquals(y.getReal(), program.output(l), 1e-12 * Math.max(1.0, Math.abs(y.getReal())),
                            "tape " + where);
                    double[] gl = fresh.inputCount() > 0 ? tape.gradient(y) : new double[0];
                    double scale = 1e-300;
                    for (double v : gl) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    int k = 0;
                    for (int i = 0; i < inputs; i++) {
                        if (!mode[i].active()) {
                            continue;
                        }
                        double replayed = bt.laneAdjoints(bx[i])[l];
                        assertEquals(g[l][k], replayed, 0.0, "block scalar adjoint " + i + " " + where);
                        assertEquals(gl[k], replayed, 1e-12 * scale, "tape adjoint " + i + " " + where);
                        k++;
                    }
                }
                bt.clearAdjoints();
            }
            bt.setLiveLanes(W);
        }
        assertEquals(EnumSet.allOf(RandomPrograms.Op.class), laneOperand, "every operation replayed per lane");
        for (RandomPrograms.Op op : List.of(RandomPrograms.Op.ADD, RandomPrograms.Op.MULTIPLY,
                RandomPrograms.Op.DIVIDE, RandomPrograms.Op.SUBTRACT, RandomPrograms.Op.MAX, RandomPrograms.Op.MIN,
                RandomPrograms.Op.POW, RandomPrograms.Op.LINCOMB_TT)) {
            assertTrue(kinds.contains(op + ":UL") || kinds.contains(op + ":LU"), op + " met mixed operands");
            assertTrue(kinds.contains(op + ":LL"), op + " met two per-lane operands");
        }
    }

    /**
     * The replay sweeps without checking per-lane partials finite, and redoes a block with the
     * checks when a NaN reaches the setup: here {@code sqrt(max(x z, 0))} has an infinite partial
     * on the lanes where {@code x z <= 0}, and the payoff's kink gives those lanes a zero adjoint,
     * so the unchecked {@code 0 * infinity} is NaN. The redone block equals the block scalar run
     * afresh to the last bit, adjoints accumulated over two sweeps included (the first sweep's are
     * restored before the redo); a block without such lanes is not redone; and a lane whose
     * adjoint is infinite by the checked sweep's own rules keeps it.
     */
    @Test
    void anUncheckedZeroTimesInfinityIsFoundAndTheBlockSweptAgainWithTheChecks() {
        double[][] blocks = {
            {0.9, 1.3, 1.1, 2.0, 0.7, 1.6, 1.2, 3.0},        // every x z > 0: no NaN, not redone
            {0.9, -1.3, 1.1, 0.0, 0.7, -1.6, 1.2, 3.0},      // x z <= 0 on three lanes: redone
        };
        for (boolean kinked : new boolean[] {true, false}) {
            BlockTape bt = new BlockTape(W);
            Block x = bt.input(1.5);
            double[] z = new double[W];
            Block zb = bt.view(z);
            bt.mark();
            System.arraycopy(blocks[0], 0, z, 0, W);
            BlockProgram program = bt.record(new double[][] {z});
            bt.finish(program, payoff(x, zb, kinked));
            assertTrue(bt.sweepsOptimistically());
            double[] ones = new double[W];
            java.util.Arrays.fill(ones, 1.0);
            for (int b = 0; b < blocks.length; b++) {
                System.arraycopy(blocks[b], 0, z, 0, W);
                bt.clearAdjoints();
                long redone = bt.redoneSweeps();
                double[][] expected = new double[2][];
                for (int sweep = 0; sweep < 2; sweep++) {   // two sweeps accumulate, as antithetic pairs do
                    program.forward();
                    program.sweep(ones);
                    expected[sweep] = freshAdjoints(blocks[b], kinked, sweep + 1);
                    double[] replayed = bt.laneAdjoints(x);
                    for (int l = 0; l < W; l++) {
                        assertEquals(expected[sweep][l], replayed[l], 0.0, "block " + b + " sweep " + sweep + " lane "
                                + l + " kinked " + kinked);
                    }
                }
                long expectRedone = b == 0 ? 0 : 2;
                assertEquals(expectRedone, bt.redoneSweeps() - redone, "redone sweeps, block " + b + " kinked " + kinked);
                if (!kinked && b == 1) {
                    assertTrue(Double.isNaN(expected[1][3]), "without the kink lane 3's own adjoint is NaN (inf * 0)");
                }
            }
        }
    }

    /** {@code max(sqrt(max(x z, 0)) - 0.5, 0)}, or without the outer kink. */
    private static Block payoff(Block x, Block z, boolean kinked) {
        Block s = Fn.max(x.multiply(z), 0.0).sqrt();
        return kinked ? Fn.max(s.subtract(0.5), 0.0) : s;
    }

    /** Lane adjoints of x on a fresh block scalar after {@code sweeps} sweeps of the same block. */
    private static double[] freshAdjoints(double[] zValues, boolean kinked, int sweeps) {
        BlockTape t = new BlockTape(W);
        Block x = t.input(1.5);
        int mark = t.mark();
        double[] ones = new double[W];
        java.util.Arrays.fill(ones, 1.0);
        for (int s = 0; s < sweeps; s++) {
            t.sweepPath(payoff(x, t.constant(zValues.clone()), kinked), ones, mark);
        }
        return t.laneAdjoints(x);
    }

    private static void fill(double[] lanes, double point, boolean perLane, int rep) {
        for (int l = 0; l < W; l++) {
            lanes[l] = laneValue(point, perLane, l, rep);
        }
    }

    @Test
    void uniformValuesReadByTheRecordedControlFlowAreGuardsAndNothingIsRecordedAfterAKeptProgram() {
        BlockTape t = new BlockTape(4);
        Block s = t.input(100.0);
        int mark = t.mark();
        double[][] z = {new double[4]};
        BlockProgram p = t.record(z);
        Block x = s.multiply(t.view(z[0]).exp());
        Block y = s.getReal() > 90 ? x.subtract(90.0) : x;
        t.finish(p, y);
        assertEquals(1, p.guards());
        assertThrows(IllegalStateException.class, () -> s.multiply(s), "the path section is kept");
        t.rewind(mark);
        s.multiply(s);   // a rewind drops the program
    }
    /**
     * The replay's fused loops (runs of up to four uniform-times-lane terms in one pass of
     * {@code affine}, {@code weightedSum} and {@code sumOfProducts}; max, min and select without a
     * per-lane dispatch) against the block scalar run afresh, to the last bit, value and every lane
     * adjoint: nine terms (a run of four, a run of two, a lone one between lane-times-lane and
     * uniform-times-uniform terms), both operand orders, constants on either side of max and min.
     */
    @Test
    void fusedRunsOfTermsReplayBitIdenticallyToTheBlockScalar() {
        int terms = 9;
        double[] coefficients = new double[terms];
        for (int k = 0; k < terms; k++) {
            coefficients[k] = 0.37 * (k + 1) - 1.1;
        }
        // which terms read lanes: a run of four, a uniform, a run of two, a lane x lane, two more
        boolean[] laneTerm = {true, true, true, true, false, true, true, false, true};
        BlockTape t = new BlockTape(W);
        Block u = t.input(1.3);
        Block v = t.input(0.8);
        t.mark();
        double[][] z = new double[terms][W];
        BlockProgram p = t.record(z);
        Block out = fusedProgram(t, u, v, z, laneTerm, coefficients);
        t.finish(p, out);
        assertNull(p.refused());
        double[] ones = new double[W];
        java.util.Arrays.fill(ones, 1.0);
        p.sweep(ones);
        t.clearAdjoints();
        for (int rep = 1; rep <= 3; rep++) {
            SplittableRandom rnd = new SplittableRandom(rep);
            for (double[] lane : z) {
                for (int l = 0; l < W; l++) {
                    lane[l] = rnd.nextGaussian();
                }
            }
            p.forward();
            p.sweep(ones);
            BlockTape fresh = new BlockTape(W);
            Block fu = fresh.input(1.3);
            Block fv = fresh.input(0.8);
            double[][] fz = new double[terms][];
            for (int k = 0; k < terms; k++) {
                fz[k] = z[k].clone();
            }
            Block expected = fusedProgram(fresh, fu, fv, fz, laneTerm, coefficients);
            double[][] g = fresh.laneGradients(expected);
            double[] du = t.laneAdjoints(u);
            double[] dv = t.laneAdjoints(v);
            for (int l = 0; l < W; l++) {
                assertEquals(Double.doubleToRawLongBits(expected.lane(l)), Double.doubleToRawLongBits(p.output(l)),
                        "value, replay " + rep + " lane " + l);
                assertEquals(Double.doubleToRawLongBits(g[l][0]), Double.doubleToRawLongBits(du[l]), "d/du lane " + l);
                assertEquals(Double.doubleToRawLongBits(g[l][1]), Double.doubleToRawLongBits(dv[l]), "d/dv lane " + l);
            }
            t.clearAdjoints();
        }
    }

    private static Block fusedProgram(BlockTape t, Block u, Block v, double[][] z, boolean[] laneTerm,
            double[] coefficients) {
        int n = z.length;
        Block[] lanes = new Block[n];
        Block[] factors = new Block[n];
        Block[] mixed = new Block[n];
        for (int k = 0; k < n; k++) {
            lanes[k] = t.view(z[k]);
            factors[k] = k % 3 == 2 ? u.multiply(0.5 + k) : v.add(0.1 * k);
            mixed[k] = laneTerm[k] ? lanes[k] : u.multiply(0.25 * k);
        }
        factors[7] = lanes[2].multiply(0.3);   // a lane x lane term between the runs
        Block x0 = lanes[0].multiply(u).add(1.0);
        Block step = Fn.affine(x0, v, factors, lanes, 0, n);
        Block step2 = Fn.affine(u, null, factors, mixed, 0, n);
        Block weighted = Fn.weightedSum(0.5, coefficients, mixed, n);
        Block[] swapped = new Block[n];
        for (int k = 0; k < n; k++) {
            swapped[k] = k % 2 == 0 ? factors[k] : mixed[k];
            mixed[k] = k % 2 == 0 ? mixed[k] : factors[k];
        }
        Block products = Fn.sumOfProducts(swapped, mixed, n);
        Block a = Fn.max(step, weighted);
        Block b = Fn.min(step2, products);
        Block c = Fn.max(a.multiply(v), 0.25).add(Fn.min(b, -0.1));
        Block d = Fn.select(step.subtract(step2), a, b).add(Fn.select(weighted, c, v));
        return d.add(Fn.max(products, u)).add(Fn.min(u, step)).multiply(c);
    }
}
