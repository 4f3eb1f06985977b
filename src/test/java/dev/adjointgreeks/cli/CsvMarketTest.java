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
 * {@code greeks price book.csv --market markets.json}: a CSV book on the markets of a markets file
 * gives, to the last bit, the numbers of the JSON scenario that writes the same trades on the same
 * market ({@code scenarios/curves-book.csv} + {@code scenarios/markets.json} against
 * {@code scenarios/curves.json}, whose seed 19 is given on the command line): under every method, in
 * the long layout with totals, in the CRIF and under shocks on the curves. A row's own cells override
 * its market's as a JSON trade's fields do. Bad input: an unknown market rejects its row (exit 3), a
 * bad markets file or a {@code market} column without {@code --market} stops the run (exit 2).
 * Every run here is 64 paths and first-order Greeks (the buckets included): equality does not depend
 * on the path count, and second order is the same sweeps again.
 */
class CsvMarketTest {

    private static final String BOOK = "scenarios/curves-book.csv";
    private static final String MARKETS = "scenarios/markets.json";
    private static final String JSON = "scenarios/curves.json";
    private static final String PATHS = "64";
    private static final String GREEKS = "delta,vega,rho,dividend_rho,d_discount_curve,d_dividend_curve";

    @TempDir
    Path dir;

    /** Runs the CSV book and the JSON scenario with the same options; returns both outputs' text. */
    private String[] both(String... options) throws IOException {
        String[] out = new String[2];
        for (int i = 0; i < 2; i++) {
            Path o = dir.resolve((i == 0 ? "csv" : "json") + ".csv");
            List<String> args = new ArrayList<>(i == 0 ? List.of("price", BOOK, "--market", MARKETS, "--seed", "19")
                    : List.of("price", JSON));
            args.addAll(List.of("--paths", PATHS, "--quiet", "--threads", "2", "--out", o.toString()));
            args.addAll(List.of(options));
            CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
            assertTrue(r.exit() == 0 || r.exit() == 3, r.err());
            out[i] = Files.readString(o);
        }
        return out;
    }

    /** Every value of the JSON run's rows equals the CSV run's, cell for cell (wall-clock columns aside). */
    private static void assertSameNumbers(String what, String csv, String json) {
        List<Map<String, String>> a = PriceCommandTest.readCsv(csv);
        List<Map<String, String>> b = PriceCommandTest.readCsv(json);
        assertEquals(b.size(), a.size(), what + ": rows");
        int compared = 0;
        for (int i = 0; i < b.size(); i++) {
            for (Map.Entry<String, String> e : b.get(i).entrySet()) {
                if (e.getKey().startsWith("time") || e.getKey().endsWith("_ms")) {
                    continue;
                }
                assertEquals(e.getValue(), a.get(i).get(e.getKey()), what + ": row " + (i + 1) + " column " + e.getKey());
                compared++;
            }
        }
        assertTrue(compared > 100, what + ": only " + compared + " cells");
    }

    @Test
    void everyMethodGivesTheJsonScenariosNumbers() throws IOException {
        for (String m : List.of("adjoint", "bump", "analytic", "compare")) {
            String[] r = both("--method", m, "--greeks", GREEKS);
            assertTrue(r[0].contains("d_discount_curve_30Y") && r[0].contains("d_dividend_curve_3M"), r[0]);
            assertSameNumbers(m, r[0], r[1]);
        }
    }

    @Test
    void theLongLayoutTotalsCrifAndShocksGiveTheJsonScenariosNumbers() throws IOException {
        String[] r = both("--layout", "long", "--totals", "--greeks", GREEKS);
        assertTrue(r[0].contains("\nTOTAL,spx-usd,discount_curve,5Y,"), "market named in the long layout: " + r[0]);
        assertSameNumbers("long", r[0], r[1]);

        String[] crif = new String[2];
        String[] wide = new String[2];
        for (int i = 0; i < 2; i++) {
            Path c = dir.resolve("crif-" + i + ".csv");
            List<String> args = new ArrayList<>(i == 0 ? List.of("price", BOOK, "--market", MARKETS, "--seed", "19")
                    : List.of("price", JSON));
            args.addAll(List.of("--paths", PATHS, "--quiet", "--totals", "--greeks", GREEKS, "--crif", c.toString()));
            CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());
            wide[i] = run.out();
            crif[i] = Files.readString(c);
        }
        assertTrue(wide[0].contains("\nTOTAL,total,"), wide[0]);
        assertSameNumbers("wide with totals", wide[0], wide[1]);
        assertTrue(crif[0].contains(",Risk_IRCurve,USD,1,5y,OIS,"), crif[0]);
        assertSameNumbers("crif", crif[0], crif[1]);

        Path shocks = dir.resolve("shocks.csv");
        Files.writeString(shocks, "scenario,underlying,factor,shift,type,bucket,market\n"
                + "spot-down,*,spot,-0.05,relative,,\n"
                + "dc-5y,*,discount_curve,0.001,absolute,5Y,spx-usd\n"
                + "dividends,*,dividend_curve,0.001,absolute,,spx-usd\n");
        String[] s = both("--shocks", shocks.toString(), "--greeks", GREEKS);
        assertTrue(s[0].contains("\ndc-5y,"), s[0]);
        assertSameNumbers("shocks", s[0], s[1]);
    }

    @Test
    void aRowsOwnCellsOverrideItsMarketAsAJsonTradesFieldsDo() throws IOException {
        // row 1: the market's spot and curves; row 2: its own spot and flat rate (the discount curve
        // gives way, the dividend curve stays); row 3: no market, today's flat row
        Path book = dir.resolve("book.csv");
        Files.writeString(book, "id,product,type,strike,maturity,spot,rate,dividend,vol,market\n"
                + "on-market,european,call,100,2,,,,,spx-usd\n"
                + "own-rate,european,call,100,2,104,0.03,,,spx-usd\n"
                + "no-market,european,call,100,2,104,0.03,0.01,0.25,\n");
        String markets = Files.readString(Path.of(MARKETS));
        Path json = dir.resolve("same.json");
        Files.writeString(json, markets.substring(0, markets.lastIndexOf('}')).stripTrailing()
                + ",\n  \"trades\": [\n"
                + "    {\"id\": \"on-market\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 2, \"market\": \"spx-usd\"},\n"
                + "    {\"id\": \"own-rate\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 2, \"spot\": 104, \"rate\": 0.03, \"market\": \"spx-usd\"},\n"
                + "    {\"id\": \"no-market\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 2, \"spot\": 104, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.25}\n"
                + "  ]\n}\n");
        String[] out = new String[2];
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(i == 0 ? List.of("price", book.toString(), "--market", MARKETS)
                    : List.of("price", json.toString()));
            args.addAll(List.of("--paths", PATHS, "--quiet", "--layout", "long"));
            CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            out[i] = r.out();
        }
        assertSameNumbers("override", out[0], out[1]);
        List<Map<String, String>> rows = PriceCommandTest.readCsv(out[0]);
        assertEquals(12, count(rows, "on-market", "discount_curve"));
        assertEquals(0, count(rows, "own-rate", "discount_curve"), "its own rate replaces the market's curve");
        assertEquals(8, count(rows, "own-rate", "dividend_curve"), "the market's dividend curve stays");
        assertEquals(0, count(rows, "no-market", "dividend_curve"));
        assertTrue(out[0].contains("\nown-rate,spx-usd,rho,,") && out[0].contains("\nno-market,,rho,,"), out[0]);
    }

    private static long count(List<Map<String, String>> rows, String id, String factor) {
        return rows.stream().filter(r -> r.get("id").equals(id) && r.get("factor").equals(factor)).count();
    }

    @Test
    void anUnknownMarketRejectsItsRowAndABadMarketsFileOrAMissingOneStopsTheRun() throws IOException {
        Path book = dir.resolve("book.csv");
        Files.writeString(book, "id,product,type,strike,maturity,market\n"
                + "good,european,call,100,1,spx-usd\n"
                + "bad,european,call,100,1,spx-eur\n");
        CliRunner.Run r = CliRunner.run("price", book.toString(), "--market", MARKETS, "--paths", "50", "--quiet");
        assertEquals(3, r.exit(), r.err());
        assertEquals(book + ":3: market: unknown market (value 'spx-eur')", r.err().strip());
        assertTrue(r.out().contains("\ngood,european,bs,") && !r.out().contains("\nbad,"), r.out());

        Path markets = dir.resolve("markets.json");
        Files.writeString(markets, "{\"markets\": {\n  \"spx-usd\": {\"spot\": 100, \"vol\": 0.2,\n"
                + "    \"discount_curve\": {\"tenors\": [\"1Y\", \"6M\"], \"zero_rates\": [0.04, 0.04]}}}}\n");
        r = CliRunner.run("price", book.toString(), "--market", markets.toString(), "--paths", "50", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(markets + ":2:14: discount_curve: "), r.err());
        assertFalse(r.out().contains("good"), r.out());

        Files.writeString(markets, "{\"markets\": {\"spx-usd\": {\"spot\": 100}},\n \"trades\": []}\n");
        r = CliRunner.run("price", book.toString(), "--market", markets.toString(), "--paths", "50", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(markets + ":2:2: unknown key 'trades' (a markets file has only \"markets\")"), r.err());

        r = CliRunner.run("price", book.toString(), "--paths", "50", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(book + ":1: header: the column 'market' names a market of a markets file: give "
                + "the file with --market FILE"), r.err());

        r = CliRunner.run("price", JSON, "--market", MARKETS, "--paths", "50", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--market gives markets to CSV files"), r.err());
    }
}
