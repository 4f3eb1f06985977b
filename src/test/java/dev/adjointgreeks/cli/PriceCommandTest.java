package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.closedform.HestonFormula;

/** End to end: the CLI on files in a temporary folder. */
class PriceCommandTest {

    static final String HEADER = "id,product,type,model,spot,strike,maturity,rate,dividend,vol,barrier,barrier_kind,"
            + "rebate,fixings,averaging,payout,heston_v0,heston_kappa,heston_theta,heston_xi,heston_rho";

    static final List<String> GOOD_ROWS = List.of(
            "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,",
            "eu-put,european,put,bs,100,110,0.5,0.03,0,0.3,,,,,,,,,,,",
            "dig,digital,call,bs,100,105,1,0.03,0,0.2,,,,,,10,,,,,",
            "geo,asian,put,bs,100,100,1,0.05,0.01,0.2,,,,12,geometric,,,,,,",
            "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,,,,,,,,,",
            "bar-in,barrier,put,bs,100,100,1,0.05,0,0.25,120,up-in,1,,,,,,,,",
            "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7");

    @TempDir
    Path dir;

    private Path write(String name, List<String> lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    private Path goodFile() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(GOOD_ROWS);
        return write("good.csv", lines);
    }

    static List<Map<String, String>> readCsv(String text) {
        String[] lines = text.strip().split("\n");
        String[] head = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < head.length; c++) {
                row.put(head[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    private static void near(String what, double expected, Map<String, String> row, String col, double bias) {
        double v = d(row, col);
        double se = d(row, col + "_stderr");
        assertTrue(Math.abs(v - expected) <= 4 * se + Math.abs(bias) + 1e-12,
                what + " " + col + ": " + v + " vs " + expected + " (se " + se + ", bias " + bias + ")");
    }

    @Test
    void pricesEveryProductAgainstClosedForm() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRunner.Run r = CliRunner.run("price", goodFile().toString(), "--out", out.toString(), "--paths", "40000",
                "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<Map<String, String>> rows = readCsv(Files.readString(out));
        assertEquals(GOOD_ROWS.size(), rows.size());
        String header = Files.readAllLines(out).get(0);
        assertTrue(header.startsWith("id,product,model,method,paths,seed,price,price_stderr,delta,delta_stderr,gamma,"));
        assertTrue(header.endsWith("d_heston_rho,d_heston_rho_stderr,time_ms"), header);

        Map<String, Map<String, String>> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("id"), row));
        var eu = BlackScholesFormula.greeks(CallPut.CALL, 100, 100, 1, 0.05, 0.01, 0.2);
        near("eu", eu.price(), byId.get("eu"), "price", 0);
        near("eu", eu.delta(), byId.get("eu"), "delta", 0);
        near("eu", eu.vega(), byId.get("eu"), "vega", 0);
        assertEquals("", byId.get("eu").get("d_barrier"), "a Greek that does not apply is an empty cell");
        var put = BlackScholesFormula.greeks(CallPut.PUT, 100, 110, 0.5, 0.03, 0, 0.3);
        near("eu-put", put.price(), byId.get("eu-put"), "price", 0);
        near("eu-put", put.theta(), byId.get("eu-put"), "theta", 0);
        // the digital is the conditional expectation over its one exact step: the closed form
        double exactDigital = 10 * Math.exp(-0.03) * dev.adjointgreeks.ad.Fn.normCdf(
                (Math.log(100.0 / 105) + 0.03 - 0.02) / 0.2);
        near("dig", exactDigital, byId.get("dig"), "price", 0);

        Map<String, Map<String, String>> analytic = new HashMap<>();
        CliRunner.Run a = CliRunner.run("price", goodFile().toString(), "--method", "analytic", "--quiet");
        assertEquals(0, a.exit(), a.err());
        readCsv(a.out()).forEach(row -> analytic.put(row.get("id"), row));
        assertEquals("0.0", analytic.get("eu").get("price_stderr"));
        for (String id : new String[] {"geo", "bar", "bar-in"}) {
            for (String g : new String[] {"price", "delta", "vega", "rho"}) {
                near(id, d(analytic.get(id), g), byId.get(id), g, 0);
            }
        }
        double heston = HestonFormula.price(CallPut.CALL,
                new HestonFormula.Params(100, 0.04, 1.5, 0.04, 0.3, -0.7, 0.03, 0), 100, 1);
        assertEquals(heston, d(analytic.get("hes"), "price"), 1e-9);
        // 100 Euler steps: the discretisation bias measured in HestonMonteCarloTest is below 0.5% here
        near("hes", heston, byId.get("hes"), "price", 0.005 * heston);
        assertEquals("", byId.get("hes").get("vega"), "Heston rows leave vega empty");
    }

    @Test
    void brokenRowsAreReportedAndTheRestIsPriced() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("ok1,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");                 // line 2
        lines.add("nan-vol,european,call,bs,100,100,1,0.05,0,NaN,,,,,,,,,,,");             // 3
        lines.add("neg-vol,european,call,bs,100,100,1,0.05,0,-0.2,,,,,,,,,,,");            // 4
        lines.add("mat0,european,call,bs,100,100,0,0.05,0,0.2,,,,,,,,,,,");                // 5
        lines.add("neg-spot,european,call,bs,-100,100,1,0.05,0,0.2,,,,,,,,,,,");           // 6
        lines.add("no-strike,european,call,bs,100,,1,0.05,0,0.2,,,,,,,,,,,");              // 7
        lines.add("bad-num,european,call,bs,100,abc,1,0.05,0,0.2,,,,,,,,,,,");             // 8
        lines.add("unknown,swaption,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");             // 9
        lines.add("bad-type,european,straddle,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");        // 10
        lines.add("bad-model,european,call,sabr,100,100,1,0.05,0,0.2,,,,,,,,,,,");         // 11
        lines.add("no-barrier,barrier,call,bs,100,100,1,0.05,0,0.2,,down-out,,,,,,,,,");   // 12
        lines.add("nan-barrier,barrier,call,bs,100,100,1,0.05,0,0.2,NaN,down-out,,,,,,,,,"); // 13
        lines.add("neg-barrier,barrier,call,bs,100,100,1,0.05,0,0.2,-5,down-out,,,,,,,,,"); // 14
        lines.add("no-kind,barrier,call,bs,100,100,1,0.05,0,0.2,90,,,,,,,,,,");            // 15
        lines.add("neg-rebate,barrier,call,bs,100,100,1,0.05,0,0.2,90,down-out,-1,,,,,,,,"); // 16
        lines.add("ok1,european,put,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");                  // 17 duplicate id
        lines.add("heston-asian,asian,call,heston,100,100,1,0.05,0,,,,,12,,,0.04,1,0.04,0.3,-0.5"); // 18
        lines.add("");                                                                       // 19 blank
        lines.add("# a comment");                                                            // 20
        lines.add("ok2,digital,put,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");                  // 21
        Path f = write("broken.csv", lines);
        Path out = dir.resolve("out.csv");
        CliRunner.Run r = CliRunner.run("price", f.toString(), "--out", out.toString(), "--paths", "2000", "--quiet");
        assertEquals(3, r.exit(), r.err());
        List<Map<String, String>> rows = readCsv(Files.readString(out));
        assertEquals(List.of("ok1", "ok2"), rows.stream().map(m -> m.get("id")).toList());
        String err = r.err();
        String name = f.toString();
        for (String expected : new String[] {
            name + ":3: vol: is NaN (value 'NaN')",
            name + ":4: vol: must be in [0, 5] under the bs model (README, Input ranges) (value '-0.2')",
            name + ":5: maturity: must be in [1.0E-4, 100] under the bs model (README, Input ranges) (value '0')",
            name + ":6: spot: must be in [1.0E-6, 1.0E12] under the bs model (README, Input ranges) (value '-100')",
            name + ":7: strike: is required",
            name + ":8: strike: is not a number (value 'abc')",
            name + ":9: product: unknown product",
            name + ":10: type: unknown option type (expected call or put) (value 'straddle')",
            name + ":11: model: unknown model (expected bs, heston, bachelier or localvol) (value 'sabr')",
            name + ":12: barrier: is required",
            name + ":13: barrier: is NaN (value 'NaN')",
            name + ":14: barrier: must be in [1.0E-6, 1.0E12] under the bs model (README, Input ranges) (value '-5')",
            name + ":15: barrier_kind: is required",
            name + ":16: rebate: must be in [0, 1.0E12] under the bs model (README, Input ranges) (value '-1')",
            name + ":17: id: duplicate id in this run (value 'ok1')",
            name + ":18: model: product 'asian' needs a model with steps exact in distribution (it simulates its fixing dates only); the heston model has none"}) {
            assertTrue(err.contains(expected), "stderr should contain\n  " + expected + "\nbut was\n" + err);
        }
        assertFalse(err.contains("Exception"), "no stack trace for bad input");
        assertFalse(err.contains(":19:") || err.contains(":20:"), "blank and comment lines are skipped");
    }

    @Test
    void fileLevelProblemsExitTwoWithoutOutput() throws IOException {
        Path out = dir.resolve("out.csv");
        Path unknownCol = write("unknown.csv", List.of("id,product,colour", "a,european,red"));
        CliRunner.Run r = CliRunner.run("price", unknownCol.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown column colour"), r.err());
        assertFalse(Files.exists(out));

        Path ignored = write("ignored.csv", List.of(HEADER + ",colour", GOOD_ROWS.get(0) + ",red"));
        assertEquals(0, CliRunner.run("price", ignored.toString(), "--ignore-unknown-columns", "--paths", "1000",
                "--quiet").exit());

        assertEquals(2, CliRunner.run("price", write("empty.csv", List.of()).toString()).exit());
        assertEquals(2, CliRunner.run("price", dir.resolve("missing.csv").toString()).exit());
        assertEquals(2, CliRunner.run("price", write("x.txt", List.of("a")).toString()).exit());
        CliRunner.Run malformed = CliRunner.run("price", write("quote.csv",
                List.of(HEADER, "\"eu,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,")).toString(), "--out",
                out.toString());
        // found only while streaming: the rest of the file is one rejection at its first line (exit 3)
        assertEquals(3, malformed.exit(), malformed.err());
        assertTrue(malformed.err().contains("quote.csv:2: row: malformed CSV"), malformed.err());
        assertFalse(malformed.err().contains("Exception"), malformed.err());
        Files.deleteIfExists(out);
        CliRunner.Run badJson = CliRunner.run("price", write("bad.json", List.of("{\"trades\": [ {\"id\": }")).toString());
        assertEquals(2, badJson.exit());
        assertTrue(badJson.err().contains("malformed JSON"), badJson.err());
        assertEquals(2, CliRunner.run("price", goodFile().toString(), "--method", "magic").exit());
        assertEquals(2, CliRunner.run("price", goodFile().toString(), "--greeks", "charm").exit());
        assertEquals(2, CliRunner.run("price").exit(), "a file is required");

        CliRunner.Run headerOnly = CliRunner.run("price", write("h.csv", List.of(HEADER)).toString());
        assertEquals(0, headerOnly.exit());
        assertTrue(headerOnly.out().startsWith("id,product,model,method,paths,seed,price"));
    }

    @Test
    void failFastLeavesNoOutputFileAndAnExistingFileUntouched() throws IOException {
        Path f = write("ff.csv", List.of(HEADER, GOOD_ROWS.get(0), "bad,european,call,bs,100,100,1,0.05,0,-1,,,,,,,,,,,",
                GOOD_ROWS.get(1)));
        Path out = dir.resolve("result.csv");
        Files.writeString(out, "previous results\n");
        CliRunner.Run r = CliRunner.run("price", f.toString(), "--out", out.toString(), "--fail-fast", "--paths", "1000");
        assertEquals(3, r.exit());
        assertEquals("previous results\n", Files.readString(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void resultsDoNotDependOnRowOrderOrThreads() throws IOException {
        List<String> shuffled = new ArrayList<>(GOOD_ROWS);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.add(0, HEADER);
        Path a = goodFile();
        Path b = write("shuffled.csv", shuffled);
        Map<String, String> first = byIdWithoutTime(CliRunner.run("price", a.toString(), "--paths", "3000", "--quiet",
                "--threads", "1").out());
        Map<String, String> second = byIdWithoutTime(CliRunner.run("price", b.toString(), "--paths", "3000", "--quiet",
                "--threads", "2").out());
        assertEquals(first, second);
        // and the output order is the input order
        List<Map<String, String>> rows = readCsv(CliRunner.run("price", b.toString(), "--paths", "1000", "--quiet").out());
        assertEquals(shuffled.subList(1, shuffled.size()).stream().map(l -> l.split(",")[0]).toList(),
                rows.stream().map(m -> m.get("id")).toList());
    }

    private static Map<String, String> byIdWithoutTime(String csv) {
        Map<String, String> m = new HashMap<>();
        for (String line : csv.strip().split("\n")) {
            m.put(line.split(",")[0], line.substring(0, line.lastIndexOf(',')));
        }
        return m;
    }

    @Test
    void jsonLinesCompareTotalsAndJsonInput() throws IOException {
        CliRunner.Run j = CliRunner.run("price", goodFile().toString(), "--format", "jsonl", "--paths", "2000",
                "--quiet", "--greeks", "delta,vega");
        assertEquals(0, j.exit(), j.err());
        ObjectMapper mapper = new ObjectMapper();
        String[] lines = j.out().strip().split("\n");
        assertEquals(GOOD_ROWS.size(), lines.length);
        JsonNode first = mapper.readTree(lines[0]);
        assertEquals("eu", first.get("id").asText());
        assertTrue(first.has("delta") && first.has("vega_stderr") && !first.has("gamma") && !first.has("rho"));

        CliRunner.Run c = CliRunner.run("price", goodFile().toString(), "--method", "compare", "--paths", "4000",
                "--quiet", "--greeks", "delta,rho");
        assertEquals(0, c.exit(), c.err());
        Map<String, String> eu = readCsv(c.out()).get(0);
        for (String col : new String[] {"delta_adjoint", "delta_bump", "delta_analytic", "rho_z_analytic",
            "time_adjoint_ms", "time_bump_ms", "time_analytic_ms"}) {
            assertFalse(eu.get(col).isEmpty(), col);
        }
        // delta_z is empty where neither estimator has variance (the conditioned one-step European)
        assertTrue(!eu.get("delta_z").isEmpty() && Math.abs(d(eu, "delta_z")) < 4
                || Math.abs(d(eu, "delta_adjoint") - d(eu, "delta_bump")) < 1e-6);

        Path f = write("t.csv", List.of(HEADER + ",quantity,underlying", GOOD_ROWS.get(0) + ",10,A",
                GOOD_ROWS.get(1) + ",-2,A", GOOD_ROWS.get(2) + ",1,B"));
        List<Map<String, String>> tot = readCsv(CliRunner.run("price", f.toString(), "--totals", "--paths", "2000",
                "--quiet").out());
        assertEquals(List.of("eu", "eu-put", "dig", "TOTAL:A", "TOTAL:B", "TOTAL"), tot.stream().map(m -> m.get("id")).toList());
        assertEquals(10 * d(tot.get(0), "delta") - 2 * d(tot.get(1), "delta"), d(tot.get(3), "delta"), 1e-12);
        assertEquals(d(tot.get(3), "price") + d(tot.get(4), "price"), d(tot.get(5), "price"), 1e-9);

        Path json = write("m.json", List.of("{\"markets\": {\"p\": {\"spots\": [100, 95], \"vols\": [0.2, 0.3],",
                "  \"rate\": 0.05, \"correlation\": [[1, 0.5], [0.5, 1]]}},",
                " \"trades\": [",
                "  {\"id\": \"x\", \"product\": \"exchange\", \"maturity\": 1, \"market\": \"p\"},",
                "  {\"id\": \"bad\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1,",
                "   \"weights\": [1], \"market\": \"p\"},",
                "  {\"id\": \"notpd\", \"product\": \"exchange\", \"maturity\": 1, \"spots\": [1, 1], \"vols\": [0.2, 0.2],",
                "   \"rate\": 0, \"correlation\": [[1, 1.5], [1.5, 1]]}",
                " ]}"));
        CliRunner.Run m = CliRunner.run("price", json.toString(), "--paths", "2000", "--quiet");
        assertEquals(3, m.exit(), m.err());
        assertTrue(m.err().contains(json + ":5: weights: 1 weights for 2 assets"), m.err());
        assertTrue(m.err().contains(json + ":7: correlation"), m.err());
        String header = m.out().split("\n")[0];
        assertTrue(header.contains("delta_1,delta_1_stderr,delta_2") && header.contains("gamma_1_2")
                && header.contains("d_corr_1_2") && !header.contains(",delta,"), header);
    }

    @Test
    void aMillionRowsStreamInLittleMemory() throws Exception {
        Path big = dir.resolve("big.csv");
        try (var w = Files.newBufferedWriter(big)) {
            w.write("id,product,type,spot,strike,maturity,rate,dividend,vol\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("t" + i + ",european," + (i % 2 == 0 ? "call" : "put") + ",100," + (80 + i % 40)
                        + ",1,0.03,0.01,0.2\n");
            }
        }
        Path out = dir.resolve("big-out.csv");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), GreeksCommand.class.getName(), "price", big.toString(),
                "--method", "analytic", "--greeks", "delta", "--quiet", "--out", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        try (Stream<String> lines = Files.lines(out)) {
            assertEquals(1_000_001, lines.count());
        }
    }
}
