package dev.adjointgreeks.engine;

import static dev.adjointgreeks.engine.LocalVolFixtures.EXPIRIES;
import static dev.adjointgreeks.engine.LocalVolFixtures.STRIKES;
import static dev.adjointgreeks.engine.LocalVolFixtures.surface;
import static dev.adjointgreeks.engine.LocalVolFixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.math3.util.Decimal64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.ad.Adj;
import dev.adjointgreeks.ad.Block;
import dev.adjointgreeks.ad.BlockTape;
import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.mc.AdjointEvaluator;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.LocalVolModel;

/**
 * The {@code localvol} model: a flat surface gives a flat grid and the Black-Scholes numbers of
 * every product (closed form and the {@code bs} Monte Carlo, within 4 standard errors: no
 * discretisation bias, since log-Euler with a constant vol is exact); the block scalar with the
 * grid-lookup operation equals the field grid on the per-path tape lane by lane, value and every
 * input's derivative; a replay equals the block scalar to the last bit; and each quote's
 * sensitivity agrees with bump-and-revalue of that quote on the same paths.
 */
class LocalVolMonteCarloTest {

    @TempDir
    Path dir;

    private static final String FLAT_MARKETS = "\"lv\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, "
            + surface(EXPIRIES, STRIKES, LocalVolFixtures.flat(4, 5, 0.2)) + "},\n"
            + "\"bs\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.2}";
    private static final String SKEW_MARKET = "\"lv\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, "
            + surface(EXPIRIES, STRIKES, LocalVolFixtures.skew()) + "}";

    /** Each product once: European, digital, geometric Asian, barriers (one with a rebate). */
    private static final String[] PRODUCTS = {
        "\"product\": \"european\", \"type\": \"call\", \"strike\": 105, \"maturity\": 1, \"steps\": 4",
        "\"product\": \"digital\", \"type\": \"put\", \"strike\": 95, \"maturity\": 0.75, \"steps\": 4",
        "\"product\": \"asian\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"fixings\": 4,"
                + " \"averaging\": \"geometric\", \"steps\": 4",
        "\"product\": \"barrier\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"barrier\": 85,"
                + " \"barrier_kind\": \"down-out\", \"steps\": 16",
        "\"product\": \"barrier\", \"type\": \"put\", \"strike\": 100, \"maturity\": 0.5, \"barrier\": 120,"
                + " \"barrier_kind\": \"up-out\", \"rebate\": 3, \"steps\": 16",
    };

    private static final Set<String> FIRST_ORDER = Set.of("price", "delta", "vega");

    @Test
    void aRowWithoutASurfaceOrWithAFlatVolOrAnArbitrageIsRejectedNamingTheColumn() throws IOException {
        double[][] calendar = LocalVolFixtures.flat(4, 5, 0.2);
        calendar[3][2] = 0.12;   // 2Y at strike 100 below 1Y's total variance
        String markets = "\"flat\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.2},\n"
                + "\"arb\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, " + surface(EXPIRIES, STRIKES, calendar)
                + "}";
        Path f = java.nio.file.Files.createTempFile(dir, "bad", ".json");
        java.nio.file.Files.writeString(f, "{\"markets\": {" + markets + "},\n\"trades\": [\n"
                + trade("a", "localvol", "flat", PRODUCTS[0]) + ",\n" + trade("b", "localvol", "arb", PRODUCTS[0]) + "]}");
        List<dev.adjointgreeks.scenario.ScenarioRow> rows = dev.adjointgreeks.scenario.JsonScenarioReader.read(f, false)
                .rows();
        assertEquals(2, rows.size());
        for (dev.adjointgreeks.scenario.ScenarioRow r : rows) {
            assertInstanceOf(dev.adjointgreeks.scenario.ScenarioRow.Rejected.class, r);
        }
        String first = ((dev.adjointgreeks.scenario.ScenarioRow.Rejected) rows.get(0)).message();
        String second = ((dev.adjointgreeks.scenario.ScenarioRow.Rejected) rows.get(1)).message();
        assertTrue(first.contains("vol: must be empty for the localvol model"), first);
        assertTrue(second.contains("vol_surface: calendar arbitrage between 1Y and 2Y"), second);
    }

    @Test
    void aFlatSurfaceGivesAFlatGrid() throws IOException {
        Trade t = LocalVolFixtures.trades(dir, FLAT_MARKETS, trade("e", "localvol", "lv", PRODUCTS[0])).get(0);
        LocalVolModel m = assertInstanceOf(LocalVolModel.class, t.model());
        double[] v = m.parameterValues();
        Decimal64[] x = new Decimal64[v.length];
        for (int k = 0; k < v.length; k++) {
            x[k] = new Decimal64(v[k]);
        }
        double[] grid = m.grid(m.inputs().view(x, 0), 2.5, 50).values();   // past the last expiry too
        assertEquals(50 * m.points(), grid.length);
        for (double g : grid) {
            assertEquals(0.2, g, 1e-10);
        }
    }

    @Test
    void onAFlatSurfaceEveryProductIsBlackScholes() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int p = 0; p < PRODUCTS.length; p++) {
            rows.add(trade("lv" + p, "localvol", "lv", PRODUCTS[p] + ", \"seed\": " + (101 + p)));
            rows.add(trade("bs" + p, "bs", "bs", PRODUCTS[p] + ", \"seed\": " + (201 + p)));
        }
        List<Trade> ts = LocalVolFixtures.trades(dir, FLAT_MARKETS, rows.toArray(new String[0]));
        RunSettings s = RunSettings.defaults(8000, 7).withThreads(1).withGreeks(FIRST_ORDER);
        for (int p = 0; p < PRODUCTS.length; p++) {
            Trade lv = ts.get(2 * p);
            Trade bs = ts.get(2 * p + 1);
            TradeResult mc = GreeksEngine.price(lv, Method.ADJOINT, s);
            TradeResult cf = GreeksEngine.price(bs, Method.ANALYTIC, s);
            TradeResult bsMc = GreeksEngine.price(bs, Method.ADJOINT, s);
            for (String g : FIRST_ORDER) {
                McAssert.within(lv.product().kind() + " " + p + " vs closed form", cf.get(g), mc, g, 0);
                double se = Math.hypot(mc.get(g + "_stderr"), bsMc.get(g + "_stderr"));
                McAssert.within(lv.product().kind() + " " + p + " vs bs Monte Carlo " + g, bsMc.get(g), mc.get(g), se, 0);
            }
        }
    }

    /** Per-lane normals of a block of {@code lanes} paths. */
    private static double[][] normals(int dimension, int lanes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[dimension][lanes];
        for (double[] row : z) {
            for (int l = 0; l < lanes; l++) {
                row[l] = 1.6 * (2 * r.nextDouble() - 1) * 1.5;
            }
        }
        return z;
    }

    @Test
    void theGridLookupOnTheBlockScalarEqualsTheFieldGridOnThePerPathTape() throws IOException {
        int lanes = 8;
        for (String product : PRODUCTS) {
            Trade t = LocalVolFixtures.trades(dir, SKEW_MARKET, trade("x", "localvol", "lv", product)).get(0);
            PricingProblem problem = t.problem();
            double[] values = problem.inputValues();
            double[][] z = normals(problem.dimension(), lanes, 17);

            BlockTape tape = new BlockTape(lanes);
            PricingProblem.PathFunction<Block> f = problem.setup(tape.inputs(values));
            int mark = tape.mark();
            Block[] bz = new Block[z.length];
            for (int k = 0; k < z.length; k++) {
                bz[k] = tape.view(z[k]);
            }
            Block y = f.discountedPayoff(bz);
            double[] ones = new double[lanes];
            java.util.Arrays.fill(ones, 1.0);
            double[] lane = new double[lanes];
            for (int l = 0; l < lanes; l++) {
                lane[l] = y.lane(l);
            }
            tape.sweepPath(y, ones, mark);
            tape.backwardSummed(0);
            double[] block = tape.inputAdjoints();

            double[] expected = new double[values.length];
            for (int l = 0; l < lanes; l++) {
                Tape pt = new Tape();
                PricingProblem.PathFunction<Adj> g = problem.setup(pt.inputs(values));
                Adj[] az = new Adj[z.length];
                for (int k = 0; k < z.length; k++) {
                    az[k] = pt.constant(z[k][l]);
                }
                Adj out = g.discountedPayoff(az);
                assertEquals(out.getReal(), lane[l], 1e-12 * (1 + Math.abs(out.getReal())), t.product().kind() + " lane " + l);
                double[] grad = pt.gradient(out);
                for (int k = 0; k < grad.length; k++) {
                    expected[k] += grad[k];
                }
            }
            double scale = 0;
            for (double e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            String[] names = problem.inputNames();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], block[k], 1e-10 * scale, t.product().kind() + " d/d" + names[k]);
            }
        }
    }

    @Test
    void aReplayEqualsTheBlockScalarToTheLastBit() throws IOException {
        int lanes = 16;
        for (String product : PRODUCTS) {
            Trade t = LocalVolFixtures.trades(dir, SKEW_MARKET, trade("x", "localvol", "lv", product)).get(0);
            PricingProblem problem = t.problem();
            double[][][] out = new double[2][][];
            double[][] sums = new double[2][];
            for (int mode = 0; mode < 2; mode++) {
                AdjointEvaluator e = new AdjointEvaluator(problem, problem.inputValues(),
                        AdjointEvaluator.GradientErrors.AUTO, lanes, null, 0, mode == 1);
                out[mode] = new double[e.width()][lanes];
                sums[mode] = new double[e.width()];
                for (int b = 0; b < 3; b++) {
                    double[][][] z = {normals(problem.dimension(), lanes, 40 + b)};
                    e.sampleLanes(z, lanes, out[mode]);
                }
                e.endBlock(sums[mode]);
                if (mode == 1) {
                    assertTrue(e.program() != null && e.program().refused() == null, "replayed");
                }
            }
            for (int l = 0; l < lanes; l++) {
                assertEquals(out[0][0][l], out[1][0][l], 0.0, "price lane " + l);
            }
            for (int c = 0; c < sums[0].length; c++) {
                assertEquals(sums[0][c], sums[1][c], 0.0, "gradient " + c);
            }
        }
    }

    @Test
    void eachQuotesSensitivityAgreesWithBumpingThatQuoteOnTheSamePaths() throws IOException {
        String[] products = {PRODUCTS[0], PRODUCTS[1],
            "\"product\": \"asian\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"fixings\": 4, \"steps\": 8",
            PRODUCTS[3]};
        List<String> rows = new ArrayList<>();
        for (int p = 0; p < products.length; p++) {
            rows.add(trade("q" + p, "localvol", "lv", products[p] + ", \"seed\": " + (301 + p)));
        }
        List<Trade> ts = LocalVolFixtures.trades(dir, SKEW_MARKET, rows.toArray(new String[0]));
        RunSettings s = RunSettings.defaults(4000, 7).withThreads(1).withGreeks(Set.of("d_vol_surface"));
        for (Trade t : ts) {
            TradeResult r = GreeksEngine.price(t, Method.COMPARE, s);
            int quotes = 0;
            int within4 = 0;
            double worst = 0;
            for (String name : t.problem().inputNames()) {
                if (!name.startsWith("vol_surface_")) {
                    continue;
                }
                quotes++;
                String g = "d_" + name;
                double adjoint = r.get(g + "_adjoint");
                double bump = r.get(g + "_bump");
                double z = r.get(g + "_z");
                // z of the per-path difference beyond the central difference's truncation (bump 1e-4
                // relative, bounded by 1e-6 of the sensitivity's size, as McAssert.sameOnSamePaths):
                // on the same paths the difference's standard error is tiny, and the raw z measures
                // the bump's own O(h^2) error. Both exactly 0 (a quote the trade cannot see): z = 0.
                double diff = Math.abs(adjoint - bump);
                double seDiff = diff == 0.0 ? 0.0 : diff / Math.abs(z);
                double truncation = 1e-6 * Math.max(1.0, Math.abs(adjoint));
                double az = diff <= truncation ? 0.0 : (diff - truncation) / seDiff;
                assertTrue(Double.isFinite(az), t.product().kind() + " " + g + ": z " + z);
                within4 += az <= 4 ? 1 : 0;
                worst = Math.max(worst, az);
            }
            assertEquals(20, quotes);
            assertTrue(within4 >= 0.95 * quotes, t.product().kind() + ": " + within4 + " of " + quotes + " within 4");
            assertTrue(worst <= 6, t.product().kind() + ": largest |z| " + worst);
        }
    }
}
