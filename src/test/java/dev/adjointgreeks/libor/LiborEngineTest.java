package dev.adjointgreeks.libor;

import static dev.adjointgreeks.libor.LiborFixtures.BOOK;
import static dev.adjointgreeks.libor.LiborFixtures.INPUTS;
import static dev.adjointgreeks.libor.LiborFixtures.MARKET;
import static dev.adjointgreeks.libor.LiborFixtures.N;
import static dev.adjointgreeks.libor.LiborFixtures.maxAbs;
import static dev.adjointgreeks.libor.LiborFixtures.normals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.bench.LiborBenchmarkCase;
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/** The LIBOR model and swaption book as a model and product of the framework, through its engines. */
class LiborEngineTest {

    private static final Trade TRADE = new Trade("smoking-adjoints", BOOK, MARKET);

    @Test
    void theProblemHasTheNamedBlocksAndOneNormalPerPeriodToExpiry() {
        PricingProblem p = TRADE.problem();
        assertArrayEquals(MARKET.inputNames(), p.inputNames());
        assertEquals(2 * N + 1, p.inputCount());
        assertEquals(BOOK.expiry(), p.steps());
        assertEquals(BOOK.expiry(), p.dimension());
        assertEquals("libor", TRADE.modelName());
        assertThrows(IllegalArgumentException.class, () -> new PricingProblem(MARKET, BOOK, 41), "steps = expiry");
        assertThrows(IllegalArgumentException.class,
                () -> new PricingProblem(MARKET, new European(OptionType.CALL, 1, 1), 0), "no spot");
    }

    @Test
    void theFrameworksPathFunctionEqualsTheHandWrittenAdjointPathByPath() {
        PricingProblem p = TRADE.problem();
        double[] x = p.inputValues();
        Tape tape = new Tape();
        PricingProblem.PathFunction<Adj> f = p.setup(tape.inputs(x));
        int mark = tape.mark();
        Adj[] z = p.normalsArray(tape.getZero());
        LiborHandAdjoint hand = new LiborHandAdjoint(N, BOOK, x);
        double[] ge = new double[INPUTS];
        double[] gh = new double[INPUTS];
        for (double[] path : normals(61, 0, 60)) {
            Adj y = f.discountedPayoff(PricingProblem.constants(tape.getZero(), path, z));
            tape.sweepPath(y, 1.0, mark);
            tape.backward(0);
            Arrays.fill(ge, 0.0);
            tape.drainInputAdjoints(ge);
            tape.clearAdjoints();
            Arrays.fill(gh, 0.0);
            double v = hand.payoffAndGradient(path, 1.0, gh, 0);
            assertEquals(v, y.getReal(), 1e-13 * Math.max(1, v));
            for (int i = 0; i < INPUTS; i++) {
                assertEquals(gh[i], ge[i], 1e-10 * maxAbs(gh), MARKET.inputNames()[i]);
            }
        }
    }

    @Test
    void theEnginesBlockOfPathsKeepsItsTapeWithinAFewMegabytes() {
        PricingProblem p = TRADE.problem();
        AdjointEvaluator e = new AdjointEvaluator(p, p.inputValues(), AdjointEvaluator.GradientErrors.AUTO);
        int lanes = e.lanes();
        double[][][] z = new double[1][p.dimension()][lanes];
        double[][] out = new double[e.width()][lanes];
        e.sampleLanes(z, lanes, out);
        long bytes = e.tape().highWaterBytes();
        assertTrue(lanes >= 4 && bytes <= AdjointEvaluator.TAPE_BUDGET_BYTES + (1 << 20),
                lanes + " lanes, " + bytes + " bytes");
    }

    @Test
    void theAdjointEngineGivesAll161SensitivitiesWithStandardErrors() {
        TradeResult r = GreeksEngine.price(TRADE, Method.ADJOINT, RunSettings.defaults(512, 7));
        assertEquals(0.0, r.get("d_lambda_80"), 0.0);
        assertEquals(0.0, r.get("d_lambda_80_stderr"), 0.0);
        // dV/dL_0 = -V delta / (1 + delta L_0) on every path, so also for the estimate
        double ratio = -MARKET.accrual() / (1 + MARKET.accrual() * MARKET.forwardRates()[0]);
        assertEquals(ratio * r.get("price"), r.get("d_forward_rate_1"), 1e-12 * r.get("price"));
        for (String name : MARKET.inputNames()) {
            assertTrue(Double.isFinite(r.get("d_" + name)) && r.get("d_" + name + "_stderr") >= 0, name);
        }
        // within Monte Carlo error of the hand-written adjoint on other paths
        LiborBenchmarkCase hand = LiborBenchmarkCase.published(4000);
        double[] h = hand.handwritten();
        String[] names = MARKET.inputNames();
        for (int i : new int[] {0, 39, 40, 79, N, N + 38, 2 * N}) {
            double se = r.get("d_" + names[i] + "_stderr");
            assertEquals(h[1 + i], r.get("d_" + names[i]), 5 * Math.sqrt(1 + 512.0 / 4000) * se + 1e-12, names[i]);
        }
    }

    @Test
    void compareAgreesWithBumpAndRevalueOnTheSamePaths() {
        TradeResult r = GreeksEngine.price(TRADE, Method.COMPARE, RunSettings.defaults(16, 3));
        for (String name : MARKET.inputNames()) {
            String g = "d_" + name;
            double adjoint = r.get(g + "_adjoint");
            double diff = adjoint - r.get(g + "_bump");
            double z = r.get(g + "_z");
            double seDiff = diff == 0.0 ? 0.0 : Math.abs(diff / z);
            // central differences, bump 1e-4 relative: truncation bounded by 1e-6 of the Greek
            assertTrue(Math.abs(diff) <= 4 * seDiff + 1e-6 * Math.max(1, Math.abs(adjoint)),
                    g + ": adjoint " + adjoint + ", bump " + r.get(g + "_bump"));
        }
    }
}
