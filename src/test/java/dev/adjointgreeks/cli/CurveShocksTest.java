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

/**
 * Shocks on curves ({@code --shocks} with {@code bucket} and {@code market}): a whole curve or one
 * pillar of a named market, {@code rate} moving a curve trade's whole curve, the bucketed
 * explanation, and a bucket the trade's curve lacks.
 */
class CurveShocksTest {

    @TempDir
    Path dir;

    Path write(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private CliRunner.Run price(Path book, Path shocks, String... extra) {
        List<String> args = new ArrayList<>(List.of("price", book.toString(), "--shocks", shocks.toString(),
                "--seed", "7", "--quiet"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    private static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    /** A one-pillar curve market and its flat twin; both trades share a seed, so they see the same paths. */
    private Path twins() throws IOException {
        return write("twins.json", "{\"markets\": {",
                "\"c\": {\"spot\": 100, \"vol\": 0.2, \"dividend\": 0.01,"
                        + " \"discount_curve\": {\"tenors\": [\"1Y\"], \"zero_rates\": [0.03]}},",
                "\"f\": {\"spot\": 100, \"vol\": 0.2, \"dividend\": 0.01, \"rate\": 0.03}},",
                "\"trades\": [",
                "{\"id\": \"cv\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                        + " \"market\": \"c\", \"seed\": 11},",
                "{\"id\": \"fl\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1.5,"
                        + " \"market\": \"f\", \"seed\": 11}",
                "]}");
    }

    @Test
    void aParallelCurveShockIsTheRateShockOfTheFlatTwinAndRateMovesACurveTrade() throws IOException {
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type,bucket,market",
                "up,*,discount_curve,0.01,absolute,,c",
                "up,*,rate,0.01,absolute,,f",
                "rate,*,rate,-0.005,absolute,,");
        CliRunner.Run run = price(twins(), shocks, "--paths", "4000");
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> rows = ShocksCommandTest.rows(run);
        for (String scenario : List.of("up", "rate")) {
            Map<String, String> cv = ShocksCommandTest.find(rows, scenario, "cv");
            Map<String, String> fl = ShocksCommandTest.find(rows, scenario, "fl");
            double pnl = d(fl, "pnl");
            assertTrue(Math.abs(pnl) > 10 * d(fl, "pnl_stderr"), "the shock moves the flat trade: " + fl);
            // a one-pillar curve matches the flat rate to 1e-14 relative in price: the P&L to rounding of the price
            assertEquals(pnl, d(cv, "pnl"), 1e-13 * d(fl, "price"), scenario);
            assertEquals(d(fl, "price"), d(cv, "price"), 1e-13 * d(fl, "price"), scenario);
        }
    }

    /**
     * Spot and the whole curve moved together: the explanation has the spot-against-pillar terms
     * {@code sum_k d2V / dS dz_k dS dz} of the base's Hessian row ({@code pnl_explained_cross}), and
     * they bring it closer to full revaluation.
     */
    @Test
    void aJointSpotAndCurveShockIsExplainedWithTheSpotPillarCrossTerms() throws IOException {
        Path book = write("c.json", "{\"markets\": {\"m\": {\"spot\": 100, \"vol\": 0.2, \"dividend\": 0.01,",
                "\"discount_curve\": {\"tenors\": [\"6M\", \"1Y\", \"2Y\"], \"zero_rates\": [0.02, 0.03, 0.035]}}},",
                "\"trades\": [{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100,"
                        + " \"maturity\": 1.5, \"market\": \"m\"}]}");
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type,bucket",
                "joint,*,spot,0.1,relative,", "joint,*,discount_curve,0.02,absolute,");
        CliRunner.Run run = price(book, shocks, "--paths", "20000", "--explain");
        assertEquals(0, run.exit(), run.err());
        Map<String, String> row = ShocksCommandTest.find(ShocksCommandTest.rows(run), "joint", "a");
        double cross = d(row, "pnl_explained_cross");
        double with = Math.abs(d(row, "pnl_unexplained"));
        double without = Math.abs(d(row, "pnl_unexplained") + cross);
        System.out.printf("spot +10%% and curve +2 points: pnl %.5f, cross %.5f, unexplained %.5f with, %.5f without%n",
                d(row, "pnl"), cross, d(row, "pnl_unexplained"), d(row, "pnl_unexplained") + cross);
        assertTrue(cross > 0, row.toString());
        assertTrue(with < 0.5 * without, row.toString());
    }

    @Test
    void aSinglePillarShockIsExplainedByItsBucket() throws IOException {
        Path book = write("c.json", "{\"markets\": {\"m\": {\"spot\": 100, \"vol\": 0.2, \"dividend\": 0.01,",
                "\"discount_curve\": {\"tenors\": [\"6M\", \"1Y\", \"2Y\"], \"zero_rates\": [0.02, 0.03, 0.035]}}},",
                "\"trades\": [{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100,"
                        + " \"maturity\": 1.5, \"market\": \"m\"}]}");
        double dz = 0.001;
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type,bucket",
                "b2,*,discount_curve," + dz + ",absolute,2Y",
                "all,*,discount_curve," + dz + ",absolute,");
        CliRunner.Run plain = price(book, shocks, "--paths", "20000", "--explain");
        assertEquals(0, plain.exit(), plain.err());
        CliRunner.Run asked = price(book, shocks, "--paths", "20000", "--explain", "--greeks",
                "delta,rho,d_discount_curve");
        assertEquals(0, asked.exit(), asked.err());
        List<Map<String, String>> p = ShocksCommandTest.rows(plain);
        List<Map<String, String>> a = ShocksCommandTest.rows(asked);
        assertFalse(p.get(0).containsKey("d_discount_curve_2Y"), "buckets stay off the default columns");
        Map<String, String> base = ShocksCommandTest.find(a, "base", "a");
        for (String scenario : List.of("b2", "all")) {
            Map<String, String> row = ShocksCommandTest.find(a, scenario, "a");
            // the same paths and the same first order, whichever columns were asked for
            assertEquals(row.get("pnl_explained"), ShocksCommandTest.find(p, scenario, "a").get("pnl_explained"));
            double explained = d(row, "pnl_explained");
            double g = scenario.equals("b2") ? d(base, "d_discount_curve_2Y") : d(base, "rho");
            double se = scenario.equals("b2") ? d(base, "d_discount_curve_2Y_stderr") : d(base, "rho_stderr");
            assertEquals(g * dz, explained, 1e-12 * Math.abs(g * dz), "the bucket's first order");
            // second order: |d2V/dz_t^2| <= T^2 (S + K) for a call (discounting and drift each bring a factor T),
            // a pillar's weight in z(T) being at most 1
            double second = 0.5 * 1.5 * 1.5 * 200 * dz * dz;
            double tolerance = 4 * (d(row, "pnl_stderr") + Math.abs(se * dz)) + second;
            assertTrue(Math.abs(d(row, "pnl") - explained) <= tolerance, row + " vs " + tolerance);
            assertTrue(Math.abs(d(row, "pnl")) > 10 * tolerance, "the shock moves the price: " + row);
        }
    }

    @Test
    void aBucketTheCurveLacksRejectsThatScenarioNamingTheBucket() throws IOException {
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type,bucket,market",
                "b5,*,discount_curve,0.001,absolute,5Y,c",
                "ok,*,spot,-0.1,relative,,");
        CliRunner.Run run = price(twins(), shocks, "--paths", "2000");
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("bucket: scenario 'b5'") && run.err().contains("no pillar 5Y")
                && run.err().contains("(value '5Y')"), run.err());
        List<Map<String, String>> rows = ShocksCommandTest.rows(run);
        ShocksCommandTest.find(rows, "ok", "cv");
        ShocksCommandTest.find(rows, "b5", "fl");   // the flat twin's market is not shocked: priced unmoved
        assertEquals(0.0, d(ShocksCommandTest.find(rows, "b5", "fl"), "pnl"));
    }

    @Test
    void aMalformedBucketIsAFileLevelError() throws IOException {
        Path shocks = write("s.csv", "scenario,underlying,factor,shift,type,bucket",
                "b,*,discount_curve,0.001,absolute,5X",
                "v,*,vol,0.01,absolute,1Y");
        CliRunner.Run run = price(twins(), shocks, "--paths", "2000");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(shocks + ":2: bucket: unknown tenor word"), run.err());
        assertTrue(run.err().contains(shocks + ":3: bucket: only discount_curve and dividend_curve"), run.err());
    }
}
