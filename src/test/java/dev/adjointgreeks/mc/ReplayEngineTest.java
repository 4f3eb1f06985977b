package dev.adjointgreeks.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockProgram;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.libor.LiborMarket;
import dev.adjointgreeks.libor.SwaptionPortfolio;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.OptionType;

/**
 * The replay engine (record the path section once, replay it per block) is the block scalar: on
 * every model and product, LIBOR included, every lane of every block equals the block scalar's to
 * the last bit and the per-path tape's to 1e-12 (rounding: the two order sums differently).
 */
class ReplayEngineTest {

    private static final int W = 8;
    private static final int BLOCKS = 4;

    static List<Trade> everyPairAndLibor() {
        List<Trade> t = new ArrayList<>(BlockEngineTest.everyPair());
        t.add(new Trade("libor", SwaptionPortfolio.published(), LiborMarket.published()));
        return t;
    }

    /** {@code BLOCKS} lane blocks of normals, the last one partial (fewer live lanes). */
    private static double[][][][] blocks(PricingProblem p, long seed, boolean antithetic) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][][][] z = new double[BLOCKS][antithetic ? 2 : 1][p.dimension()][W];
        for (double[][][] b : z) {
            for (int k = 0; k < p.dimension(); k++) {
                for (int l = 0; l < W; l++) {
                    double v = rnd.nextGaussian() * 1.5;
                    b[0][k][l] = v;
                    if (antithetic) {
                        b[1][k][l] = -v;
                    }
                }
            }
        }
        return z;
    }

    private static int live(int block) {
        return block == BLOCKS - 1 ? W - 3 : W;
    }

    @Test
    void everyLaneOfEveryBlockEqualsTheBlockScalarAndThePerPathTape() {
        for (Trade trade : everyPairAndLibor()) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            for (boolean anti : new boolean[] {false, true}) {
                double[][][][] z = blocks(p, 5, anti);
                AdjointEvaluator replay = new AdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_SAMPLE, W,
                        null, 0, true);
                AdjointEvaluator scalar = new AdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_SAMPLE, W,
                        null, 0, false);
                PathAdjointEvaluator path = new PathAdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_SAMPLE);
                String id = trade.id() + (anti ? " antithetic" : "");
                for (int b = 0; b < BLOCKS; b++) {
                    int n = live(b);
                    double[][] r = new double[replay.width()][W];
                    double[][] s = new double[scalar.width()][W];
                    double[][] q = new double[path.width()][W];
                    replay.sampleLanes(z[b], n, r);
                    scalar.sampleLanes(z[b], n, s);
                    path.sampleLanes(z[b], n, q);
                    for (int c = 0; c < r.length; c++) {
                        double scale = 1e-300;
                        for (int l = 0; l < n; l++) {
                            scale = Math.max(scale, Math.abs(q[c][l]));
                        }
                        for (int l = 0; l < n; l++) {
                            String where = id + " block " + b + " value " + c + " lane " + l;
                            assertEquals(s[c][l], r[c][l], 0.0, where + ": replay == block scalar, bit for bit");
                            assertEquals(q[c][l], r[c][l], 1e-12 * Math.max(c == 0 ? 1.0 : 0.0, scale), where);
                        }
                    }
                }
                BlockProgram program = replay.program();
                assertNotNull(program, id);
                assertNull(program.refused(), id + " replays");
                assertTrue(program.instructions() > 0, id);
                assertNull(scalar.program(), "replay off: nothing recorded");
            }
        }
    }

    @Test
    void thePassiveReplayEqualsTheBlockScalarBitForBit() {
        for (Trade trade : everyPairAndLibor()) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            double[][][][] z = blocks(p, 7, false);
            PassiveEvaluator replay = new PassiveEvaluator(p, x, true);
            PassiveEvaluator scalar = new PassiveEvaluator(p, x, false);
            for (int b = 0; b < BLOCKS; b++) {
                double[][] r = new double[1][replay.lanes()];
                double[][] s = new double[1][scalar.lanes()];
                replay.sampleLanes(z[b], live(b), r);
                scalar.sampleLanes(z[b], live(b), s);
                assertArrayEquals(s[0], r[0], trade.id() + " block " + b);
            }
        }
    }

    /**
     * Barrier decides whether the spot starts beyond the barrier, on a uniform value. A spot shocked across the barrier records its own program and
     * takes the other branch: the replayed price equals the block scalar's, and differs from the
     * unshocked one by more than Monte Carlo noise could.
     */
    @Test
    void aSpotShockAcrossTheBarrierTakesTheOtherBranch() {
        BlackScholesModel bs = new BlackScholesModel(100, 0.25, 0.04, 0.01);
        Trade trade = new Trade("down-in", new Barrier(OptionType.PUT, 100, 1, 95, BarrierKind.DOWN_IN, 0), bs,
                0, 8, null, 1, null);
        PricingProblem p = trade.problem();
        double[] x = p.inputValues();
        int spot = p.indexOf("spot");
        double[] shocked = x.clone();
        shocked[spot] = 90;   // below the barrier at the start: knocked in from the first step
        MonteCarlo.Settings s = new MonteCarlo.Settings(4_000, 3, 1, false, false);
        List<MonteCarlo.Output> outs = List.of(MonteCarlo.Output.of("price", 0, 0));
        double[] price = new double[4];
        int i = 0;
        for (double[] in : new double[][] {x, shocked}) {
            for (boolean replay : new boolean[] {true, false}) {
                MonteCarlo.Result r = MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(),
                        () -> new Evaluator[] {new PassiveEvaluator(p, in, replay)}, new int[] {0}, outs);
                price[i++] = r.mean()[0];
            }
        }
        assertEquals(price[1], price[0], 0.0, "unshocked: replay == block scalar");
        assertEquals(price[3], price[2], 0.0, "shocked across the barrier: replay == block scalar");
        // knocked in at once, the down-and-in put on a spot of 90 is the vanilla put: worth about 11.6,
        // against about 4 for the unshocked barrier; far beyond a standard error of a few cents
        assertTrue(price[2] - price[0] > 3, price[0] + " -> " + price[2]);
        // the branch is taken in the setup (the payoff's constructor), which every evaluator runs
        // for its own inputs: the shocked evaluator's program holds the knocked-in payoff
        PassiveEvaluator e = new PassiveEvaluator(p, shocked, true);
        e.sampleLanes(blocks(p, 1, false)[0], W, new double[1][e.lanes()]);
        assertNull(e.program().refused());
    }

    @Test
    void aRecordedAndReplayedRunIsIdenticalToASecondRunAndToTheBlockScalar() {
        RunSettings s = RunSettings.defaults(20_000, 77);
        for (Trade t : everyPairAndLibor()) {
            if (t.id().equals("libor")) {
                s = RunSettings.defaults(2_000, 77);
            }
            TradeResult first = GreeksEngine.price(t, Method.ADJOINT, s);
            assertEquals(first.values(), GreeksEngine.price(t, Method.ADJOINT, s).values(), t.id());
        }
    }

    @Test
    void aPerLaneBranchIsRefusedWhenRecordedAndAPerLaneConstantMadeInThePathIsNotReplayed() {
        BlockTape tape = new BlockTape(W);
        Block spot = tape.input(100.0);
        int mark = tape.mark();
        double[][] lanes = {new double[W]};
        Block z = tape.view(lanes[0]);
        BlockProgram p = tape.record(lanes);
        Block s = spot.multiply(z.exp());
        assertThrows(IllegalStateException.class, () -> {
            if (s.getReal() > 100) {
                throw new AssertionError("unreachable");
            }
        });
        tape.abandon(p);
        tape.rewind(mark);

        // a per-lane constant built from lane values outside the scalar's operations: refused,
        // so the caller keeps recording every block
        BlockProgram q = tape.record(lanes);
        Block y = spot.multiply(tape.constant(z.exp().laneValues()));
        tape.finish(q, Fn.max(y, 0.0));
        assertNotNull(q.refused());
        tape.rewind(mark);
    }

    @Test
    void theReplaysWorkingSetDoesNotGrowWithPaths() {
        for (Trade t : List.of(BlockEngineTest.everyPair().get(3), BlockEngineTest.everyPair().get(11))) {
            PricingProblem p = t.problem();
            AdjointEvaluator e = new AdjointEvaluator(p, p.inputValues(), AdjointEvaluator.GradientErrors.AUTO, 0, null, 0, true);
            int w = e.lanes();
            SplittableRandom rnd = new SplittableRandom(1);
            double[][][] z = new double[1][p.dimension()][w];
            double[][] out = new double[e.width()][w];
            long atTwo = 0;
            long tapeAtTwo = 0;
            for (int b = 0; b < 200; b++) {
                for (double[] l : z[0]) {
                    for (int k = 0; k < w; k++) {
                        l[k] = rnd.nextGaussian();
                    }
                }
                e.sampleLanes(z, w, out);
                if (b == 2) {
                    atTwo = e.program().workingSetBytes();
                    tapeAtTwo = e.tape().highWaterBytes();
                }
            }
            assertEquals(atTwo, e.program().workingSetBytes(), t.id());
            assertEquals(tapeAtTwo, e.tape().highWaterBytes(), t.id());
        }
    }

    /** Once recorded, a block allocates nothing: no object per operation, no lane array per block. */
    @Test
    void aReplayedBlockAllocatesNothing() {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (Trade t : everyPairAndLibor()) {
            // payoffs without a normal CDF: commons-math's erfc allocates a continued fraction per call
            // (the library's allocation, not the replay's), and the conditioned payoffs call it per path
            if (!List.of("bs-asian-kinked", "heston-eu-kinked", "basket-kinked", "libor").contains(t.id())) {
                continue;
            }
            PricingProblem p = t.problem();
            for (AdjointEvaluator.GradientErrors errors : AdjointEvaluator.GradientErrors.values()) {
                AdjointEvaluator e = new AdjointEvaluator(p, p.inputValues(), errors, 0, null, 0, true);
                int w = e.lanes();
                double[][][] z = blocks(p, 3, true)[0];
                double[][][] zw = new double[2][p.dimension()][w];
                for (int a = 0; a < 2; a++) {
                    for (int k = 0; k < p.dimension(); k++) {
                        for (int l = 0; l < w; l++) {
                            zw[a][k][l] = z[a][k][l % W];
                        }
                    }
                }
                double[][] out = new double[e.width()][w];
                double[] sums = new double[e.width()];
                for (int b = 0; b < 5; b++) {   // records, and warms the replay up
                    e.sampleLanes(zw, w, out);
                    e.endBlock(sums);
                }
                long before = mx.getThreadAllocatedBytes(thread);
                for (int b = 0; b < 100; b++) {
                    e.sampleLanes(zw, w - b % 3, out);
                    e.endBlock(sums);
                }
                long allocated = mx.getThreadAllocatedBytes(thread) - before;
                assertTrue(allocated < 100 * 64, t.id() + " " + errors + ": " + allocated + " bytes in 100 blocks");
            }
        }
    }
}
