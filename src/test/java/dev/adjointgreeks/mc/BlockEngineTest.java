package dev.adjointgreeks.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.Exchange;
import dev.adjointgreeks.product.OptionType;

/**
 * The block engine is the per-path engine run a block of paths at a time: lane by lane on every
 * model and product, and as a Monte Carlo estimate; its numbers do not depend on the thread count
 * and its tape does not grow with the number of paths.
 */
class BlockEngineTest {

    private static final int W = 8;

    /** Every model x product pair, with the variants that take a different code path. */
    static List<Trade> everyPair() {
        BlackScholesModel bs = new BlackScholesModel(100, 0.25, 0.04, 0.01);
        HestonModel heston = new HestonModel(100, 0.04, 1.5, 0.04, 0.6, -0.7, 0.03, 0.01);
        MultiAssetModel three = new MultiAssetModel(new double[] {100, 90, 110}, new double[] {0.2, 0.3, 0.25},
                new double[] {0.01, 0.0, 0.02}, 0.03,
                new double[][] {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}});
        MultiAssetModel two = new MultiAssetModel(new double[] {50, 52}, new double[] {0.35, 0.25},
                new double[] {0, 0}, 0.02, new double[][] {{1, -0.2}, {-0.2, 1}});
        List<Trade> t = new ArrayList<>();
        t.add(new Trade("bs-eu-call", new European(OptionType.CALL, 100, 1), bs));
        t.add(new Trade("bs-eu-put-steps", new European(OptionType.PUT, 95, 1), bs, 0, 4, null, 1, null));
        t.add(new Trade("bs-digital", new Digital(OptionType.CALL, 105, 0.5, 5), bs));
        t.add(new Trade("bs-asian-cv", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC), bs));
        t.add(new Trade("bs-asian-plain", new Asian(OptionType.PUT, 100, 1, 6, Averaging.ARITHMETIC, false), bs));
        t.add(new Trade("bs-asian-geo", new Asian(OptionType.CALL, 100, 1, 6, Averaging.GEOMETRIC), bs));
        for (BarrierKind k : BarrierKind.values()) {
            double level = k.down() ? 85 : 120;
            t.add(new Trade("bs-barrier-" + k.word(), new Barrier(OptionType.CALL, 100, 1, level, k, 2), bs, 0, 8,
                    null, 1, null));
        }
        t.add(new Trade("bs-barrier-breached", new Barrier(OptionType.PUT, 100, 1, 105, BarrierKind.DOWN_IN, 0), bs));
        t.add(new Trade("heston-eu", new European(OptionType.CALL, 100, 1), heston, 0, 20, null, 1, null));
        t.add(new Trade("heston-digital", new Digital(OptionType.PUT, 95, 1, 1.0), heston, 0, 20, null, 1, null));
        t.add(new Trade("basket", new Basket(OptionType.CALL, 100, 1, new double[] {0.5, 0.3, 0.2}), three));
        t.add(new Trade("exchange", new Exchange(0.5), two));
        // the kinked payoffs the conditioned European and Asian replaced by default
        t.add(new Trade("bs-asian-kinked", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC, true, false), bs));
        t.add(new Trade("heston-eu-kinked", new European(OptionType.CALL, 100, 1, false), heston, 0, 20, null, 1, null));
        t.add(new Trade("basket-kinked", new Basket(OptionType.CALL, 100, 1, new double[] {0.5, 0.3, 0.2}, false), three));
        return t;
    }

    @Test
    void everyLaneEqualsThePerPathTapeOnEveryModelAndProduct() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (Trade trade : everyPair()) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            int dim = p.dimension();
            for (int rep = 0; rep < 3; rep++) {
                double[][] z = new double[dim][W];
                for (int k = 0; k < dim; k++) {
                    for (int l = 0; l < W; l++) {
                        z[k][l] = rnd.nextGaussian() * (1 + rep);   // rep 2: far tails, truncated Heston variances
                    }
                }
                BlockTape bt = new BlockTape(W);
                bt.recyclePassiveLanes(rep == 1);   // passive per-lane values from the tape's slices too
                PricingProblem.PathFunction<Block> f = p.setup(bt.inputs(x));
                Block[] zb = new Block[dim];
                for (int k = 0; k < dim; k++) {
                    zb[k] = bt.constant(z[k]);
                }
                Block y = f.discountedPayoff(zb);
                double[][] g = bt.laneGradients(y);
                for (int l = 0; l < W; l++) {
                    Tape tape = new Tape();
                    Adj[] normals = new Adj[dim];
                    double[] zl = new double[dim];
                    for (int k = 0; k < dim; k++) {
                        zl[k] = z[k][l];
                    }
                    Adj yl = p.setup(tape.inputs(x)).discountedPayoff(PricingProblem.constants(tape.getZero(), zl, normals));
                    double[] gl = tape.gradient(yl);
                    double scale = 1e-300;
                    for (double v : gl) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    String where = trade.id() + " lane " + l + " rep " + rep;
                    assertEquals(yl.getReal(), y.lane(l), 1e-12 * Math.max(1, Math.abs(yl.getReal())), where);
                    for (int k = 0; k < x.length; k++) {
                        assertEquals(gl[k], g[l][k], 1e-12 * scale, where + " " + p.inputNames()[k]);
                    }
                }
            }
        }
    }

    private static MonteCarlo.Result run(PricingProblem p, MonteCarlo.Settings s, Supplier<Evaluator> maker) {
        List<MonteCarlo.Output> outs = new ArrayList<>();
        for (int c = 0; c < 1 + p.inputCount(); c++) {
            outs.add(MonteCarlo.Output.of("v" + c, 0, c));
        }
        return MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(), () -> new Evaluator[] {maker.get()},
                new int[] {0}, outs);
    }

    @Test
    void theBlockMonteCarloEstimateEqualsThePerPathOne() {
        List<Trade> trades = everyPair();
        for (int i = 0; i < trades.size(); i += 3) {
            PricingProblem p = trades.get(i).problem();
            double[] x = p.inputValues();
            for (AdjointEvaluator.GradientErrors errors : List.of(AdjointEvaluator.GradientErrors.PER_SAMPLE,
                    AdjointEvaluator.GradientErrors.PER_BLOCK)) {
                for (boolean[] v : new boolean[][] {{false, false}, {true, false}, {false, true}}) {
                    MonteCarlo.Settings s = new MonteCarlo.Settings(3_001, 9, 1, v[0], v[1]);
                    MonteCarlo.Result path = run(p, s, () -> new PathAdjointEvaluator(p, x, errors));
                    MonteCarlo.Result block = run(p, s, () -> new AdjointEvaluator(p, x, errors, W));
                    String where = trades.get(i).id() + " " + errors + " antithetic " + v[0] + " sobol " + v[1];
                    assertEquals(path.paths(), block.paths());
                    for (int o = 0; o < path.mean().length; o++) {
                        double m = path.mean()[o];
                        assertEquals(m, block.mean()[o], 1e-12 * Math.max(1, Math.abs(m)), where + " mean " + o);
                        double se = path.stderr()[o];
                        // plus rounding where the estimator has no variance (a conditioned one-step European):
                        // the summation order's last bits, 1e-14 of the mean
                        assertEquals(se, block.stderr()[o], 1e-9 * Math.max(1e-12, se) + 1e-14 * Math.max(1, Math.abs(m)),
                                where + " stderr " + o);
                    }
                }
            }
        }
    }

    @Test
    void theBlockPassivePriceEqualsThePerPathOne() {
        for (Trade trade : everyPair()) {
            PricingProblem p = trade.problem();
            double[] x = p.inputValues();
            for (boolean anti : new boolean[] {false, true}) {
                MonteCarlo.Settings s = new MonteCarlo.Settings(1_001, 5, 1, anti, false);
                List<MonteCarlo.Output> outs = List.of(MonteCarlo.Output.of("price", 0, 0));
                MonteCarlo.Result path = MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(),
                        () -> new Evaluator[] {new PathPassiveEvaluator(p, x)}, new int[] {0}, outs);
                MonteCarlo.Result block = MonteCarlo.run(s, p.steps(), p.model().normalsPerStep(),
                        () -> new Evaluator[] {new PassiveEvaluator(p, x)}, new int[] {0}, outs);
                double m = path.mean()[0];
                assertEquals(m, block.mean()[0], 1e-12 * Math.max(1, Math.abs(m)), trade.id());
                assertEquals(path.stderr()[0], block.stderr()[0], 1e-9 * Math.max(1e-12, path.stderr()[0]), trade.id());
            }
        }
    }

    @Test
    void theNumbersAreBitIdenticalOnOneTwoAndThreeThreads() {
        RunSettings s = RunSettings.defaults(20_000, 123);
        List<Trade> trades = everyPair();
        for (Trade t : List.of(trades.get(0), trades.get(3), trades.get(11), trades.get(13))) {
            TradeResult one = GreeksEngine.price(t, Method.ADJOINT, s.withThreads(1));
            assertEquals(one.values(), GreeksEngine.price(t, Method.ADJOINT, s.withThreads(2)).values(), t.id());
            assertEquals(one.values(), GreeksEngine.price(t, Method.ADJOINT, s.withThreads(3)).values(), t.id());
        }
        RunSettings q = s.withVariance(true, true).withSecondOrder(false);
        Trade t = trades.get(0);
        assertEquals(GreeksEngine.price(t, Method.ADJOINT, q.withThreads(1)).values(),
                GreeksEngine.price(t, Method.ADJOINT, q.withThreads(3)).values(), "antithetic Sobol too");
    }

    @Test
    void theTapeHighWaterMarkDoesNotGrowWithPaths() {
        for (Trade t : List.of(everyPair().get(3), everyPair().get(11), everyPair().get(13))) {
            PricingProblem p = t.problem();
            AdjointEvaluator e = new AdjointEvaluator(p, p.inputValues(), AdjointEvaluator.GradientErrors.AUTO);
            int w = e.lanes();
            SplittableRandom rnd = new SplittableRandom(1);
            double[][][] z = new double[1][p.dimension()][w];
            double[][] out = new double[e.width()][w];
            long atTwo = 0;
            for (int b = 0; b < 300; b++) {
                for (double[] lanes : z[0]) {
                    for (int l = 0; l < w; l++) {
                        lanes[l] = rnd.nextGaussian();
                    }
                }
                e.sampleLanes(z, w, out);
                if (b == 2) {
                    atTwo = e.tape().highWaterBytes();
                }
            }
            assertEquals(atTwo, e.tape().highWaterBytes(), t.id() + ": the high-water mark is one block's");
        }
    }

    @Test
    void aLongPathGetsFewerLanesSoThatItsTapeStaysWithinBudget() {
        Trade shortPath = everyPair().get(0);
        Trade longPath = new Trade("heston-long", new European(OptionType.CALL, 100, 1),
                new HestonModel(100, 0.04, 1.5, 0.04, 0.6, -0.7, 0.03, 0.01), 0, 4000, null, 1, null);
        PricingProblem ps = shortPath.problem();
        assertEquals(AdjointEvaluator.DEFAULT_LANES, AdjointEvaluator.chooseLanes(ps, ps.inputValues()));
        PricingProblem pl = longPath.problem();
        AdjointEvaluator e = new AdjointEvaluator(pl, pl.inputValues(), AdjointEvaluator.GradientErrors.AUTO);
        assertTrue(e.lanes() < AdjointEvaluator.DEFAULT_LANES, "lanes " + e.lanes());
        double[][][] z = new double[1][pl.dimension()][e.lanes()];
        e.sampleLanes(z, e.lanes(), new double[e.width()][e.lanes()]);
        assertTrue(e.tape().highWaterBytes() <= 2 * AdjointEvaluator.TAPE_BUDGET_BYTES,
                "tape " + e.tape().highWaterBytes() + " bytes at " + e.lanes() + " lanes");
    }
}
