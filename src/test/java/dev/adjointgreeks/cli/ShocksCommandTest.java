package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code greeks price --shocks}: market scenarios end to end. */
class ShocksCommandTest {

    static final String HEADER = PriceCommandTest.HEADER + ",quantity,underlying";

    @TempDir
    Path dir;

    Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    static List<Map<String, String>> rows(CliRunner.Run run) {
        return PriceCommandTest.readCsv(run.out());
    }

    static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    static Map<String, String> find(List<Map<String, String>> rows, String scenario, String id) {
        for (Map<String, String> r : rows) {
            if (r.get("scenario").equals(scenario) && r.get("id").equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no row (" + scenario + ", " + id + ")");
    }

    /** Trades with closed forms under both models; the shocked rows are written out by hand below. */
    static final String[] TRADES = {
        "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,,2,SPX",
        "put,european,put,bs,90,100,0.75,0.03,0,0.3,,,,,,,,,,,,1,SPX",
        "dig,digital,call,bs,100,105,1,0.03,0,0.2,,,,,,10,,,,,,1,SX5E",
        "geo,asian,put,bs,100,100,1,0.05,0.01,0.2,,,,12,geometric,,,,,,,1,SX5E",
        "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,1,,,,,,,,,1,SX5E",
        "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7,1,SPX"};

    static final String[] SHOCKS = {
        "scenario,underlying,factor,shift,type",
        "down,*,spot,-0.1,relative",
        "volup,*,vol,0.05,absolute",
        "v0,SPX,heston_v0,0.01,absolute",
        "mix,SPX,spot,0.05,relative",
        "mix,SX5E,spot,-0.02,relative",
        "mix,*,rate,0.005,absolute",
        "mix,*,dividend,0.5,relative",
        "mix,*,vol,-0.02,absolute",
        "mix,SPX,heston_xi,0.1,relative"};

    /** The shocked row written by hand: columns spot 4, rate 7, dividend 8, vol 9, heston_v0 16, heston_xi 19. */
    static String shocked(String row, String scenario) {
        String[] c = row.split(",", -1);
        String u = c[22];
        boolean heston = c[3].equals("heston");
        switch (scenario) {
            case "down" -> c[4] = Double.toString(Double.parseDouble(c[4]) * (1 - 0.1));
            case "volup" -> {
                if (!heston) {
                    c[9] = Double.toString(Double.parseDouble(c[9]) + 0.05);
                }
            }
            case "v0" -> {
                if (heston && u.equals("SPX")) {
                    c[16] = Double.toString(Double.parseDouble(c[16]) + 0.01);
                }
            }
            case "mix" -> {
                c[4] = Double.toString(Double.parseDouble(c[4]) * (1 + (u.equals("SPX") ? 0.05 : -0.02)));
                c[7] = Double.toString(Double.parseDouble(c[7]) + 0.005);
                c[8] = Double.toString(Double.parseDouble(c[8]) * 1.5);
                if (!heston) {
                    c[9] = Double.toString(Double.parseDouble(c[9]) - 0.02);
                } else {
                    c[19] = Double.toString(Double.parseDouble(c[19]) * 1.1);
                }
            }
            default -> throw new AssertionError(scenario);
        }
        return String.join(",", c);
    }

    @Test
    void analyticScenarioRowsAreTheAnalyticPricesOfTheShockedRows() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(TRADES));
        Path trades = write("t.csv", lines.toArray(String[]::new));
        Path shocks = write("s.csv", SHOCKS);
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                "analytic", "--quiet");
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> out = rows(run);
        assertEquals(TRADES.length * 5, out.size());
        assertEquals("scenario", run.out().substring(0, run.out().indexOf(',')));
        String[] scenarios = {"down", "volup", "v0", "mix"};
        for (int t = 0; t < TRADES.length; t++) {
            String id = TRADES[t].split(",")[0];
            // trade-major: base, then the scenarios in the file's order
            assertEquals("base", out.get(5 * t).get("scenario"));
            assertEquals(id, out.get(5 * t).get("id"));
            List<String> hand = new ArrayList<>(List.of(HEADER));
            for (String s : scenarios) {
                hand.add(shocked(TRADES[t], s).replaceFirst("^" + id + ",", s + ","));
            }
            CliRunner.Run ref = CliRunner.run("price", write("hand-" + id + ".csv", hand.toArray(String[]::new)).toString(),
                    "--method", "analytic", "--quiet");
            assertEquals(0, ref.exit(), ref.err());
            List<Map<String, String>> expected = PriceCommandTest.readCsv(ref.out());
            double base = d(out.get(5 * t), "price");
            for (int k = 0; k < scenarios.length; k++) {
                Map<String, String> row = out.get(5 * t + 1 + k);
                assertEquals(scenarios[k], row.get("scenario"));
                double want = d(expected.get(k), "price");
                assertEquals(want, d(row, "price"), 1e-10 * Math.max(1, Math.abs(want)), id + " in " + scenarios[k]);
                assertEquals(d(row, "price") - base, d(row, "pnl"), 1e-12 * Math.max(1, Math.abs(base)));
                assertEquals("", row.get("delta"), "scenario rows carry price and P&L only");
            }
        }
        // a factor the model lacks leaves the trade alone: vol under Heston, heston_v0 under Black-Scholes
        assertEquals("0.0", find(out, "volup", "hes").get("pnl"));
        assertEquals("0.0", find(out, "v0", "eu").get("pnl"));
        assertTrue(d(find(out, "v0", "hes"), "pnl") > 0);
    }

    @Test
    void greeksExplainNearTheMoneyPnlToWithinOnePercent() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        int n = 0;
        for (double s : new double[] {87, 100, 115}) {
            for (String type : new String[] {"call", "put"}) {
                for (double t : new double[] {0.5, 2}) {
                    for (double vol : new double[] {0.15, 0.4}) {
                        lines.add("e" + n++ + ",european," + type + ",bs," + s + ",100," + t + ",0.03,0.01," + vol
                                + ",,,,,,,,,,,,1,X");
                    }
                }
            }
        }
        Path trades = write("t.csv", lines.toArray(String[]::new));
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "s-1,*,spot,-0.01,relative",
                "s+1,*,spot,0.01,relative", "v-1,*,vol,-0.01,absolute", "v+1,*,vol,0.01,absolute");
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                "analytic", "--explain", "--quiet");
        assertEquals(0, run.exit(), run.err());
        double worst = 0;
        for (Map<String, String> row : rows(run)) {
            if (row.get("scenario").equals("base")) {
                assertEquals(0.0, d(row, "pnl_explained"));
                continue;
            }
            double ratio = Math.abs(d(row, "pnl_unexplained")) / Math.abs(d(row, "pnl"));
            worst = Math.max(worst, ratio);
            assertTrue(ratio <= 0.01, row.toString());
            assertEquals(d(row, "pnl") - d(row, "pnl_explained"), d(row, "pnl_unexplained"), 1e-12);
        }
        assertTrue(worst > 0, "third-order terms remain");
    }

    /**
     * A joint spot and rate shock: {@code pnl_explained} holds the engine's {@code d2V / dS dr dS dr}
     * (0.379 for this call, the closed form's), shown as {@code pnl_explained_cross}; a spot shock
     * alone has none; the bump method has no such term and leaves the cell empty rather than 0.
     */
    @Test
    void theExplanationShowsTheCrossTermsOfAJointShock() throws IOException {
        Path trades = write("t.csv", HEADER, "a,european,call,bs,100,100,1,0.05,0.02,0.2,,,,,,,,,,,,1,X");
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "joint,*,spot,0.1,relative",
                "joint,*,rate,0.02,absolute", "spot,*,spot,0.1,relative");
        double[] crossOf = new double[2];
        String[] methods = {"adjoint", "analytic"};
        for (int m = 0; m < methods.length; m++) {
            CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                    methods[m], "--paths", "20000", "--explain", "--quiet");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().lines().findFirst().orElseThrow()
                    .contains("pnl_explained,pnl_unexplained,pnl_explained_cross,"), run.out());
            assertFalse(run.out().contains("d2_"), "the Hessian rows are values, never columns");
            List<Map<String, String>> rows = rows(run);
            assertEquals(0.0, d(find(rows, "base", "a"), "pnl_explained_cross"));
            assertEquals(0.0, d(find(rows, "spot", "a"), "pnl_explained_cross"));
            Map<String, String> joint = find(rows, "joint", "a");
            crossOf[m] = d(joint, "pnl_explained_cross");
            double withCross = Math.abs(d(joint, "pnl_unexplained"));
            assertTrue(withCross < 0.5 * Math.abs(d(joint, "pnl_unexplained") + crossOf[m]), joint.toString());
        }
        // the conditioned one-step European is the closed form path by path: the same cross term to rounding
        // d2V/dS dr = exp(-qT) n(d1) sqrt(T) / sigma, d1 = 0.25 here; dS = 10, dr = 0.02
        double exact = Math.exp(-0.02) * Math.exp(-0.5 * 0.25 * 0.25) / Math.sqrt(2 * Math.PI) / 0.2 * 10 * 0.02;
        assertEquals(exact, crossOf[1], 1e-9);
        assertEquals(crossOf[1], crossOf[0], 1e-9);
        CliRunner.Run bump = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                "bump", "--paths", "2000", "--explain", "--quiet");
        assertEquals(0, bump.exit(), bump.err());
        assertEquals("", find(rows(bump), "joint", "a").get("pnl_explained_cross"), "bump has no d2V/dS dr");
    }

    @Test
    void theExplanationUsesEveryGreekWhateverGreeksWritesOut() throws IOException {
        Path trades = write("t.csv", HEADER, "a,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,1,X");
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "v,*,vol,0.01,absolute",
                "r,*,rate,0.001,absolute");
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                "analytic", "--explain", "--greeks", "delta", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertFalse(run.out().contains("vega"));
        for (String sc : new String[] {"v", "r"}) {
            Map<String, String> row = find(rows(run), sc, "a");
            assertTrue(Math.abs(d(row, "pnl_unexplained")) <= 0.01 * Math.abs(d(row, "pnl")), row.toString());
        }
    }

    @Test
    void aShockOutsideTheInputRangesRejectsThatScenarioOnly() throws IOException {
        Path trades = write("t.csv", HEADER, "a,european,call,bs,100,100,1,0.05,0,0.3,,,,,,,,,,,,1,X",
                "b,european,call,bs,100,100,1,0.05,0,0.25,,,,,,,,,,,,1,X",
                "bad,european,call,bs,100,100,1,0.05,0,-1,,,,,,,,,,,,1,X");
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "up,*,spot,0.1,relative",
                "# a comment line", "", "crash,*,spot,-0.2,relative", "crash,*,vol,-0.3,absolute",
                "after,*,rate,0.01,absolute", "nobody,ZZZ,spot,0.1,relative");
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--method",
                "analytic", "--quiet");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains(trades + ":3: vol: scenario 'crash' (" + shocks + ":6) makes vol -0.05 (value '0.25')"),
                run.err());
        // a trade rejected on input: one rejection, not one per scenario
        assertEquals(1, run.err().split(trades + ":4:", -1).length - 1, run.err());
        assertTrue(run.err().contains("warning: " + shocks + ":8: underlying: matches no trade"), run.err());
        List<Map<String, String>> out = rows(run);
        List<String> keys = out.stream().map(r -> r.get("scenario") + "/" + r.get("id")).toList();
        assertEquals(List.of("base/a", "up/a", "crash/a", "after/a", "nobody/a", "base/b", "up/b", "after/b",
                "nobody/b"), keys);
        assertEquals("0.0", find(out, "nobody", "a").get("pnl"));
    }

    @Test
    void multiAssetTradesMoveEveryAssetAndTotalsComePerScenario() throws IOException {
        Path json = write("m.json", """
                {"markets": {"m": {"spots": [100, 95], "vols": [0.2, 0.3], "dividends": [0, 0.01], "rate": 0.03,
                                   "correlation": [[1, 0.5], [0.5, 1]]}},
                 "trades": [
                   {"id": "x", "product": "exchange", "maturity": 0.5, "market": "m", "underlying": "pair",
                    "quantity": 3},
                   {"id": "v", "product": "european", "type": "put", "strike": 100, "maturity": 1, "spot": 100,
                    "vol": 0.2, "rate": 0.05, "dividend": 0, "underlying": "solo"}
                 ]}
                """);
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "up,*,spot,0.1,relative",
                "vols,pair,vol,0.02,absolute");
        CliRunner.Run run = CliRunner.run("price", json.toString(), "--shocks", shocks.toString(), "--method",
                "analytic", "--totals", "--quiet");
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> out = rows(run);
        // Margrabe is homogeneous of degree 1 in the spots: both up 10% is the price times 1.1
        double base = d(find(out, "base", "x"), "price");
        assertEquals(1.1 * base, d(find(out, "up", "x"), "price"), 1e-12 * base);
        assertTrue(d(find(out, "vols", "x"), "pnl") > 0);
        assertEquals("0.0", find(out, "vols", "v").get("pnl"));
        double up = 3 * d(find(out, "up", "x"), "pnl") + d(find(out, "up", "v"), "pnl");
        assertEquals(up, d(find(out, "up", "TOTAL"), "pnl"), 1e-12 * Math.abs(up));
        assertEquals(3 * d(find(out, "up", "x"), "pnl"), d(find(out, "up", "TOTAL:pair"), "pnl"), 1e-12);
        assertEquals("", find(out, "up", "TOTAL").get("delta_1"), "no Greeks in scenario rows, none in their totals");
        assertFalse(find(out, "base", "TOTAL").get("delta_1").isEmpty());
    }

    @Test
    void badShocksFilesAndOptionsExitTwoBeforeAnyPricing() throws IOException {
        Path trades = write("t.csv", HEADER, "a,european,call,bs,100,100,1,0.05,0,0.3,,,,,,,,,,,,1,X");
        Path bad = write("bad.csv", "scenario,underlying,factor,shift,type", "a,*,spot,-0.1,relative",
                "b,*,colour,0.1,relative", "c,*,vol,lots,absolute", "d,*,vol,0.1,sideways", "a,*,spot,0.2,relative",
                "e,X,spot,0.1,relative", "e,*,spot,0.1,relative");
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", bad.toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals("", run.out());
        for (String m : new String[] {bad + ":3: factor: unknown factor", bad + ":4: shift: not a finite number (value 'lots')",
            bad + ":5: type: expected relative or absolute (value 'sideways')", bad + ":6: underlying: scenario 'a' already",
            bad + ":8: underlying: scenario 'e' shocks spot both for '*' and for a named underlying"}) {
            assertTrue(run.err().contains(m), m + " in " + run.err());
        }
        Path missing = write("missing.csv", "scenario,underlying,factor,shift", "a,*,spot,0.1");
        CliRunner.Run m = CliRunner.run("price", trades.toString(), "--shocks", missing.toString());
        assertEquals(2, m.exit());
        assertTrue(m.err().contains(missing + ":1: type: missing column"), m.err());
        Path good = write("good.csv", "scenario,underlying,factor,shift,type", "a,*,spot,0.1,relative");
        CliRunner.Run compare = CliRunner.run("price", trades.toString(), "--shocks", good.toString(), "--method",
                "compare");
        assertEquals(2, compare.exit());
        assertTrue(compare.err().contains("compare"), compare.err());
        assertEquals(2, CliRunner.run("price", trades.toString(), "--explain").exit());
    }

    @Test
    void monteCarloScenarioRowsShareTheBasePathsAndChartTheirFamilies() throws IOException {
        Path trades = write("t.csv", HEADER, "a,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,,1,X",
                "h,european,put,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7,2,X");
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type", "d,*,spot,-0.05,relative",
                "u,*,spot,0.05,relative", "none,*,spot,0,relative", "v0,*,heston_v0,0.01,absolute");
        Path png = dir.resolve("pnl.png");
        CliRunner.Run run = CliRunner.run("price", trades.toString(), "--shocks", shocks.toString(), "--paths", "2000",
                "--chart", png.toString(), "--scenario-greeks", "--quiet");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.size(png) > 1000);
        List<Map<String, String>> out = rows(run);
        assertEquals(10, out.size());
        Map<String, String> base = find(out, "base", "a");
        Map<String, String> up = find(out, "u", "a");
        assertEquals(base.get("seed"), up.get("seed"));
        assertEquals(base.get("paths"), up.get("paths"));
        // common random numbers: the P&L's error is far below the prices' errors
        // (both 0 for the conditioned one-step European: exact)
        assertTrue(d(up, "pnl_stderr") <= 0.5 * d(base, "price_stderr"), up.toString());
        assertEquals(d(up, "price") - d(base, "price"), d(up, "pnl"), 1e-9);
        assertFalse(up.get("delta").isEmpty(), "--scenario-greeks");
        assertTrue(d(up, "delta") > d(base, "delta"), "a call's delta grows with spot");
        assertEquals("0.0", find(out, "none", "a").get("pnl"));
        assertEquals(base.get("price"), find(out, "none", "a").get("price"));
        assertTrue(d(find(out, "v0", "h"), "pnl") > 0);
        assertTrue(Math.abs(d(find(out, "u", "a"), "pnl_unexplained")) < 0.05 * d(up, "pnl"), "--chart explains");
    }
}
