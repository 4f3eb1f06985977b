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
 * {@code scenarios/vol-surface.json} (a 6 x 7 Heston-implied skew, Europeans under {@code bs}): the
 * long layout with totals gives every trade, and TOTAL, one row per quote labelled as written, summing
 * to its {@code vega} to 1e-10 relative (the same adjoints added in another order); the Monte Carlo
 * price, delta and vega of each trade lie within 4 standard errors of its closed form at the
 * interpolated vol.
 */
class VolSurfaceScenarioTest {

    private static final Path SURFACE = Path.of("scenarios/vol-surface.json");
    private static final List<String> EXPIRIES = List.of("3M", "6M", "1Y", "18M", "2Y", "3Y");
    private static final List<String> STRIKES = List.of("70", "80", "90", "100", "110", "120", "130");

    @TempDir
    Path dir;

    @Test
    void everyTradeHasEveryQuoteAndTheQuotesSumToVega() throws IOException {
        Path out = dir.resolve("long.csv");
        CliRunner.Run r = CliRunner.run("price", SURFACE.toString(), "--paths", "400", "--quiet", "--layout", "long",
                "--totals", "--greeks", "vega,d_vol_surface", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, Map<String, Double>> quotes = new LinkedHashMap<>();
        Map<String, Double> vega = new LinkedHashMap<>();
        for (Map<String, String> row : PriceCommandTest.readCsv(Files.readString(out))) {
            double v = Double.parseDouble(row.get("value"));
            assertTrue(Double.isFinite(v), row.toString());
            if (row.get("factor").equals("vol_surface")) {
                assertEquals(null, quotes.computeIfAbsent(row.get("id"), k -> new LinkedHashMap<>()).put(row.get("bucket"),
                        v), row.toString());
            } else if (row.get("factor").equals("vega")) {
                vega.put(row.get("id"), v);
            }
        }
        assertEquals(11, quotes.size(), "six bs and four localvol trades and TOTAL: " + quotes.keySet());
        for (Map.Entry<String, Map<String, Double>> e : quotes.entrySet()) {
            List<String> labels = new java.util.ArrayList<>();
            for (String x : EXPIRIES) {
                for (String k : STRIKES) {
                    labels.add(x + "/" + k);
                }
            }
            assertEquals(labels, List.copyOf(e.getValue().keySet()), e.getKey() + ": quotes as written, row-major");
            double sum = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            double parallel = vega.get(e.getKey());
            assertTrue(parallel != 0.0, e.getKey());
            assertEquals(parallel, sum, 1e-10 * Math.abs(parallel), e.getKey());
        }
    }

    @Test
    void monteCarloAgreesWithTheClosedFormAtTheInterpolatedVol() throws IOException {
        // the bs Europeans have a closed form at the interpolated vol; the localvol trades none (each rejected once)
        Map<String, Map<String, String>> analytic = rows("analytic", 2);
        assertEquals(6, analytic.size(), analytic.keySet().toString());
        Map<String, Map<String, String>> adjoint = rows("adjoint", 20_000);
        assertEquals(10, adjoint.size());
        for (String id : analytic.keySet()) {
            for (String g : List.of("price", "delta", "vega")) {
                double expected = Double.parseDouble(analytic.get(id).get(g));
                double mc = Double.parseDouble(adjoint.get(id).get(g));
                double se = Double.parseDouble(adjoint.get(id).get(g + "_stderr"));
                // a standard error of 0 means exact to rounding (written 0 below 1e-12 of the value)
                assertTrue(Math.abs(mc - expected) <= Math.max(4 * se, 1e-12 * Math.abs(expected)), id + " " + g + ": " + mc + " +- " + se + " vs " + expected);
            }
        }
    }

    private Map<String, Map<String, String>> rows(String method, int paths) throws IOException {
        Path out = dir.resolve(method + ".csv");
        CliRunner.Run r = CliRunner.run("price", SURFACE.toString(), "--method", method, "--paths", Integer.toString(paths),
                "--quiet", "--greeks", "price,delta,vega", "--out", out.toString());
        if (method.equals("analytic")) {
            assertEquals(3, r.exit(), r.err());
            assertEquals(4, r.err().lines().filter(l -> l.startsWith(SURFACE + ":")).count(), r.err());
        } else {
            assertEquals(0, r.exit(), r.err());
        }
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        for (Map<String, String> row : PriceCommandTest.readCsv(Files.readString(out))) {
            byId.put(row.get("id"), row);
        }
        return byId;
    }
}
