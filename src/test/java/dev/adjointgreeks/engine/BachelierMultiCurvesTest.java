package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.model.BachelierModel;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Multi-asset Bachelier under a discount curve and one dividend curve per asset: one-pillar curves
 * equal the flat inputs, each asset's buckets sum to its own {@code dividend_rho_i}, the basket and
 * the exchange option against the Bachelier closed form at {@code z(T)}, {@code q_i(T)} (price and
 * every bucket, 4 standard errors), and every basket bucket against bump-and-revalue on the same paths.
 */
class BachelierMultiCurvesTest {

    private static final String[] DISCOUNT = {"3M", "1Y", "2Y", "5Y"};
    private static final double[] ZERO = {0.03, 0.035, 0.04, 0.045};
    private static final String[][] DIVIDEND = {{"6M", "2Y"}, {"1Y", "18M", "3Y"}};
    private static final double[][] YIELD = {{0.01, 0.015}, {0.03, 0.025, 0.02}};
    private static final Set<String> BUCKETS = Set.of("price", "rho", "dividend_rho", "d_discount_curve",
            "d_dividend_curve", "delta");
    private static final String ASSETS = "\"model\": \"bachelier\", \"spots\": [100, 95], \"vols\": [20, 30],"
            + " \"correlation\": [[1, 0.5], [0.5, 1]]";

    @TempDir
    Path dir;

    private List<Trade> trades(String market, String... trades) throws IOException {
        Path f = Files.createTempFile(dir, "bachelier", ".json");
        Files.writeString(f, "{\"markets\": {\"m\": {" + market + "}},\n\"trades\": [\n" + String.join(",\n", trades) + "]}");
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    private static String curves() {
        return ASSETS + ", \"discount_curve\": " + CurveModelsTest.curve(DISCOUNT, ZERO, "zero_rates") + ", "
                + MultiAssetCurvesTest.dividendCurves(DIVIDEND, YIELD);
    }

    private static String basket(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                + " \"weights\": [0.5, 0.5], \"market\": \"m\", \"seed\": 11" + extra + "}";
    }

    private static String exchange(String id) {
        return "{\"id\": \"" + id + "\", \"product\": \"exchange\", \"maturity\": 1.5, \"market\": \"m\", \"seed\": 11}";
    }

    private static RunSettings settings(long paths) {
        return RunSettings.defaults(paths, 7).withThreads(1).withGreeks(BUCKETS);
    }

    private static List<String> bucketColumns() {
        List<String> cols = new ArrayList<>();
        for (String l : DISCOUNT) {
            cols.add("d_discount_curve_" + l);
        }
        for (int i = 0; i < DIVIDEND.length; i++) {
            for (String l : DIVIDEND[i]) {
                cols.add("d_dividend_curve_" + (i + 1) + "_" + l);
            }
        }
        return cols;
    }

    @Test
    void onePillarCurvesMatchTheFlatInputs() throws IOException {
        String dividends = MultiAssetCurvesTest.dividendCurves(new String[][] {{"2Y"}, {"6M"}},
                new double[][] {{0.01}, {0.02}});
        String both = ASSETS + ", \"discount_curve\": " + CurveModelsTest.curve(new String[] {"1Y"}, new double[] {0.03},
                "zero_rates") + ", " + dividends;
        // both curves, or the dividend curves beside a flat rate
        for (String one : List.of(both, ASSETS + ", \"rate\": 0.03, " + dividends)) {
            for (String steps : List.of("", ", \"steps\": 4")) {
                Trade c = trades(one, basket("c", steps)).get(0);
                Trade f = trades(ASSETS + ", \"rate\": 0.03, \"dividends\": [0.01, 0.02]", basket("f", steps)).get(0);
                assertTrue(assertInstanceOf(BachelierModel.class, c.model()).hasCurve());
                TradeResult rc = GreeksEngine.price(c, Method.ADJOINT, settings(4000));
                TradeResult rf = GreeksEngine.price(f, Method.ADJOINT, settings(4000));
                for (String g : List.of("price", "delta_1", "delta_2", "rho", "dividend_rho_1", "dividend_rho_2")) {
                    assertEquals(rf.get(g), rc.get(g), 1e-14 * Math.abs(rf.get(g)), g + steps);
                }
                assertEquals(rc.get("dividend_rho_2"), rc.get("d_dividend_curve_2_6M"), 0.0);
            }
        }
    }

    @Test
    void eachAssetsBucketsSumToItsParallelSensitivity() throws IOException {
        Trade t = trades(curves(), basket("b", ", \"steps\": 3")).get(0);
        BachelierModel m = assertInstanceOf(BachelierModel.class, t.model());
        assertEquals("dividend_curve_2", m.dividendCurve(1).block().name());
        TradeResult r = GreeksEngine.price(t, Method.ADJOINT, settings(4000));
        assertNull(r.values().get("dividend_rho"), "per asset, never one dividend_rho for the basket");
        double rs = 0;
        for (String l : DISCOUNT) {
            rs += r.get("d_discount_curve_" + l);
        }
        assertEquals(r.get("rho"), rs, 1e-10 * Math.abs(r.get("rho")));
        for (int i = 0; i < DIVIDEND.length; i++) {
            double qs = 0;
            for (String l : DIVIDEND[i]) {
                qs += r.get("d_dividend_curve_" + (i + 1) + "_" + l);
            }
            String parallel = "dividend_rho_" + (i + 1);
            assertEquals(r.get(parallel), qs, 1e-10 * Math.abs(r.get(parallel)), parallel);
            assertTrue(r.get(parallel) < 0, parallel + " of a call on the basket");
        }
    }

    @Test
    void basketAndExchangeMatchTheClosedFormAtTheRatesToMaturity() throws IOException {
        for (Trade t : trades(curves(), basket("b", ""), basket("s", ", \"steps\": 4"), exchange("x"))) {
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(40_000));
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
            List<String> cols = new ArrayList<>(List.of("price", "rho", "dividend_rho_1", "dividend_rho_2"));
            cols.addAll(bucketColumns());
            for (String c : cols) {
                McAssert.within(t.id() + " " + c, cf.get(c), mc.get(c), mc.get(c + "_stderr"),
                        1e-12 * Math.abs(cf.get("dividend_rho_1")));
            }
            // maturity 1.5: asset 2's 3Y pillar carries nothing
            assertEquals(0.0, cf.get("d_dividend_curve_2_3Y"), 1e-12 * Math.abs(cf.get("dividend_rho_2")));
        }
    }

    @Test
    void bumpAgreesWithAdjointOnEveryBasketBucket() throws IOException {
        Trade t = trades(curves(), basket("b", ", \"steps\": 6")).get(0);
        TradeResult r = GreeksEngine.price(t, Method.COMPARE, settings(10_000));
        for (String c : bucketColumns()) {
            McAssert.sameOnSamePaths("basket", r, c);
        }
        for (String c : List.of("rho", "dividend_rho_1", "dividend_rho_2")) {
            McAssert.sameOnSamePaths("basket", r, c);
        }
    }
}
