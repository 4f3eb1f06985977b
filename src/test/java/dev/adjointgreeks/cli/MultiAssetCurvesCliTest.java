package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-asset market with a discount curve and {@code dividend_curves} (one per asset) from the
 * command line: the long layout's buckets ({@code dividend_curve}, {@code <asset>/<pillar>}) and
 * per-asset {@code dividend_rho}, the CRIF's one {@code Risk_Equity} row per underlying with its own
 * {@code simm_bucket}, structural faults of {@code dividend_curves} as file-level errors (exit 2,
 * {@code file:line: dividend_curves: ...}), and a {@code dividend} shock moving every asset's curve as
 * it moves a flat {@code dividends} list.
 */
class MultiAssetCurvesCliTest {

    private static final String CURVES = "\"discount_curve\": {\"tenors\": [\"1Y\", \"5Y\"], \"zero_rates\": [0.03, 0.04]},\n"
            + "\"dividend_curves\": [{\"tenors\": [\"6M\", \"2Y\"], \"yields\": [0.01, 0.015]},"
            + " {\"tenors\": [\"1Y\"], \"yields\": [0.02]}]";

    @TempDir
    Path dir;

    private Path book(String market) throws IOException {
        Path f = dir.resolve("basket.json");
        Files.writeString(f, "{\"markets\": {\n\"m\": {\"spots\": [100, 95], \"vols\": [0.2, 0.3],"
                + " \"correlation\": [[1, 0.5], [0.5, 1]],\n" + market + "}},\n\"trades\": [\n"
                + "{\"id\": \"b\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                + " \"weights\": [0.5, 0.5], \"market\": \"m\", \"underlying\": \"tech\", \"seed\": 3}\n]}");
        return f;
    }

    @Test
    void theLongLayoutNamesEachAssetsPillarsAndTheirSumsAreEachAssetsDividendRho() throws IOException {
        Path out = dir.resolve("long.csv");
        CliRunner.Run r = CliRunner.run("price", book(CURVES).toString(), "--paths", "2000", "--quiet", "--layout",
                "long", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Double> dividend = new LinkedHashMap<>();
        Map<String, Double> rho = new LinkedHashMap<>();
        for (Map<String, String> row : PriceCommandTest.readCsv(Files.readString(out))) {
            double v = Double.parseDouble(row.get("value"));
            if (row.get("factor").equals("dividend_curve")) {
                assertEquals(null, dividend.put(row.get("bucket"), v), "unique bucket " + row);
            } else if (row.get("factor").equals("dividend_rho")) {
                rho.put(row.get("bucket"), v);
            }
        }
        assertEquals(List.of("1/6M", "1/2Y", "2/1Y"), List.copyOf(dividend.keySet()));
        assertEquals(List.of("1", "2"), List.copyOf(rho.keySet()));
        double first = dividend.get("1/6M") + dividend.get("1/2Y");
        assertEquals(rho.get("1"), first, 1e-10 * Math.abs(rho.get("1")));
        assertEquals(rho.get("2"), dividend.get("2/1Y"), 1e-10 * Math.abs(rho.get("2")));
    }

    @Test
    void theCrifHasOneEquityRowPerUnderlyingWithItsOwnBucket() throws IOException {
        Path crif = dir.resolve("b.crif");
        CliRunner.Run r = CliRunner.run("price", book(CURVES + ", \"simm_bucket\": [\"1\", \"Residual\"]").toString(),
                "--paths", "500", "--quiet", "--crif", crif.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, String> buckets = new LinkedHashMap<>();
        int ir = 0;
        for (Map<String, String> row : PriceCommandTest.readCsv(Files.readString(crif))) {
            if (row.get("RiskType").equals("Risk_Equity")) {
                assertEquals(null, buckets.put(row.get("Qualifier"), row.get("Bucket")), "one row per underlying");
            } else {
                assertEquals("Risk_IRCurve", row.get("RiskType"));
                ir++;
            }
        }
        assertEquals(Map.of("tech_1", "1", "tech_2", "Residual"), buckets);
        assertEquals(2, ir, "the discount curve's 1Y and 5Y");

        CliRunner.Run wrong = CliRunner.run("price", book(CURVES + ", \"simm_bucket\": [\"1\"]").toString(),
                "--paths", "500", "--quiet", "--crif", crif.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(3, wrong.exit(), wrong.err());
        assertTrue(wrong.err().contains(":6: simm_bucket: has 1 buckets for 2 assets"), wrong.err());
    }

    @Test
    void structuralFaultsOfTheDividendCurvesAreFileLevel() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("\"dividend_curves\": [{\"tenors\": [\"6M\", \"2Y\"], \"yields\": [0.01, 0.015]},"
                + " {\"tenors\": [\"1Y\", \"6M\"], \"yields\": [0.02, 0.01]}]", "dividend_curves: curve 2: pillars must be");
        cases.put("\"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01]}]",
                "dividend_curves: has 1 curves for 2 spots");
        cases.put("\"dividends\": [0.01, 0.02], \"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01]},"
                + " {\"tenors\": [\"6M\"], \"yields\": [0.01]}]", "dividend_curves: ambiguous");
        cases.put("\"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01]}, 3]",
                "dividend_curves: curve 2: must be an object");
        cases.put("\"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01]}, {\"tenors\": [\"6Q\"],"
                + " \"yields\": [0.01]}]", "dividend_curves: curve 2: ");
        cases.put("\"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01, 0.02]}, {\"tenors\": [\"6M\"],"
                + " \"yields\": [0.01]}]", "dividend_curves: curve 1: 1 pillars but 2 rates");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = book(c.getKey());
            CliRunner.Run r = CliRunner.run("price", f.toString(), "--paths", "200", "--quiet");
            assertEquals(2, r.exit(), c.getKey() + ": " + r.err());
            assertTrue(r.err().contains(f + ":2: " + c.getValue()), c.getKey() + ": " + r.err());
        }
    }

    @Test
    void aDividendShockMovesEveryAssetsCurveAsItMovesFlatDividends() throws IOException {
        // one-pillar dividend curves and their flat twin, on the same paths
        Path f = dir.resolve("twins.json");
        String assets = "\"spots\": [100, 95], \"vols\": [0.2, 0.3], \"correlation\": [[1, 0.5], [0.5, 1]], \"rate\": 0.03";
        Files.writeString(f, "{\"markets\": {\n\"c\": {" + assets + ", \"dividend_curves\": [{\"tenors\": [\"1Y\"],"
                + " \"yields\": [0.01]}, {\"tenors\": [\"2Y\"], \"yields\": [0.02]}]},\n"
                + "\"f\": {" + assets + ", \"dividends\": [0.01, 0.02]}},\n\"trades\": [\n"
                + "{\"id\": \"cv\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                + " \"weights\": [0.5, 0.5], \"market\": \"c\", \"seed\": 11},\n"
                + "{\"id\": \"fl\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                + " \"weights\": [0.5, 0.5], \"market\": \"f\", \"seed\": 11}\n]}");
        Path shocks = dir.resolve("s.csv");
        Files.write(shocks, List.of("scenario,underlying,factor,shift,type,bucket,market", "up,*,dividend,0.01,absolute,,",
                "curve,*,dividend_curve,0.01,absolute,,c", "curve,*,dividend,0.01,absolute,,f"));
        List<String> args = new ArrayList<>(List.of("price", f.toString(), "--shocks", shocks.toString(), "--seed", "7",
                "--quiet", "--paths", "4000"));
        CliRunner.Run run = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> rows = ShocksCommandTest.rows(run);
        for (String scenario : List.of("up", "curve")) {
            Map<String, String> cv = ShocksCommandTest.find(rows, scenario, "cv");
            Map<String, String> fl = ShocksCommandTest.find(rows, scenario, "fl");
            double pnl = Double.parseDouble(fl.get("pnl"));
            double price = Double.parseDouble(fl.get("price"));
            assertTrue(Math.abs(pnl) > 10 * Double.parseDouble(fl.get("pnl_stderr")), "the shock moves the flat trade");
            assertEquals(pnl, Double.parseDouble(cv.get("pnl")), 1e-13 * price, scenario);
        }
    }
}
