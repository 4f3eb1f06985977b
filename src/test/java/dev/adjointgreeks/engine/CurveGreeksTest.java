package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.model.BlackScholesCurveModel;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Black-Scholes under a discount and a dividend curve: the flat path unchanged, a one-pillar curve
 * equal to the flat rate, buckets summing to the parallel rho on the same paths, the European's
 * buckets against its closed form, the analytic buckets against differences of the closed form,
 * and bump against adjoint for every bucket of an Asian, a barrier and a digital.
 */
class CurveGreeksTest {

    private static final String[] DISCOUNT = {"3M", "1Y", "2Y", "5Y"};
    private static final double[] ZERO = {0.03, 0.035, 0.04, 0.045};
    private static final String[] DIVIDEND = {"6M", "2Y"};
    private static final double[] YIELD = {0.01, 0.015};
    private static final Set<String> BUCKETS = Set.of("price", "rho", "dividend_rho", "d_discount_curve",
            "d_dividend_curve", "delta", "vega");

    @TempDir
    Path dir;

    private static String curve(String[] tenors, double[] rates, String key) {
        StringBuilder t = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < tenors.length; i++) {
            t.append(i == 0 ? "" : ", ").append('"').append(tenors[i]).append('"');
            r.append(i == 0 ? "" : ", ").append(rates[i]);
        }
        return "{\"tenors\": [" + t + "], \"" + key + "\": [" + r + "]}";
    }

    /** The trades of a one-market file whose market is {@code market} (JSON members) and trades {@code trades}. */
    private List<Trade> trades(String market, String... trades) throws IOException {
        Path f = Files.createTempFile(dir, "curves", ".json");
        String body = "{\"markets\": {\"m\": {" + market + "}},\n\"trades\": [\n" + String.join(",\n", trades) + "]}";
        Files.writeString(f, body);
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    private String curveMarket(double[] zero, double[] yield) {
        return "\"spot\": 100, \"vol\": 0.2, \"discount_curve\": " + curve(DISCOUNT, zero, "zero_rates")
                + ", \"dividend_curve\": " + curve(DIVIDEND, yield, "yields");
    }

    private static String trade(String id, String product, String extra) {
        return "{\"id\": \"" + id + "\", \"product\": \"" + product + "\", \"type\": \"call\", \"strike\": 100,"
                + " \"maturity\": 1.5, \"market\": \"m\", \"seed\": 11" + extra + "}";
    }

    private static RunSettings settings(long paths) {
        return RunSettings.defaults(paths, 7).withThreads(1).withGreeks(BUCKETS);
    }

    private static double sum(TradeResult r, String family, String[] labels) {
        double s = 0;
        for (String l : labels) {
            s += r.get(family + "_" + l);
        }
        return s;
    }

    @Test
    void aFlatRateKeepsTodaysModelAndNumbers() throws IOException {
        Trade t = trades("\"spot\": 100, \"vol\": 0.2, \"rate\": 0.03, \"dividend\": 0.01",
                trade("f", "european", "")).get(0);
        BlackScholesModel m = assertInstanceOf(BlackScholesModel.class, t.model());
        Trade today = new Trade("f", t.product(), new BlackScholesModel(100, 0.2, 0.03, 0.01), 0, 0, 11L, 1.0, null);
        TradeResult a = GreeksEngine.price(t, Method.ADJOINT, RunSettings.defaults(4000, 7).withThreads(1));
        TradeResult b = GreeksEngine.price(today, Method.ADJOINT, RunSettings.defaults(4000, 7).withThreads(1));
        assertEquals(b.values(), a.values());
        assertEquals(0.03, m.rate());
    }

    @Test
    void aOnePillarCurveMatchesTheFlatRate() throws IOException {
        List<Trade> ts = trades("\"spot\": 100, \"vol\": 0.2, \"dividend\": 0.01, \"discount_curve\": "
                + curve(new String[] {"1Y"}, new double[] {0.03}, "zero_rates"),
                trade("c", "asian", ", \"fixings\": 6"), trade("f", "asian", ", \"fixings\": 6, \"rate\": 0.03"));
        assertInstanceOf(BlackScholesCurveModel.class, ts.get(0).model());
        assertInstanceOf(BlackScholesModel.class, ts.get(1).model());
        RunSettings s = settings(4000);
        TradeResult c = GreeksEngine.price(ts.get(0), Method.ADJOINT, s);
        TradeResult f = GreeksEngine.price(ts.get(1), Method.ADJOINT, s);
        for (String g : List.of("price", "delta", "vega", "rho", "dividend_rho")) {
            assertEquals(f.get(g), c.get(g), 1e-14 * Math.abs(f.get(g)), g);
        }
        assertEquals(c.get("rho"), c.get("d_discount_curve_1Y"), 0.0);
    }

    @Test
    void bucketsSumToTheParallelSensitivityOnTheSamePaths() throws IOException {
        List<Trade> ts = trades(curveMarket(ZERO, YIELD), trade("e", "european", ""),
                trade("a", "asian", ", \"fixings\": 12"),
                trade("b", "barrier", ", \"barrier\": 130, \"barrier_kind\": \"up-out\""),
                trade("d", "digital", ""));
        for (Trade t : ts) {
            TradeResult r = GreeksEngine.price(t, Method.ADJOINT, settings(5000));
            assertEquals(r.get("rho"), sum(r, "d_discount_curve", DISCOUNT), 1e-10 * Math.abs(r.get("rho")), t.id());
            assertEquals(r.get("dividend_rho"), sum(r, "d_dividend_curve", DIVIDEND),
                    1e-10 * Math.abs(r.get("dividend_rho")), t.id());
        }
    }

    @Test
    void aEuropeanUnderCurvesMatchesItsClosedFormBucketByBucket() throws IOException {
        Trade t = trades(curveMarket(ZERO, YIELD), trade("e", "european", "")).get(0);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(40_000));
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, settings(40_000));
        List<String> cols = new ArrayList<>(List.of("price", "rho", "dividend_rho"));
        for (String l : DISCOUNT) {
            cols.add("d_discount_curve_" + l);
        }
        for (String l : DIVIDEND) {
            cols.add("d_dividend_curve_" + l);
        }
        double rounding = 1e-12 * Math.abs(cf.get("rho"));
        for (String c : cols) {
            double se = mc.get(c + "_stderr");
            assertTrue(Math.abs(mc.get(c) - cf.get(c)) <= 4 * se + rounding,
                    c + ": " + mc.get(c) + " vs " + cf.get(c) + " (stderr " + se + ")");
        }
        // maturity 1.5 lies between 1Y and 2Y: the other pillars carry nothing, on paths or in closed form
        double scale = Math.abs(mc.get("rho"));
        for (String l : List.of("3M", "5Y")) {
            assertTrue(Math.abs(mc.get("d_discount_curve_" + l)) <= 1e-12 * scale, l);
            assertEquals(0.0, cf.get("d_discount_curve_" + l), 1e-12 * scale, l);
        }
        assertEquals(cf.get("rho"), cf.get("d_discount_curve_1Y") + cf.get("d_discount_curve_2Y"),
                1e-12 * Math.abs(cf.get("rho")));
    }

    /** The geometric Asian's curve formula, which the arithmetic Asian's control variate uses, against its paths. */
    @Test
    void theGeometricAsianUnderCurvesMatchesItsClosedForm() throws IOException {
        Trade t = trades(curveMarket(ZERO, YIELD), trade("g", "asian", ", \"fixings\": 12, \"averaging\": \"geometric\""))
                .get(0);
        TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(40_000));
        TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
        List<String> cols = new ArrayList<>(List.of("price", "rho", "dividend_rho"));
        for (String l : DISCOUNT) {
            cols.add("d_discount_curve_" + l);
        }
        for (String l : DIVIDEND) {
            cols.add("d_dividend_curve_" + l);
        }
        double rounding = 1e-12 * Math.abs(cf.get("rho"));
        for (String c : cols) {
            double se = mc.get(c + "_stderr");
            assertTrue(Math.abs(mc.get(c) - cf.get(c)) <= 4 * se + rounding,
                    c + ": " + mc.get(c) + " vs " + cf.get(c) + " (stderr " + se + ")");
        }
    }

    @Test
    void analyticBucketsAreDifferencesOfTheClosedForm() throws IOException {
        double h = 1e-5;
        for (String product : List.of("european", "digital", "asian")) {
            String extra = product.equals("asian") ? ", \"fixings\": 12, \"averaging\": \"geometric\"" : "";
            TradeResult base = GreeksEngine.price(trades(curveMarket(ZERO, YIELD), trade("x", product, extra)).get(0),
                    Method.ANALYTIC, settings(2));
            for (int i = 0; i < DISCOUNT.length + DIVIDEND.length; i++) {
                boolean disc = i < DISCOUNT.length;
                int k = disc ? i : i - DISCOUNT.length;
                double[] up = (disc ? ZERO : YIELD).clone();
                double[] down = up.clone();
                up[k] += h;
                down[k] -= h;
                double pu = GreeksEngine.price(trades(disc ? curveMarket(up, YIELD) : curveMarket(ZERO, up),
                        trade("x", product, extra)).get(0), Method.ANALYTIC, settings(2)).get("price");
                double pd = GreeksEngine.price(trades(disc ? curveMarket(down, YIELD) : curveMarket(ZERO, down),
                        trade("x", product, extra)).get(0), Method.ANALYTIC, settings(2)).get("price");
                String col = disc ? "d_discount_curve_" + DISCOUNT[k] : "d_dividend_curve_" + DIVIDEND[k];
                assertEquals((pu - pd) / (2 * h), base.get(col), 1e-6 * Math.max(1.0, Math.abs(base.get(col))),
                        product + " " + col);
            }
        }
    }

    @Test
    void bumpAgreesWithAdjointOnEveryBucket() throws IOException {
        List<Trade> ts = trades(curveMarket(ZERO, YIELD), trade("a", "asian", ", \"fixings\": 12"),
                trade("b", "barrier", ", \"barrier\": 130, \"barrier_kind\": \"up-out\""), trade("d", "digital", ""));
        for (Trade t : ts) {
            TradeResult r = GreeksEngine.price(t, Method.COMPARE, settings(20_000));
            int seen = 0;
            for (String k : r.values().keySet()) {
                if ((k.startsWith("d_discount_curve_") || k.startsWith("d_dividend_curve_") || k.startsWith("rho")
                        || k.startsWith("dividend_rho")) && k.endsWith("_z")) {
                    // |z| <= 4 beyond the bump's own truncation, as every Greek's compare check
                    McAssert.sameOnSamePaths(t.id(), r, k.substring(0, k.length() - 2));
                    seen++;
                }
            }
            assertEquals(DISCOUNT.length + DIVIDEND.length + 2, seen, t.id());
        }
    }

    @Test
    void theAnalyticBarrierRefusesACurveOfSeveralPillars() throws IOException {
        Trade t = trades(curveMarket(ZERO, YIELD), trade("b", "barrier", ", \"barrier\": 130, \"barrier_kind\": \"up-out\""))
                .get(0);
        String reason = ModelTypes.analytic(t.model()).unavailableReason(t.problem());
        assertNotNull(reason);
        assertTrue(reason.contains("several pillars"), reason);
    }
}
