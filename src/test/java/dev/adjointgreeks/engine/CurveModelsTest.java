package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Heston and Bachelier under a discount and a dividend curve: a one-pillar curve equal to the flat
 * rate, buckets summing to the parallel sensitivity on the same paths, Europeans and digitals
 * against their closed forms at {@code z(T)}, {@code q(T)} (price and every bucket, within 4
 * standard errors; Heston's Euler bias measured by halving the step and allowed for), the analytic
 * buckets against central differences of the closed form, adjoint against bump on every bucket, and
 * the Bachelier Asian's closed form refused on a curve of several pillars.
 */
class CurveModelsTest {

    private static final String[] DISCOUNT = {"3M", "1Y", "2Y", "5Y"};
    private static final double[] ZERO = {0.03, 0.035, 0.04, 0.045};
    private static final String[] DIVIDEND = {"6M", "2Y"};
    private static final double[] YIELD = {0.01, 0.015};
    private static final Set<String> BUCKETS = Set.of("price", "rho", "dividend_rho", "d_discount_curve",
            "d_dividend_curve", "delta");
    private static final String HESTON = "\"model\": \"heston\", \"spot\": 100, \"heston_v0\": 0.04, \"heston_kappa\": 1.5,"
            + " \"heston_theta\": 0.04, \"heston_xi\": 0.3, \"heston_rho\": -0.7";
    private static final String BACHELIER = "\"model\": \"bachelier\", \"spot\": 100, \"vol\": 20";

    @TempDir
    Path dir;

    static String curve(String[] tenors, double[] rates, String key) {
        StringBuilder t = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < tenors.length; i++) {
            t.append(i == 0 ? "" : ", ").append('"').append(tenors[i]).append('"');
            r.append(i == 0 ? "" : ", ").append(rates[i]);
        }
        return "{\"tenors\": [" + t + "], \"" + key + "\": [" + r + "]}";
    }

    private List<Trade> trades(String market, String... trades) throws IOException {
        Path f = Files.createTempFile(dir, "curves", ".json");
        Files.writeString(f, "{\"markets\": {\"m\": {" + market + "}},\n\"trades\": [\n" + String.join(",\n", trades) + "]}");
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    private static String curves(String model, double[] zero, double[] yield) {
        return model + ", \"discount_curve\": " + curve(DISCOUNT, zero, "zero_rates") + ", \"dividend_curve\": "
                + curve(DIVIDEND, yield, "yields");
    }

    private static String trade(String id, String product, String extra) {
        return "{\"id\": \"" + id + "\", \"product\": \"" + product + "\", \"type\": \"call\", \"strike\": 100,"
                + " \"maturity\": 1.5, \"market\": \"m\", \"seed\": 11" + extra + "}";
    }

    private static RunSettings settings(long paths) {
        return RunSettings.defaults(paths, 7).withThreads(1).withGreeks(BUCKETS);
    }

    private static List<String> curveColumns() {
        List<String> cols = new ArrayList<>(List.of("price", "rho", "dividend_rho"));
        for (String l : DISCOUNT) {
            cols.add("d_discount_curve_" + l);
        }
        for (String l : DIVIDEND) {
            cols.add("d_dividend_curve_" + l);
        }
        return cols;
    }

    @Test
    void aOnePillarCurveMatchesTheFlatRate() throws IOException {
        String oneDiscount = ", \"dividend\": 0.01, \"discount_curve\": "
                + curve(new String[] {"1Y"}, new double[] {0.03}, "zero_rates");
        String oneDividend = ", \"rate\": 0.03, \"dividend_curve\": " + curve(new String[] {"2Y"}, new double[] {0.01}, "yields");
        for (String model : List.of(HESTON, BACHELIER)) {
            for (String market : List.of(oneDiscount, oneDividend)) {
                String flat = market == oneDiscount ? ", \"rate\": 0.03" : ", \"dividend\": 0.01";
                List<Trade> ts = trades(model + market, trade("c", "european", ", \"steps\": 8"),
                        trade("f", "european", ", \"steps\": 8" + flat));
                RunSettings s = settings(4000);
                TradeResult c = GreeksEngine.price(ts.get(0), Method.ADJOINT, s);
                TradeResult f = GreeksEngine.price(ts.get(1), Method.ADJOINT, s);
                assertTrue(c.values().containsKey(market == oneDiscount ? "d_discount_curve_1Y" : "d_dividend_curve_2Y"));
                for (String g : List.of("price", "delta", "rho", "dividend_rho")) {
                    assertEquals(f.get(g), c.get(g), 1e-14 * Math.abs(f.get(g)), model + market + " " + g);
                }
            }
        }
    }

    @Test
    void curveRowsBuildTheModelsOnTheCurves() throws IOException {
        HestonModel h = assertInstanceOf(HestonModel.class,
                trades(curves(HESTON, ZERO, YIELD), trade("h", "european", "")).get(0).model());
        assertTrue(h.discount().varies() && h.dividend().varies());
        BachelierModel b = assertInstanceOf(BachelierModel.class,
                trades(curves(BACHELIER, ZERO, YIELD), trade("b", "european", "")).get(0).model());
        assertTrue(b.hasCurve());
        assertEquals(List.of("spot", "vol", "discount_curve_3M", "discount_curve_1Y", "discount_curve_2Y",
                "discount_curve_5Y", "dividend_curve_6M", "dividend_curve_2Y"), List.of(b.parameterNames()));
    }

    @Test
    void bucketsSumToTheParallelSensitivityOnTheSamePaths() throws IOException {
        List<Trade> ts = new ArrayList<>(trades(curves(HESTON, ZERO, YIELD), trade("he", "european", ", \"steps\": 20"),
                trade("hd", "digital", ", \"steps\": 20")));
        ts.addAll(trades(curves(BACHELIER, ZERO, YIELD), trade("be", "european", ""),
                trade("ba", "asian", ", \"fixings\": 12"), trade("bd", "digital", ", \"steps\": 6")));
        for (Trade t : ts) {
            TradeResult r = GreeksEngine.price(t, Method.ADJOINT, settings(4000));
            double rs = 0;
            for (String l : DISCOUNT) {
                rs += r.get("d_discount_curve_" + l);
            }
            double qs = 0;
            for (String l : DIVIDEND) {
                qs += r.get("d_dividend_curve_" + l);
            }
            assertEquals(r.get("rho"), rs, 1e-10 * Math.abs(r.get("rho")), t.id());
            assertEquals(r.get("dividend_rho"), qs, 1e-10 * Math.abs(r.get("dividend_rho")), t.id());
        }
    }

    /** Price and every bucket against the closed form; {@code bias} per column (0 for exact schemes). */
    private static void againstClosedForm(String what, TradeResult mc, TradeResult cf, TradeResult coarse) {
        for (String c : curveColumns()) {
            double bias = coarse == null ? 0.0 : Math.abs(coarse.get(c) - mc.get(c));
            McAssert.within(what + " " + c, cf.get(c), mc.get(c), mc.get(c + "_stderr"),
                    bias + 1e-12 * Math.abs(cf.get("rho")));
        }
        // maturity 1.5 lies between 1Y and 2Y: the other discount pillars carry nothing, on paths or in closed form
        double scale = Math.abs(mc.get("rho"));
        for (String l : List.of("3M", "5Y")) {
            assertTrue(Math.abs(mc.get("d_discount_curve_" + l)) <= 1e-12 * scale, what + " " + l);
            assertTrue(Math.abs(cf.get("d_discount_curve_" + l)) <= 1e-6 * scale, what + " closed form " + l);
        }
    }

    @Test
    void bachelierEuropeanAndDigitalMatchTheirClosedFormsBucketByBucket() throws IOException {
        // exact steps: the only error is Monte Carlo's
        for (Trade t : trades(curves(BACHELIER, ZERO, YIELD), trade("e", "european", ", \"steps\": 3"),
                trade("d", "digital", ", \"steps\": 3"))) {
            TradeResult mc = GreeksEngine.price(t, Method.ADJOINT, settings(40_000));
            TradeResult cf = GreeksEngine.price(t, Method.ANALYTIC, settings(2));
            againstClosedForm("bachelier " + t.id(), mc, cf, null);
        }
    }

    @Test
    void hestonEuropeanMatchesItsFourierFormAtTheZeroRatesToMaturity() throws IOException {
        List<Trade> fine = trades(curves(HESTON, ZERO, YIELD), trade("e", "european", ", \"steps\": 24"));
        List<Trade> coarse = trades(curves(HESTON, ZERO, YIELD), trade("e", "european", ", \"steps\": 12"));
        TradeResult mc = GreeksEngine.price(fine.get(0), Method.ADJOINT, settings(40_000));
        TradeResult half = GreeksEngine.price(coarse.get(0), Method.ADJOINT, settings(40_000));
        TradeResult cf = GreeksEngine.price(fine.get(0), Method.ANALYTIC, settings(2));
        // Euler's bias: at most the change from halving the step (same seed, so mostly bias, not noise)
        againstClosedForm("heston", mc, cf, half);
    }

    @Test
    void bachelierAnalyticBucketsAreDifferencesOfTheClosedForm() throws IOException {
        double h = 1e-5;
        for (String product : List.of("european", "digital")) {
            TradeResult base = GreeksEngine.price(trades(curves(BACHELIER, ZERO, YIELD), trade("x", product, "")).get(0),
                    Method.ANALYTIC, settings(2));
            for (int i = 0; i < DISCOUNT.length + DIVIDEND.length; i++) {
                boolean disc = i < DISCOUNT.length;
                int k = disc ? i : i - DISCOUNT.length;
                double[] up = (disc ? ZERO : YIELD).clone();
                double[] down = up.clone();
                up[k] += h;
                down[k] -= h;
                double pu = GreeksEngine.price(trades(disc ? curves(BACHELIER, up, YIELD) : curves(BACHELIER, ZERO, up),
                        trade("x", product, "")).get(0), Method.ANALYTIC, settings(2)).get("price");
                double pd = GreeksEngine.price(trades(disc ? curves(BACHELIER, down, YIELD) : curves(BACHELIER, ZERO, down),
                        trade("x", product, "")).get(0), Method.ANALYTIC, settings(2)).get("price");
                String col = disc ? "d_discount_curve_" + DISCOUNT[k] : "d_dividend_curve_" + DIVIDEND[k];
                assertEquals((pu - pd) / (2 * h), base.get(col), 1e-6 * Math.max(1.0, Math.abs(base.get(col))),
                        product + " " + col);
            }
        }
    }

    @Test
    void bumpAgreesWithAdjointOnEveryBucket() throws IOException {
        List<Trade> ts = new ArrayList<>(trades(curves(HESTON, ZERO, YIELD), trade("h", "european", ", \"steps\": 12")));
        ts.addAll(trades(curves(BACHELIER, ZERO, YIELD), trade("a", "asian", ", \"fixings\": 12")));
        for (Trade t : ts) {
            TradeResult r = GreeksEngine.price(t, Method.COMPARE, settings(10_000));
            int seen = 0;
            for (String k : r.values().keySet()) {
                if ((k.startsWith("d_discount_curve_") || k.startsWith("d_dividend_curve_")) && k.endsWith("_z")) {
                    McAssert.sameOnSamePaths(t.id(), r, k.substring(0, k.length() - 2));
                    seen++;
                }
            }
            assertEquals(DISCOUNT.length + DIVIDEND.length, seen, t.id());
        }
    }

    @Test
    void theBachelierAsianClosedFormRefusesACurveOfSeveralPillarsOnly() throws IOException {
        Trade t = trades(curves(BACHELIER, ZERO, YIELD), trade("a", "asian", ", \"fixings\": 12")).get(0);
        String reason = ModelTypes.analytic(t.model()).unavailableReason(t.problem());
        assertNotNull(reason);
        assertTrue(reason.contains("several pillars"), reason);
        Trade one = trades(BACHELIER + ", \"rate\": 0.03, \"dividend_curve\": "
                + curve(new String[] {"1Y"}, new double[] {0.01}, "yields"), trade("a", "asian", ", \"fixings\": 12")).get(0);
        assertNull(ModelTypes.analytic(one.model()).unavailableReason(one.problem()));
    }
}
