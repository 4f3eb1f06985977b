package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.adjointgreeks.bench.BenchmarkCase;
import dev.adjointgreeks.bench.ScalarProgram;
import dev.adjointgreeks.ad.Tape;

/** Smoke tests of the benchmark harness: tiny path counts, and every method computes the same thing. */
class BenchCommandTest {

    @Test
    void benchRunsWithTinyPathCountsAndPrintsJson() throws Exception {
        CliRunner.Run r = CliRunner.run("bench", "--scale", "0.001", "--repeats", "1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(7, doc.get("cases").size());
        JsonNode basket = doc.get("cases").get(3);
        assertEquals("basket-50", basket.get("case").asText());
        assertEquals(101, basket.get("sensitivities").asInt());
        assertEquals(1.0, basket.get("methods").get("primal").get("ratio_to_primal").asDouble(), 0.0);
        assertTrue(basket.get("methods").get("adjoint").get("median_seconds").asDouble() > 0);
        CliRunner.Run table = CliRunner.run("bench", "--scale", "0.001", "--repeats", "1");
        assertEquals(0, table.exit());
        assertTrue(table.out().contains("adjoint/p") && table.out().contains("heston"));
    }

    @Test
    void benchCaseLiborTimesItsFiveMethods() throws Exception {
        CliRunner.Run r = CliRunner.run("bench", "--case", "libor", "--scale", "0.01", "--repeats", "1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode cases = new ObjectMapper().readTree(r.out()).get("cases");
        assertEquals(1, cases.size());
        JsonNode libor = cases.get(0);
        assertEquals("libor", libor.get("case").asText());
        assertEquals(161, libor.get("sensitivities").asInt());
        for (String m : new String[] {"primal", "adjoint", "handwritten", "bump", "forward"}) {
            assertTrue(libor.get("methods").get(m).get("median_seconds").asDouble() > 0, m);
        }
        assertEquals(2, CliRunner.run("bench", "--case", "nope").exit());
    }

    @Test
    void everyMethodOfACaseComputesTheSameGreeks() {
        for (BenchmarkCase c : new BenchmarkCase[] {BenchmarkCase.european(2000), BenchmarkCase.asian(500),
            BenchmarkCase.basket(3, 1000), BenchmarkCase.heston(300), BenchmarkCase.curves(500)}) {
            double primal = c.primal();
            assertEquals(primal, c.generic(), 1e-10 * Math.abs(primal), c.name());
            double[] adjoint = c.adjoint();
            double[] forward = c.forward();
            double[] bump = c.bump();
            assertEquals(primal, adjoint[0], 1e-10 * Math.abs(primal), c.name());
            for (int k = 1; k < adjoint.length; k++) {
                assertEquals(forward[k], adjoint[k], 1e-10 * Math.max(1, Math.abs(adjoint[k])), c.name() + " " + k);
                // Same paths; the difference quotient differs only on paths within h of the payoff's
                // kink. (Under Heston, bumps also flip the variance truncation on some paths: that
                // comparison, with standard errors, is EngineConsistencyTest's.)
                if (!c.name().equals("heston")) {
                    assertEquals(adjoint[k], bump[k], 2e-3 * Math.max(1, Math.abs(adjoint[k])), c.name() + " bump " + k);
                }
            }
        }
    }

    @Test
    void theCurvesCaseBumpsEveryPillarOnTheAdjointsPathsAndReportsItsTargets() throws Exception {
        BenchmarkCase c = BenchmarkCase.curves(500);
        assertEquals(22, c.sensitivities());
        double[] adjoint = c.adjoint();
        double[] bump = c.bumpBuckets();
        assertEquals(adjoint[0], bump[0], 1e-10 * Math.abs(adjoint[0]), "same paths, same price");
        for (int k = 1; k < bump.length; k++) {
            // adjoint[1], adjoint[2] are spot and vol; the pillars follow in the bump's order
            assertEquals(adjoint[2 + k], bump[k], 2e-3 * Math.max(1, Math.abs(adjoint[2 + k])), "pillar " + k);
        }
        CliRunner.Run r = CliRunner.run("bench", "--case", "curves", "--scale", "0.005", "--repeats", "1", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("curves", doc.get("cases").get(0).get("case").asText());
        JsonNode curves = doc.get("curves");
        assertTrue(curves.get("adjoint_curves_over_flat").asDouble() > 0);
        assertTrue(curves.get("bump_buckets_over_adjoint").asDouble() > 0);
        assertTrue(curves.get("tape_bytes_per_block_curves").asLong() > curves.get("tape_bytes_per_block_flat").asLong());
    }

    @Test
    void benchCaseLocalVolAgreesWithItsBumpAndReportsItsTargets() throws Exception {
        // the engine's adjoint (grid on its own tape, lookups on the block tape, one reverse sweep)
        // against the hand-written kernel's central differences of the first quotes, same normals; a
        // bump of 1e-6 (not the bench's 1e-4): on 400 paths a 1e-4 bump crosses kinks of the
        // piecewise-linear lookup and scatters by a few percent (LocalVolCase.bumpQuotes)
        BenchmarkCase c = dev.adjointgreeks.bench.LocalVolQuickBench.benchCase(400);
        double[] adjoint = c.adjoint();
        double[] bump = dev.adjointgreeks.bench.LocalVolQuickBench.bump(c, 6, 1e-6);
        assertEquals(adjoint[0], bump[0], 1e-9 * Math.abs(adjoint[0]), "same paths, same price");
        for (int k = 1; k < bump.length; k++) {
            // adjoint[1] is spot; the quotes follow in the bump's order
            assertEquals(adjoint[1 + k], bump[k], 2e-3 * Math.max(1, Math.abs(adjoint[1 + k])), "quote " + k);
        }
        CliRunner.Run r = CliRunner.run("bench", "--case", "localvol", "--scale", "0.004", "--repeats", "1", "--format",
                "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode lv = new ObjectMapper().readTree(r.out()).get("localvol");
        assertTrue(lv.get("adjoint_over_primal").asDouble() > 0);
        assertTrue(lv.get("bump_all_quotes_over_adjoint").asDouble() > 0);
        assertEquals(103, lv.get("sensitivities").asInt());
        assertTrue(lv.get("tape_bytes_per_block").asLong() > 0);
    }

    @Test
    void benchCaseSecondOrderTimesEveryGreekAgainstTheFirstOrderAdjoint() throws Exception {
        CliRunner.Run r = CliRunner.run("bench", "--case", "second-order", "--scale", "0.01", "--repeats", "1",
                "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(0, doc.get("cases").size());
        JsonNode rows = doc.get("second-order");
        assertEquals(3, rows.size());
        String[] names = {"european", "asian", "basket-10"};
        int[] second = {3, 3, 55};   // gamma, vanna, volga; the basket's 10 x 11 / 2 gammas
        for (int i = 0; i < 3; i++) {
            JsonNode row = rows.get(i);
            assertEquals(names[i], row.get("trade").asText());
            assertEquals(second[i], row.get("secondOrderGreeks").asInt());
            assertTrue(row.get("all").asDouble() > 0 && row.get("first").asDouble() > 0, row.toString());
            assertTrue(row.get("gammaStderr").asDouble() >= 0, row.toString());
            // all by the shipped method: tangent-over-adjoint on the smooth (conditioned) European,
            // Asian and basket; the same Greeks by differences of adjoints beside it, with both ratios
            assertEquals("tangent-over-adjoint", row.get("secondOrderMethod").asText());
            assertTrue(row.get("differences").asDouble() > 0, row.toString());
            assertTrue(row.get("differencesGammaStderr").asDouble() >= 0, row.toString());
            assertEquals(row.get("all").asDouble() / row.get("first").asDouble(), row.get("allOverFirst").asDouble(),
                    1e-12);
            assertEquals(row.get("differences").asDouble() / row.get("first").asDouble(),
                    row.get("differencesOverFirst").asDouble(), 1e-12);
        }
        assertTrue(rows.get(2).get("kinkedAll").asDouble() > 0, "the kinked basket beside the conditioned one");
        CliRunner.Run table = CliRunner.run("bench", "--case", "second-order", "--scale", "0.005", "--repeats", "1");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("all/first") && table.out().contains("diff/first")
                && table.out().contains("basket-10"), table.out());
    }

    @Test
    void scalarProgramGradientsAgree() {
        ScalarProgram p = new ScalarProgram(7);
        double[] a = p.adjointGradient();
        double[] f = p.forwardGradient();
        double[] c = p.centralDifferenceGradient();
        for (int i = 0; i < a.length; i++) {
            assertEquals(f[i], a[i], 1e-12 * Math.max(1, Math.abs(a[i])));
            assertEquals(a[i], c[i], 1e-6 * Math.max(1, Math.abs(a[i])));
        }
        assertEquals(p.primitive(p.point()), p.passive(), 1e-12);
        Tape t = new Tape();
        ScalarProgram.program(t.inputs(p.point()));
        assertEquals(ScalarProgram.OPERATIONS, t.size() - ScalarProgram.INPUTS, "1,000 recorded operations");
    }
}
