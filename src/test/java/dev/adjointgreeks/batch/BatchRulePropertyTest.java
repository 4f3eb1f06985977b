package dev.adjointgreeks.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * The batch rule under random damage: rows of good trades, mutated field by field the way a new
 * user's files are (junk, extreme numbers, control characters, quotes and line breaks, missing or
 * extra fields, duplicate ids), are priced with few paths. Each row must come out exactly once,
 * in order: priced with finite numbers, or rejected naming its file, its first line and a column.
 * Fixed seed in CI ({@code -Dbatch.property.seed=N} to explore, {@code -Dbatch.property.rows=N}
 * for more rows).
 */
class BatchRulePropertyTest {

    static final String[] HEADER = BatchPricerTest.HEADER.split(",");

    static final String[][] GOOD = {
        "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,".split(",", -1),
        "dig,digital,put,bs,100,105,0.5,0.03,0,0.3,,,,,,10,,,,,".split(",", -1),
        "asi,asian,call,bs,100,95,1,0.05,0.01,0.2,,,,12,arithmetic,,,,,,".split(",", -1),
        "geo,asian,put,bs,100,100,2,0.02,0,0.25,,,,4,geometric,,,,,,".split(",", -1),
        "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,1,,,,,,,,".split(",", -1),
        "bup,barrier,put,bs,100,100,1,0.05,0,0.25,120,up-in,,,,,,,,,".split(",", -1),
        "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7".split(",", -1),
        "hdg,digital,call,heston,100,110,0.25,0.03,0,,,,,,,,0.09,2,0.05,0.5,0.3".split(",", -1)};

    /** Values a damaged file holds. */
    static final String[] JUNK = {"", " ", "NaN", "nan", "Infinity", "-Infinity", "abc", "1e308", "-1e308", "1e-320",
        "0", "-0", "-1", "1", "2", "1e6", "1e15", "1e400", "0x10", "1,5", "\"", "\"\"", "\u0001", "\t", "\r", "\n",
        "a\nb", "a\rb", "#", "é", "\uFEFF", "2147483647", "9223372036854775807", "-9223372036854775808", "1.5",
        "call", "put", "european", "digital", "asian", "barrier", "basket", "heston", "bs", "down-out", "up-in",
        "geometric", "0.999999", "-1.0000001", "100000", "10000", "10001", "x".repeat(1_001), "  100  "};

    @TempDir
    Path dir;

    @Test
    void everyMutatedRowIsPricedWithFiniteNumbersOrRejectedExactlyOnce() throws Exception {
        long seed = Long.getLong("batch.property.seed", 20261128L);
        int n = Integer.getInteger("batch.property.rows", 2_000);
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder file = new StringBuilder(String.join(",", HEADER)).append('\n');
        StringBuilder head = null;
        int few = Math.min(n, 300);
        long line = 2;
        List<Long> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] row = mutate(GOOD[rnd.nextInt(GOOD.length)].clone(), i, rnd);
            String text = csvLine(row);
            lines.add(line);
            ids.add(row.length > 0 ? row[0].trim() : "");
            file.append(text).append('\n');
            line += 1 + text.chars().filter(c -> c == '\n').count()
                    + countLoneCr(text);
            if (i + 1 == few) {
                head = new StringBuilder(file);
            }
        }
        Path f = dir.resolve("mutated.csv");
        Files.writeString(f, file, StandardCharsets.UTF_8);
        Path first = dir.resolve("first.csv");
        Files.writeString(first, head, StandardCharsets.UTF_8);
        List<Long> firstLines = lines.subList(0, few);
        List<String> firstIds = ids.subList(0, few);

        long t0 = System.nanoTime();
        int priced = check(f, BatchOptions.of(Method.ADJOINT).withPaths(8L).withGreeks(java.util.Set.of("delta", "vega")),
                lines, ids, seed);
        assertTrue(priced > n / 10 && priced < n, "a mix of priced and rejected rows: " + priced + " of " + n);
        // the first rows under the other methods, variance reductions and second order (slower per row)
        check(first, BatchOptions.of(Method.ANALYTIC), firstLines, firstIds, seed);
        check(first, BatchOptions.of(Method.BUMP).withPaths(4L).withVariance(true, false)
                .withGreeks(java.util.Set.of("delta")), firstLines, firstIds, seed);
        check(first, BatchOptions.of(Method.COMPARE).withPaths(4L).withGreeks(java.util.Set.of("vega")), firstLines,
                firstIds, seed);
        check(first, BatchOptions.of(Method.ADJOINT).withPaths(32L).withVariance(false, true)
                .withGreeks(java.util.Set.of("gamma")), firstLines, firstIds, seed);
        System.out.printf("batch rule property: seed %d, %d rows, %d priced by adjoint, 4 more configurations, %.1f s%n",
                seed, n, priced, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs the batch and asserts the rule row by row; returns the number priced. */
    static int check(Path f, BatchOptions o, List<Long> lines, List<String> ids, long seed) throws Exception {
        int n = lines.size();
        List<Object> out = new ArrayList<>();
        BatchSink sink = new BatchSink() {
            @Override
            public void priced(TradeResult r) {
                out.add(r);
            }

            @Override
            public void rejected(ScenarioRow.Rejected r) {
                out.add(r);
            }
        };
        try (BatchPricer batch = BatchPricer.open(List.of(f), o); TradeExecutor ex = new LocalExecutor(2)) {
            BatchSummary s = batch.run(ex, sink);
            assertEquals(n, s.priced() + s.rejected(), "seed " + seed + ", " + o);
        }
        assertEquals(n, out.size(), "seed " + seed + ": one outcome per row");
        int priced = 0;
        for (int i = 0; i < n; i++) {
            Object o1 = out.get(i);
            String where = "seed " + seed + ", " + o.method() + ", row " + i + " (line " + lines.get(i) + ")";
            if (o1 instanceof ScenarioRow.Rejected r) {
                assertEquals(f.toString(), r.source().file(), where);
                assertEquals((long) lines.get(i), r.source().line(), where + ": " + r.message());
                assertNotNull(r.column(), where);
                assertFalse(r.column().isBlank(), where);
                assertFalse(r.message().contains("\n") || r.message().contains("\r"), where + ": one line");
                assertTrue(r.message().startsWith(f + ":" + lines.get(i) + ": " + r.column() + ": "), r.message());
            } else {
                TradeResult r = (TradeResult) o1;
                assertEquals(ids.get(i), r.id(), where);
                for (Map.Entry<String, Double> e : r.values().entrySet()) {
                    double v = e.getValue();
                    String c = e.getKey();
                    boolean documentedEmpty = Double.isNaN(v) && (c.endsWith("_z") || c.endsWith("_z_analytic")
                            || c.endsWith("_analytic") || c.equals("time_analytic_ms"));
                    assertTrue(Double.isFinite(v) || documentedEmpty, where + ": " + c + " = " + v);
                }
                priced++;
            }
        }
        return priced;
    }

    /** JSON values a damaged trade holds: wrong types, nested structures, extremes. */
    static final String[] JSON_JUNK = {"null", "true", "\"\"", "\"abc\"", "\"1e308\"", "1e308", "-1e308", "1e-320",
        "1e400", "0", "-1", "2", "0.5", "[]", "[1]", "[1, 2]", "[[1, 0], [0, 1]]", "[[1, 2], [2, 1]]", "[\"a\", 1]",
        "[[1], [0, 1]]", "{}", "{\"a\": 1}", "[null]", "\"\\u0001\"", "\"a\\nb\"", "100", "1e15", "10001",
        "[100, 95, 90]", "[0.2, -0.3]", "\"bs\"", "\"heston\"", "\"bachelier\"", "\"basket\"", "\"nowhere\"",
        "\"m\""};

    static final String[] JSON_GOOD = {
        "{\"id\": \"b\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, "
                + "\"weights\": [0.5, 0.5], \"market\": \"m\"}",
        "{\"id\": \"x\", \"product\": \"exchange\", \"maturity\": 0.5, \"spots\": [50, 52], \"vols\": [0.35, 0.25], "
                + "\"dividends\": [0, 0], \"rate\": 0.02, \"correlation\": [[1, -0.2], [-0.2, 1]]}",
        "{\"id\": \"v\", \"product\": \"european\", \"type\": \"put\", \"strike\": 100, \"maturity\": 1, "
                + "\"spot\": 100, \"vol\": 0.2, \"rate\": 0.05, \"dividend\": 0}",
        "{\"id\": \"h\", \"product\": \"digital\", \"type\": \"call\", \"model\": \"heston\", \"strike\": 100, "
                + "\"maturity\": 0.5, \"spot\": 100, \"rate\": 0.03, \"dividend\": 0, \"heston_v0\": 0.04, "
                + "\"heston_kappa\": 1.5, \"heston_theta\": 0.04, \"heston_xi\": 0.3, \"heston_rho\": -0.7}"};

    @Test
    void everyMutatedJsonTradeIsPricedWithFiniteNumbersOrRejectedExactlyOnce() throws Exception {
        long seed = Long.getLong("batch.property.seed", 20261128L);
        int n = Integer.getInteger("batch.property.json", 600);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x150L);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder file = new StringBuilder("{\"markets\": {\"m\": {\"spots\": [100, 95], \"vols\": [0.2, 0.3], "
                + "\"rate\": 0.03, \"correlation\": [[1, 0.5], [0.5, 1]]}},\n\"trades\": [\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode)
                    mapper.readTree(JSON_GOOD[rnd.nextInt(JSON_GOOD.length)]);
            t.put("id", t.get("id").asText() + "-" + i);
            List<String> keys = new ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            int k = rnd.nextInt(4);
            for (int m = 0; m < k; m++) {
                String key = keys.get(1 + rnd.nextInt(keys.size() - 1));
                String junk = JSON_JUNK[rnd.nextInt(JSON_JUNK.length)];
                t.set(key, mapper.readTree(junk));
            }
            if (rnd.nextDouble() < 0.03) {
                t.remove(keys.get(1 + rnd.nextInt(keys.size() - 1)));
            }
            String junk = JSON_JUNK[rnd.nextInt(JSON_JUNK.length)];
            // a whole trade replaced by junk; an unknown key would make the whole file bad (exit 2), by design
            String text = rnd.nextDouble() < 0.02 && !junk.contains("\"a\":") ? junk : mapper.writeValueAsString(t);
            ids.add(t.get("id").asText());
            file.append(text).append(i + 1 < n ? ",\n" : "\n");
        }
        file.append("]}\n");
        Path f = dir.resolve("mutated.json");
        Files.writeString(f, file, StandardCharsets.UTF_8);
        List<Object> out = new ArrayList<>();
        BatchSink sink = new BatchSink() {
            @Override
            public void priced(TradeResult r) {
                out.add(r);
            }

            @Override
            public void rejected(ScenarioRow.Rejected r) {
                out.add(r);
            }
        };
        try (BatchPricer batch = BatchPricer.open(List.of(f), BatchOptions.of(Method.ADJOINT).withPaths(8L)
                .withGreeks(java.util.Set.of("delta"))); TradeExecutor ex = new LocalExecutor(2)) {
            batch.run(ex, sink);
        }
        assertEquals(n, out.size(), "seed " + seed + ": one outcome per trade");
        int priced = 0;
        for (int i = 0; i < n; i++) {
            String where = "seed " + seed + ", trade " + i;
            if (out.get(i) instanceof ScenarioRow.Rejected r) {
                assertEquals(i + 3, r.source().line(), where + ": " + r.message());
                assertFalse(r.column().isBlank(), where);
                assertFalse(r.message().contains("\n"), where);
            } else {
                TradeResult r = (TradeResult) out.get(i);
                assertEquals(ids.get(i), r.id(), where);
                r.values().forEach((c, v) -> assertTrue(Double.isFinite(v), where + ": " + c + " = " + v));
                priced++;
            }
        }
        assertTrue(priced > n / 10 && priced < n, "a mix: " + priced + " of " + n);
    }

    /** Up to three damaged fields, sometimes a missing or extra field, sometimes a reused id. */
    static String[] mutate(String[] row, int i, SplittableRandom rnd) {
        row[0] = row[0] + "-" + i;
        int k = rnd.nextInt(4);
        for (int m = 0; m < k; m++) {
            int c = rnd.nextInt(row.length);
            row[c] = switch (rnd.nextInt(4)) {
                case 0 -> JUNK[rnd.nextInt(JUNK.length)];
                case 1 -> Double.toString(Math.pow(10, rnd.nextDouble(-12, 12)) * (rnd.nextBoolean() ? 1 : -1));
                case 2 -> Double.toString(rnd.nextDouble(-2, 2));
                default -> row[c] + JUNK[rnd.nextInt(JUNK.length)];
            };
        }
        double shape = rnd.nextDouble();
        if (shape < 0.03) {
            row = Arrays.copyOf(row, row.length - 1 - rnd.nextInt(row.length - 2));
        } else if (shape < 0.05) {
            row = Arrays.copyOf(row, row.length + 1);
            row[row.length - 1] = "extra";
        } else if (shape < 0.08 && i > 0) {
            row[0] = "eu-" + rnd.nextInt(i);   // maybe a duplicate of an earlier id
        }
        return row;
    }

    /** RFC 4180, and a field that would start a comment line is quoted too. */
    static String csvLine(String[] row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            String v = row[i] == null ? "" : row[i];
            if (i > 0) {
                sb.append(',');
            }
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    || (i == 0 && (v.startsWith("#") || v.isEmpty() || v.isBlank()));
            sb.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return sb.toString();
    }

    private static long countLoneCr(String s) {
        long c = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                c++;
            }
        }
        return c;
    }
}
