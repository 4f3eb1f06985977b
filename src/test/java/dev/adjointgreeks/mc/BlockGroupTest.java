package dev.adjointgreeks.mc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;

/**
 * Monte Carlo blocks smaller than an evaluator's lane block run several to one lane block
 * ({@code Worker.runGroup}): every number equals, to the last bit, the run that gives each block
 * its own lane block, with and without antithetics, replayed or recorded, and does not depend on
 * the thread count.
 */
class BlockGroupTest {

    /** Forwards to an evaluator, counting the lane blocks; {@code lanes} overrides its lane count. */
    private static final class Counting implements Evaluator {
        final Evaluator inner;
        final int lanes;
        int calls;

        Counting(Evaluator inner, int lanes) {
            this.inner = inner;
            this.lanes = lanes;
        }

        @Override
        public int width() {
            return inner.width();
        }

        @Override
        public boolean perSample(int i) {
            return inner.perSample(i);
        }

        @Override
        public void sample(double[][] paths, double[] out) {
            inner.sample(paths, out);
        }

        @Override
        public void endBlock(double[] blockSums) {
            inner.endBlock(blockSums);
        }

        @Override
        public boolean segmentedSums() {
            return inner.segmentedSums();
        }

        @Override
        public void endBlocks(double[][] blockSums, int[] counts) {
            inner.endBlocks(blockSums, counts);
        }

        @Override
        public int lanes() {
            return lanes;
        }

        @Override
        public void sampleLanes(double[][][] z, int count, double[][] out) {
            calls++;
            inner.sampleLanes(z, count, out);
        }
    }

    private static MonteCarlo.Result run(PricingProblem p, MonteCarlo.Settings s, Supplier<Evaluator> maker,
            int lanes) {
        List<MonteCarlo.Output> outs = new ArrayList<>();
        Evaluator probe = maker.get();
        for (int c = 0; c < probe.width(); c++) {
            outs.add(MonteCarlo.Output.of("v" + c, 0, c));
        }
        outs.add(new MonteCarlo.Output("price-minus-v1", new int[] {0, 0}, new int[] {0, probe.width() - 1},
                new double[] {1.0, -0.5}));
        return MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(),
                () -> new Evaluator[] {new Counting(maker.get(), lanes)}, new int[] {0}, outs);
    }

    @Test
    void blocksRunTogetherGiveTheNumbersOfBlocksRunAlone() {
        List<Trade> trades = BlockEngineTest.everyPair();
        int grouped = 0;
        for (Trade trade : trades) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            for (boolean anti : new boolean[] {false, true}) {
                for (boolean replay : new boolean[] {false, true}) {
                    // 2,001 paths: 63 blocks of 32 samples (the last 17), or 32 of 16 pairs
                    MonteCarlo.Settings s = new MonteCarlo.Settings(2_001, 17, 1, anti, false);
                    long block = MonteCarlo.samplesPerBlock(s);
                    List<Supplier<Evaluator>> makers = List.of(
                            () -> new AdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_SAMPLE, 128, null, 0,
                                    replay),
                            () -> new PassiveEvaluator(p, x));
                    for (Supplier<Evaluator> maker : makers) {
                        int lanes = maker.get().lanes();
                        MonteCarlo.Result together = run(p, s, maker, lanes);
                        MonteCarlo.Result alone = run(p, s, maker, (int) block);
                        String where = trade.id() + " antithetic " + anti + " replay " + replay + " lanes " + lanes;
                        assertArrayEquals(alone.mean(), together.mean(), 0.0, where);
                        assertArrayEquals(alone.stderr(), together.stderr(), 0.0, where);
                        if (lanes >= 2 * block) {
                            grouped++;
                        }
                    }
                }
            }
        }
        assertEquals(8 * trades.size(), grouped, "every case ran grouped (2 evaluators x antithetic x replay)");
    }

    /**
     * Gradients known per block only (the setup swept once per block, summed): blocks that share a
     * lane block keep their sums apart ({@code Evaluator.endBlocks}: each block's lane sums, then one
     * lane-by-lane sweep of the setup), first order (recorded and replayed) and tangent-over-adjoint
     * alike. The sums are added in another order, so the numbers agree to rounding, not to the bit.
     */
    @Test
    void blocksWithGradientsPerBlockRunTogetherAsAlone() {
        List<Trade> trades = BlockEngineTest.everyPair();
        int grouped = 0;
        for (Trade trade : trades) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            MonteCarlo.Settings s = new MonteCarlo.Settings(2_001, 17, 1, false, false);
            long block = MonteCarlo.samplesPerBlock(s);
            List<Supplier<Evaluator>> makers = new ArrayList<>(List.of(
                    () -> new AdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_BLOCK, 128, null, 0, false),
                    () -> new AdjointEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_BLOCK, 128, null, 0, true)));
            if (p.smoothPathwise()) {
                makers.add(() -> new HessianEvaluator(p, x, AdjointEvaluator.GradientErrors.PER_BLOCK, new int[] {0},
                        null, block));
            }
            for (Supplier<Evaluator> maker : makers) {
                Evaluator e = maker.get();
                MonteCarlo.Result together = run(p, s, maker, e.lanes());
                MonteCarlo.Result alone = run(p, s, maker, (int) block);
                String where = trade.id() + " " + e.getClass().getSimpleName();
                for (int o = 0; o < together.mean().length; o++) {
                    double scale = Math.abs(alone.mean()[o]) + alone.stderr()[o] + 1e-300;
                    assertEquals(alone.mean()[o], together.mean()[o], 1e-12 * scale, where + " mean " + o);
                    assertEquals(alone.stderr()[o], together.stderr()[o], 1e-9 * alone.stderr()[o] + 1e-15 * scale,
                            where + " stderr " + o);
                }
                if (e.segmentedSums() && e.lanes() >= 2 * block) {
                    grouped++;
                }
            }
        }
        assertTrue(grouped >= 2 * trades.size(), "most cases ran grouped: " + grouped);
    }

    @Test
    void groupedBlocksRunOneLaneBlockPerGroup() {
        Trade trade = BlockEngineTest.everyPair().get(0);
        PricingProblem p = trade.problem();
        double[] x = p.inputValues();
        MonteCarlo.Settings s = new MonteCarlo.Settings(2_001, 17, 1, false, false);
        int[] calls = new int[2];
        for (int k = 0; k < 2; k++) {
            int lanes = k == 0 ? 128 : 32;
            Counting[] made = new Counting[1];
            MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(), () -> {
                made[0] = new Counting(new PassiveEvaluator(p, x), lanes);
                return new Evaluator[] {made[0]};
            }, new int[] {0}, List.of(MonteCarlo.Output.of("price", 0, 0)));
            calls[k] = made[0].calls;
        }
        assertEquals(16, calls[0], "63 blocks of 32 in groups of 4");
        assertEquals(63, calls[1], "one lane block per block");
    }

    @Test
    void groupedRunsAreBitIdenticalOnOneTwoAndThreeThreads() {
        RunSettings s = RunSettings.defaults(2_000, 321);
        List<Trade> trades = BlockEngineTest.everyPair();
        for (Trade t : List.of(trades.get(0), trades.get(3), trades.get(8), trades.get(11), trades.get(13))) {
            TradeResult one = GreeksEngine.price(t, Method.ADJOINT, s.withThreads(1));
            assertEquals(one.values(), GreeksEngine.price(t, Method.ADJOINT, s.withThreads(2)).values(), t.id());
            assertEquals(one.values(), GreeksEngine.price(t, Method.ADJOINT, s.withThreads(3)).values(), t.id());
        }
    }
}
