package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Dual;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Barrier;
import dev.adjointgreeks.product.BarrierKind;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** The engines agree with each other: path by path, on the same random numbers, on any thread count. */
class EngineConsistencyTest {

    static List<Trade> mixed() {
        BlackScholesModel bs = new BlackScholesModel(100, 0.25, 0.04, 0.01);
        return List.of(
                new Trade("eu", new European(OptionType.PUT, 95, 1), bs),
                new Trade("dg", new Digital(OptionType.CALL, 105, 0.5, 5), bs),
                new Trade("as", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC), bs),
                new Trade("br", new Barrier(OptionType.CALL, 100, 1, 85, BarrierKind.DOWN_OUT, 2), bs),
                ReferenceTrades.trades().get(2),
                ReferenceTrades.trades().get(4));
    }

    /** On single paths the adjoint gradient equals the forward-mode tangents (and DerivativeStructure). */
    @Test
    void adjointEqualsForwardModePathByPath() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (Trade t : mixed()) {
            PricingProblem p = t.problem();
            double[] x = p.inputValues();
            for (int path = 0; path < 5; path++) {
                double[] z = new double[p.dimension()];
                for (int i = 0; i < z.length; i++) {
                    z[i] = rnd.nextGaussian();
                }
                Tape tape = new Tape();
                Adj y = p.setup(tape.inputs(x)).discountedPayoff(PricingProblem.constants(tape.getZero(), z, p.normalsArray(tape.getZero())));
                double[] g = tape.gradient(y);
                double scale = 1e-300;
                for (double v : g) {
                    scale = Math.max(scale, Math.abs(v));
                }
                DerivativeStructure[] ds = new DerivativeStructure[x.length];
                for (int k = 0; k < x.length; k++) {
                    Dual[] d = new Dual[x.length];
                    for (int i = 0; i < x.length; i++) {
                        d[i] = i == k ? Dual.variable(x[i]) : Dual.constant(x[i]);
                    }
                    Dual f = p.setup(d).discountedPayoff(PricingProblem.constants(d[0], z, p.normalsArray(d[0])));
                    assertEquals(y.getReal(), f.getReal(), 1e-12 * Math.max(1, Math.abs(y.getReal())));
                    assertEquals(f.tangent(), g[k], 1e-12 * scale, t.id() + " " + p.inputNames()[k]);
                    ds[k] = new DerivativeStructure(x.length, 1, k, x[k]);
                }
                DerivativeStructure fd = p.setup(ds).discountedPayoff(PricingProblem.constants(ds[0], z, p.normalsArray(ds[0])));
                Decimal64[] dec = new Decimal64[x.length];
                for (int k = 0; k < x.length; k++) {
                    dec[k] = new Decimal64(x[k]);
                    int[] o = new int[x.length];
                    o[k] = 1;
                    assertEquals(fd.getPartialDerivative(o), g[k], 1e-12 * scale, t.id() + " DerivativeStructure");
                }
                assertEquals(y.getReal(), p.setup(dec).discountedPayoff(PricingProblem.constants(dec[0], z, p.normalsArray(dec[0]))).getReal(), 1e-12 * Math.max(1, Math.abs(y.getReal())));
            }
        }
    }

    /** Adjoint vs bump-and-revalue on the same paths: within 4 standard errors of the per-path difference. */
    @Test
    void adjointEqualsBumpOnTheSamePaths() {
        RunSettings s = RunSettings.defaults(20_000, 8).withSecondOrder(false);
        for (Trade t : mixed()) {
            TradeResult c = GreeksEngine.price(t, Method.COMPARE, s);
            for (String k : c.values().keySet()) {
                if (k.endsWith("_z")) {
                    McAssert.sameOnSamePaths(t.id(), c, k.substring(0, k.length() - 2));
                }
            }
        }
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        RunSettings s = RunSettings.defaults(30_000, 123);
        for (Trade t : mixed()) {
            TradeResult one = GreeksEngine.price(t, Method.ADJOINT, s.withThreads(1));
            TradeResult three = GreeksEngine.price(t, Method.ADJOINT, s.withThreads(3));
            assertEquals(one.values(), three.values(), t.id());
        }
        Trade t = mixed().get(0);
        RunSettings q = s.withVariance(true, true);
        assertEquals(GreeksEngine.price(t, Method.ADJOINT, q.withThreads(1)).values(),
                GreeksEngine.price(t, Method.ADJOINT, q.withThreads(2)).values(), "antithetic Sobol too");
    }

    @Test
    void aTradesNumbersDependOnItsIdNotItsPosition() {
        Trade t = mixed().get(1);
        RunSettings s = RunSettings.defaults(10_000, 5).withSecondOrder(false);
        long seed = t.seedFor(5);
        assertEquals(seed, new Trade(t.id(), t.product(), t.model()).seedFor(5));
        assertTrue(seed != new Trade("other", t.product(), t.model()).seedFor(5));
        assertEquals(GreeksEngine.price(t, Method.ADJOINT, s).values(),
                GreeksEngine.price(new Trade(t.id(), t.product(), t.model()), Method.ADJOINT, s).values());
    }

    @Test
    void antitheticAndSobolEstimatesAgreeWithTheClosedForm() {
        Trade t = new Trade("eu", new European(OptionType.CALL, 100, 1), new BlackScholesModel(100, 0.2, 0.05, 0));
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, RunSettings.defaults(2, 1));
        for (boolean[] v : new boolean[][] {{true, false}, {false, true}, {true, true}}) {
            RunSettings s = RunSettings.defaults(64_000, 77).withSecondOrder(false).withVariance(v[0], v[1]);
            TradeResult r = GreeksEngine.price(t, Method.ADJOINT, s);
            for (String g : new String[] {"price", "delta", "vega", "rho", "theta"}) {
                McAssert.within("antithetic " + v[0] + " sobol " + v[1], cf.get(g), r, g, 0);
            }
        }
        // Sobol: 16 randomisations of a 4-step path (Brownian bridge) for an Asian
        Trade a = new Trade("as", new Asian(OptionType.CALL, 100, 1, 4, Averaging.GEOMETRIC),
                new BlackScholesModel(100, 0.2, 0.05, 0));
        TradeResult ra = GreeksEngine.price(a, Method.ADJOINT, RunSettings.defaults(32_000, 3).withSecondOrder(false)
                .withVariance(false, true));
        TradeResult ca = GreeksEngine.price(a, Method.ANALYTIC, RunSettings.defaults(2, 1));
        McAssert.within("sobol asian", ca.get("price"), ra, "price", 0);
        McAssert.within("sobol asian", ca.get("delta"), ra, "delta", 0);
    }

    @Test
    void tapeMemoryIsFlatInThePathCount() {
        PricingProblem p = mixed().get(3).problem();
        dev.adjointgreeks.mc.AdjointEvaluator e = new dev.adjointgreeks.mc.AdjointEvaluator(p, p.inputValues(),
                dev.adjointgreeks.mc.AdjointEvaluator.GradientErrors.AUTO);
        SplittableRandom rnd = new SplittableRandom(1);
        double[][] z = new double[1][p.dimension()];
        double[] out = new double[e.width()];
        long at100 = 0;
        for (int i = 0; i < 20_000; i++) {
            for (int k = 0; k < z[0].length; k++) {
                z[0][k] = rnd.nextGaussian();
            }
            e.sample(z, out);
            if (i == 100) {
                at100 = e.tape().highWaterBytes();
            }
        }
        assertEquals(at100, e.tape().highWaterBytes(), "the tape's high-water mark does not grow with paths");
    }
}
