package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenarios/curves.json} (a 12-pillar discount curve, an 8-pillar dividend curve, a dozen
 * single-asset trades over every single-asset product) prices with exit 0 in the long layout with
 * totals and in compare mode with the discount buckets; every trade has one row per pillar of each
 * curve, and each curve's buckets sum to its parallel sensitivity ({@code rho}, {@code dividend_rho})
 * to 1e-10 relative: the parallel figure is the sum of the same adjoints, so only the order of a
 * dozen additions separates them (rounding of order 1e-15).
 */
class CurvesScenarioTest {

    private static final Path CURVES = Path.of("scenarios/curves.json");
    private static final int DISCOUNT_PILLARS = 12;
    private static final int DIVIDEND_PILLARS = 8;
    private static final int TRADES = 12;

    @TempDir
    Path dir;

    @Test
    void everyTradeHasEveryBucketAndTheBucketsSumToTheParallelSensitivity() throws IOException {
        Path out = dir.resolve("long.csv");
        // no --greeks: the long layout reports every Greek and every pillar
        CliRunner.Run r = CliRunner.run("price", CURVES.toString(), "--paths", "400", "--quiet", "--layout", "long",
                "--totals", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Map<String, Double>> discount = new LinkedHashMap<>();
        Map<String, Map<String, Double>> dividend = new LinkedHashMap<>();
        Map<String, Double> rho = new LinkedHashMap<>();
        Map<String, Double> dividendRho = new LinkedHashMap<>();
        for (Map<String, String> row : PriceCommandTest.readCsv(Files.readString(out))) {
            String id = row.get("id");
            double v = Double.parseDouble(row.get("value"));
            assertTrue(Double.isFinite(v), row.toString());
            switch (row.get("factor")) {
                case "discount_curve" -> assertEquals(null,
                        discount.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(row.get("bucket"), v), row.toString());
                case "dividend_curve" -> assertEquals(null,
                        dividend.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(row.get("bucket"), v), row.toString());
                case "rho" -> rho.put(id, v);
                case "dividend_rho" -> dividendRho.put(id, v);
                default -> { }
            }
        }
        assertEquals(TRADES + 1, discount.size(), "every trade and TOTAL: " + discount.keySet());
        assertTrue(discount.containsKey("TOTAL"));
        assertEquals(discount.keySet(), dividend.keySet());
        for (String id : discount.keySet()) {
            assertEquals(DISCOUNT_PILLARS, discount.get(id).size(), id);
            assertEquals(DIVIDEND_PILLARS, dividend.get(id).size(), id);
            assertEquals(List.of("1M", "3M", "6M", "9M", "1Y", "18M", "2Y", "3Y", "5Y", "7Y", "10Y", "30Y"),
                    List.copyOf(discount.get(id).keySet()), id + ": pillars as written, in curve order");
            assertSums(id + " discount", discount.get(id), rho.get(id));
            assertSums(id + " dividend", dividend.get(id), dividendRho.get(id));
        }
    }

    private static void assertSums(String what, Map<String, Double> buckets, Double parallel) {
        assertTrue(parallel != null && parallel != 0.0, what + ": parallel sensitivity " + parallel);
        double sum = 0.0;
        for (double b : buckets.values()) {
            sum += b;
        }
        assertEquals(parallel, sum, 1e-10 * Math.abs(parallel), what + " buckets " + buckets);
    }

    @Test
    void comparePricesEveryTradeWithTheDiscountBuckets() throws IOException {
        Path out = dir.resolve("compare.csv");
        CliRunner.Run r = CliRunner.run("price", CURVES.toString(), "--paths", "200", "--quiet", "--method", "compare",
                "--greeks", "d_discount_curve", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<Map<String, String>> rows = PriceCommandTest.readCsv(Files.readString(out));
        assertEquals(TRADES, rows.size());
        for (Map<String, String> row : rows) {
            for (String pillar : List.of("1M", "1Y", "30Y")) {
                String c = "d_discount_curve_" + pillar + "_adjoint";
                assertTrue(Double.isFinite(Double.parseDouble(row.get(c))), row.get("id") + " " + c);
                assertTrue(Double.isFinite(Double.parseDouble(row.get("d_discount_curve_" + pillar + "_bump"))), row.get("id"));
            }
        }
    }
}
