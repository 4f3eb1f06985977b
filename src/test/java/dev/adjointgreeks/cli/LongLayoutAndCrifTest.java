package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.crif.CrifMarket;
import dev.adjointgreeks.crif.CrifRow;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.sensitivity.WideColumns;

/** {@code greeks price --layout long}, {@code --totals} in the long layout, and {@code --crif}, end to end. */
class LongLayoutAndCrifTest {

    private static final Path DEMO = Path.of("scenarios/demo.csv");
    private static final String PATHS = "2000";

    @TempDir
    Path dir;

    private static List<Map<String, String>> csv(Path f) throws IOException {
        return PriceCommandTest.readCsv(Files.readString(f));
    }

    private static String key(String id, String factor, String bucket) {
        return id + "|" + factor + "|" + bucket;
    }

    private Path europeans(List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(PriceCommandTest.HEADER + ",underlying");
        lines.addAll(rows);
        Path f = dir.resolve("eu.csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    void theLongLayoutOfDemoHasTheWideLayoutsValuesCellForCell() throws IOException {
        Path wide = dir.resolve("wide.csv");
        Path lng = dir.resolve("long.csv");
        assertEquals(0, CliRunner.run("price", DEMO.toString(), "--paths", PATHS, "--quiet", "--out", wide.toString()).exit());
        assertEquals(0, CliRunner.run("price", DEMO.toString(), "--paths", PATHS, "--quiet", "--layout", "long",
                "--out", lng.toString()).exit());
        assertEquals("id,market,factor,bucket,value,stderr", Files.readAllLines(lng).get(0));
        Map<String, Map<String, String>> longRows = new LinkedHashMap<>();
        for (Map<String, String> r : csv(lng)) {
            Map<String, String> prev = longRows.put(key(r.get("id"), r.get("factor"), r.get("bucket")), r);
            assertEquals(null, prev, "one row per (trade, factor, bucket): " + r);
            assertEquals("", r.get("market"), "demo.csv names no market");
        }
        int cells = 0;
        List<String> header = List.of(Files.readAllLines(wide).get(0).split(","));
        for (Map<String, String> w : csv(wide)) {
            boolean first = true;
            for (String c : header.subList(header.indexOf("price"), header.indexOf("time_ms"))) {
                if (c.endsWith("_stderr") || w.get(c).isEmpty()) {
                    continue;
                }
                WideColumns.Factor f = WideColumns.of(c);
                Map<String, String> l = longRows.remove(key(w.get("id"), f.factor(), f.bucket()));
                assertTrue(l != null, w.get("id") + " " + c + " has no long row");
                assertEquals(w.get(c), l.get("value"), w.get("id") + " " + c);
                assertEquals(w.get(c + "_stderr"), l.get("stderr"), w.get("id") + " " + c + "_stderr");
                assertEquals(first, f.factor().equals("price"), "price comes first");
                first = false;
                cells++;
            }
        }
        assertTrue(longRows.isEmpty(), "long rows without a wide cell: " + longRows.keySet());
        assertTrue(cells > 100, "cells compared: " + cells);
    }

    @Test
    void totalRowsAreQuantityWeightedSumsPerMarketFactorAndBucket() throws IOException {
        Path lng = dir.resolve("long.csv");
        assertEquals(0, CliRunner.run("price", DEMO.toString(), "--paths", PATHS, "--quiet", "--layout", "long",
                "--totals", "--out", lng.toString()).exit());
        Map<String, Double> quantity = new LinkedHashMap<>();
        for (Map<String, String> r : PriceCommandTest.readCsv(String.join("\n", Files.readAllLines(DEMO).stream()
                .filter(s -> !s.startsWith("#")).toList()))) {
            quantity.put(r.get("id"), r.get("quantity").isEmpty() ? 1.0 : Double.parseDouble(r.get("quantity")));
        }
        Map<String, double[]> sums = new LinkedHashMap<>();   // sum q v, sum q^2 se^2, sum |q v|
        Map<String, Map<String, String>> totals = new LinkedHashMap<>();
        for (Map<String, String> r : csv(lng)) {
            String k = key(r.get("market"), r.get("factor"), r.get("bucket"));
            if (r.get("id").equals("TOTAL")) {
                totals.put(k, r);
                continue;
            }
            assertTrue(totals.isEmpty(), "TOTAL rows come after every trade");
            double q = quantity.get(r.get("id"));
            double v = Double.parseDouble(r.get("value"));
            double se = Double.parseDouble(r.get("stderr"));
            double[] s = sums.computeIfAbsent(k, x -> new double[3]);
            s[0] += q * v;
            s[1] += q * q * se * se;
            s[2] += Math.abs(q * v);
        }
        assertTrue(quantity.values().stream().anyMatch(q -> q != 1.0), "demo.csv weighs some trade");
        assertEquals(sums.keySet(), totals.keySet());
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            Map<String, String> t = totals.get(e.getKey());
            double[] s = e.getValue();
            // same terms in the same order: equal up to the rounding of the sum
            assertEquals(s[0], Double.parseDouble(t.get("value")), 1e-15 * s[2] * quantity.size(), e.getKey());
            assertEquals(Math.sqrt(s[1]), Double.parseDouble(t.get("stderr")), 1e-15 * Math.sqrt(s[1]) * quantity.size(),
                    e.getKey());
        }
    }

    @Test
    void analyticWritesTheLongLayoutWithoutStandardErrors() throws IOException {
        Path f = europeans(List.of("eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,,SPX"));
        CliRunner.Run run = CliRunner.run("price", f.toString(), "--method", "analytic", "--layout", "long", "--quiet");
        assertEquals(0, run.exit(), run.err());
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (Map<String, String> r : PriceCommandTest.readCsv(run.out())) {
            rows.put(r.get("factor"), r);
            assertEquals("", r.get("stderr"));
            assertEquals("", r.get("bucket"));
        }
        assertEquals("price", rows.keySet().iterator().next());
        BlackScholesFormula.Greeks g = BlackScholesFormula.greeks(CallPut.CALL, 100, 100, 1, 0.05, 0.01, 0.2);
        assertEquals(g.price(), Double.parseDouble(rows.get("price").get("value")), 1e-12 * g.price());
        assertEquals(g.delta(), Double.parseDouble(rows.get("delta").get("value")), 1e-12);
        assertEquals(g.gamma(), Double.parseDouble(rows.get("gamma").get("value")), 1e-12);
        assertEquals(g.rho(), Double.parseDouble(rows.get("rho").get("value")), 1e-10);
    }

    @Test
    void greeksPriceSelectsThePriceAlone() {
        CliRunner.Run run = CliRunner.run("price", DEMO.toString(), "--paths", "200", "--quiet", "--greeks", "price");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("id,product,model,method,paths,seed,price,price_stderr,time_ms\n"), run.out());
    }

    @Test
    void crifEquityAmountIsTheFirstOrderTermOfTheBumpedRevaluation() throws IOException {
        Path f = europeans(List.of("eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,,SPX"));
        Path crif = dir.resolve("out/crif.csv");
        CliRunner.Run run = CliRunner.run("price", f.toString(), "--method", "analytic", "--quiet", "--crif",
                crif.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = Files.readAllLines(crif);
        assertEquals("TradeID,ProductClass,RiskType,Qualifier,Bucket,Label1,Label2,Amount,AmountCurrency,AmountUSD",
                lines.get(0));
        assertEquals(2, lines.size(), "one Risk_Equity row; a flat rate writes no Risk_IRCurve row: " + lines);
        String[] c = lines.get(1).split(",", -1);
        assertEquals(List.of("eu", "Equity", "Risk_Equity", "SPX", "Residual", "", ""), List.of(c).subList(0, 7));
        assertEquals("USD", c[8]);
        double amount = Double.parseDouble(c[7]);
        assertEquals(amount, Double.parseDouble(c[9]), 0.0);
        double s = 100;
        double bump = BlackScholesFormula.price(CallPut.CALL, 1.01 * s, 100, 1, 0.05, 0.01, 0.2)
                - BlackScholesFormula.price(CallPut.CALL, s, 100, 1, 0.05, 0.01, 0.2);
        double gamma = BlackScholesFormula.greeks(CallPut.CALL, s, 100, 1, 0.05, 0.01, 0.2).gamma();
        // the first-order term misses (0.01 S)^2 Gamma / 2: 1.6% at the money at one year (crif notes)
        double secondOrder = 0.5 * (0.01 * s) * (0.01 * s) * gamma;
        assertTrue(Math.abs(bump - amount) < 0.02 * bump, amount + " vs " + bump);
        // and that is all it misses, up to the third-order term (relative size ~ 0.01^2)
        assertEquals(bump, amount + secondOrder, 1e-3 * bump);
    }

    @Test
    void aCurveMarketsCrifTagsAndIrAmountsFollowTheSimmDefinitions() throws IOException {
        Path f = dir.resolve("eur.json");
        Files.writeString(f, """
                {"markets": {"eur": {"spot": 100, "vol": 0.2, "dividend": 0.01,
                  "discount_curve": {"tenors": ["6M", "1Y", "2Y", "5Y"], "zero_rates": [0.02, 0.025, 0.03, 0.035]},
                  "currency": "EUR", "usd_per_unit": 1.1, "subcurve": "ESTR", "simm_ir_bucket": "1", "simm_bucket": "5"}},
                 "trades": [{"id": "eu", "product": "european", "type": "call", "strike": 100, "maturity": 1.5,
                             "market": "eur", "underlying": "SX5E"}]}
                """);
        Path crif = dir.resolve("crif.csv");
        CliRunner.Run run = CliRunner.run("price", f.toString(), "--method", "analytic", "--quiet",
                "--greeks", "delta,d_discount_curve", "--crif", crif.toString());
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> rows = csv(crif);
        double irSum = 0;
        int equity = 0;
        for (Map<String, String> r : rows) {
            double amount = Double.parseDouble(r.get("Amount"));
            assertEquals("EUR", r.get("AmountCurrency"));
            assertEquals(1.1 * amount, Double.parseDouble(r.get("AmountUSD")), 1e-15 * Math.abs(amount));
            if (r.get("RiskType").equals("Risk_Equity")) {
                equity++;
                assertEquals("SX5E", r.get("Qualifier"));
                assertEquals("5", r.get("Bucket"));
            } else {
                assertEquals("Risk_IRCurve", r.get("RiskType"));
                assertEquals("EUR", r.get("Qualifier"));
                assertEquals("1", r.get("Bucket"));
                assertEquals("ESTR", r.get("Label2"));
                assertTrue(List.of("1y", "2y").contains(r.get("Label1")), "T = 1.5 lies between the 1Y and 2Y pillars: " + r);
                irSum += amount;
            }
        }
        assertEquals(1, equity, rows.toString());
        // the sum over tenors is V(every pillar + 1bp) - V: z(T) moves by 1bp; z(1.5) is linear in z t
        double zT = (0.025 * 1 + (0.03 * 2 - 0.025 * 1) * 0.5) / 1.5;
        double bumped = BlackScholesFormula.price(CallPut.CALL, 100, 100, 1.5, zT + 1e-4, 0.01, 0.2)
                - BlackScholesFormula.price(CallPut.CALL, 100, 100, 1.5, zT, 0.01, 0.2);
        assertEquals(bumped, irSum, 1e-3 * Math.abs(bumped));
    }

    @Test
    void anUnwritableCrifPathIsAUsageErrorNamingItBeforeAnyWork() throws IOException {
        Path out = dir.resolve("wide.csv");
        CliRunner.Run run = CliRunner.run("price", DEMO.toString(), "--paths", PATHS, "--quiet", "--out",
                out.toString(), "--crif", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--crif") && run.err().contains(dir.toString()), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRejectedRowWritesNoCrifRowsAndFailFastLeavesNoFileBehind() throws IOException {
        Path f = europeans(List.of("good,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,,SPX",
                "bad,european,call,bs,100,100,1,0.05,0.01,-0.2,,,,,,,,,,,,SPX"));
        Path crif = dir.resolve("crif.csv");
        Path lng = dir.resolve("long.csv");
        CliRunner.Run run = CliRunner.run("price", f.toString(), "--paths", PATHS, "--quiet", "--layout", "long",
                "--out", lng.toString(), "--crif", crif.toString());
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("vol"), run.err());
        List<String> crifLines = Files.readAllLines(crif);
        assertEquals(2, crifLines.size(), crifLines.toString());
        assertTrue(crifLines.get(1).startsWith("good,"));
        assertTrue(Files.readAllLines(lng).stream().skip(1).allMatch(l -> l.startsWith("good,")));

        Files.delete(crif);
        Files.delete(lng);
        run = CliRunner.run("price", f.toString(), "--paths", PATHS, "--quiet", "--layout", "long", "--fail-fast",
                "--out", lng.toString(), "--crif", crif.toString());
        assertEquals(3, run.exit(), run.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(f), left.toList(), "no output, no temporary file");
        }
    }

    @Test
    void discountBucketsBecomeRiskIrCurveRowsThroughTheSimmAllocationAndDividendBucketsNone() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("price", 10.0);
        v.put("d_discount_curve_18M", -30.0);        // 1.5y: half to 1y, half to 2y
        v.put("d_discount_curve_18M_stderr", 0.5);
        v.put("d_discount_curve_5Y", -400.0);        // on the 5y tenor: all of it
        v.put("d_discount_curve_5Y_stderr", 2.0);
        v.put("d_dividend_curve_5Y", -70.0);         // not an interest-rate risk: never written
        TradeResult r = new TradeResult("t", "european", "bs", "adjoint", 100, 1, v, 1.0, 1.0, "SPX");
        CrifMarket eur = new CrifMarket("EUR", 1.08, "ESTR", "1");
        List<CrifRow> rows = SensitivityOutput.irCurveRows(r, eur);
        assertEquals(3, rows.size(), rows.toString());
        double[][] expected = {{-30e-4 / 2}, {-30e-4 / 2}, {-400e-4}};
        String[] labels = {"1y", "2y", "5y"};
        for (int i = 0; i < 3; i++) {
            CrifRow c = rows.get(i);
            assertEquals(List.of("t", "Equity", "Risk_IRCurve", "EUR", "1", labels[i], "ESTR", "EUR"),
                    List.of(c.tradeId(), c.productClass(), c.riskType(), c.qualifier(), c.bucket(), c.label1(),
                            c.label2(), c.amountCurrency()));
            assertEquals(expected[i][0], c.amount(), 1e-15, labels[i]);
            assertEquals(c.amount() * 1.08, c.amountUsd(), 0.0);
        }
        v.remove("d_discount_curve_18M");
        v.remove("d_discount_curve_5Y");
        assertEquals(List.of(), SensitivityOutput.irCurveRows(r.withValues(v), eur), "no curve buckets, no rows");
    }

    @Test
    void jsonLinesNameTheJsonMarketAndBucketPerAssetGreeksByAssetIndex() throws IOException {
        CliRunner.Run run = CliRunner.run("price", "scenarios/multi-asset.json", "--paths", "500", "--quiet",
                "--layout", "long", "--format", "jsonl");
        assertEquals(0, run.exit(), run.err());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, com.fasterxml.jackson.databind.JsonNode> rows = new LinkedHashMap<>();
        for (String line : run.out().strip().split("\n")) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("id", "market", "factor", "bucket", "value", "stderr"), keys, line);
            assertEquals(null, rows.put(key(n.get("id").asText(), n.get("factor").asText(), n.get("bucket").asText()), n),
                    line);
        }
        assertEquals("tech", rows.get(key("basket-call-3", "price", "")).get("market").asText());
        assertEquals("", rows.get(key("exchange-inline", "price", "")).get("market").asText());
        for (String k : List.of(key("basket-call-3", "delta", "3"), key("basket-call-3", "gamma", "1/2"),
                key("basket-call-3", "d_corr", "2/3"), key("basket-call-2", "vega", "2"))) {
            assertTrue(rows.containsKey(k), k);
        }
    }
}
