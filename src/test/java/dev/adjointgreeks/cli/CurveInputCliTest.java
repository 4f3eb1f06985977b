package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curves in a JSON market through the CLI: bad structure is file-level ({@code file:line:
 * discount_curve: ...}, exit 2), a rate out of range rejects each trade of the market once (exit
 * 3), both a flat rate and a curve in one market is ambiguous, a trade's own rate overrides its
 * market's curve, and bucket columns appear only when selected.
 */
class CurveInputCliTest {

    @TempDir
    Path dir;

    private Path file(String market) throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": 100, \"vol\": 0.2,\n"
                + market + "}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"m\"},\n"
                + "{\"id\": \"b\", \"product\": \"european\", \"type\": \"put\", \"strike\": 100, \"maturity\": 2, \"market\": \"m\"}\n"
                + "]}");
        return f;
    }

    private CliRunner.Run price(Path f, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("price", f.toString(), "--paths", "2000", "--quiet", "--out",
                dir.resolve("out.csv").toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void structuralFaultsAreFileLevelNamingFileLineAndColumn() throws IOException {
        String[] bad = {
            "\"discount_curve\": {\"tenors\": [\"1Y\", \"3M\"], \"zero_rates\": [0.03, 0.04]}, \"dividend\": 0",
            "\"discount_curve\": {\"tenors\": [\"1Y\", \"12M\"], \"zero_rates\": [0.03, 0.04]}, \"dividend\": 0",
            "\"discount_curve\": {\"tenors\": [\"1Y\", \"2Y\"], \"zero_rates\": [0.03]}, \"dividend\": 0",
            "\"discount_curve\": {\"tenors\": [\"1Q\"], \"zero_rates\": [0.03]}, \"dividend\": 0",
            "\"discount_curve\": {\"tenors\": [\"1Y\"], \"zero_rates\": [0.03]}, \"rate\": 0.03, \"dividend\": 0",
        };
        for (String m : bad) {
            CliRunner.Run r = price(file(m));
            assertEquals(2, r.exit(), m + ": " + r.err());
            assertTrue(r.err().contains(dir.resolve("m.json") + ":1: discount_curve: "), r.err());
            assertFalse(Files.exists(dir.resolve("out.csv")), "no output on a file-level error");
        }
        CliRunner.Run r = price(file("\"rate\": 0.03, \"dividend_curve\": {\"tenors\": [\"2Y\", \"1Y\"], \"yields\": [0, 0]}"));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(":1: dividend_curve: pillars must be in increasing time"), r.err());
    }

    @Test
    void aRateOutOfRangeRejectsEachTradeOfTheMarketOnce() throws IOException {
        Path f = file("\"discount_curve\": {\"tenors\": [\"1Y\", \"5Y\"], \"zero_rates\": [0.03, 3.0]}, \"dividend\": 0");
        CliRunner.Run r = price(f);
        assertEquals(3, r.exit(), r.err());
        String line = ": discount_curve: rate at pillar 5Y must lie in [-1, 1] (value '3.0')";
        assertTrue(r.err().contains(f + ":4" + line), r.err());
        assertTrue(r.err().contains(f + ":5" + line), r.err());
        assertEquals(2, r.err().split("discount_curve: rate at pillar", -1).length - 1, r.err());
    }

    @Test
    void bucketColumnsOnlyWhenSelectedAndATradesRateOverridesTheCurve() throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": 100, \"vol\": 0.2, \"dividend\": 0,\n"
                + "\"discount_curve\": {\"tenors\": [\"3M\", \"1Y\", 2.5], \"zero_rates\": [0.03, 0.035, 0.04]}}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"m\"},\n"
                + "{\"id\": \"b\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1, \"market\": \"m\", \"rate\": 0.03}\n"
                + "]}");
        assertEquals(0, price(f).exit());
        String header = Files.readAllLines(dir.resolve("out.csv")).get(0);
        assertTrue(header.contains(",rho,"), header);
        assertFalse(header.contains("d_discount_curve"), header);
        CliRunner.Run r = price(f, "--greeks", "rho,d_discount_curve");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("out.csv"));
        assertTrue(lines.get(0).contains("d_discount_curve_3M,d_discount_curve_3M_stderr,d_discount_curve_1Y,"
                + "d_discount_curve_1Y_stderr,d_discount_curve_2.5,"), lines.get(0));
        // trade b's own rate: a flat curve, so it has no buckets (empty cells) but a rho
        List<String> h = List.of(lines.get(0).split(","));
        String[] b = lines.get(2).split(",", -1);
        assertEquals("", b[h.indexOf("d_discount_curve_1Y")]);
        assertFalse(b[h.indexOf("rho")].isEmpty());
    }

    @Test
    void theMultiAssetBachelierModelReadsTheCurvesRatherThanRefuseThem() throws IOException {
        Path f = dir.resolve("h.json");
        // every built-in model now reads curves: the multi-asset Bachelier model prices the row and buckets them
        Files.writeString(f, "{\"markets\": {\"m\": {\"spots\": [100, 95], \"vols\": [20, 25], \"model\": \"bachelier\",\n"
                + "\"discount_curve\": {\"tenors\": [\"1Y\"], \"zero_rates\": [0.03]},\n"
                + "\"dividend_curves\": [{\"tenors\": [\"6M\"], \"yields\": [0.01]}, {\"tenors\": [\"2Y\"], \"yields\": [0.02]}]}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"a\", \"product\": \"basket\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1,"
                + " \"weights\": [0.5, 0.5], \"market\": \"m\"}\n"
                + "]}");
        CliRunner.Run r = price(f, "--greeks", "price,rho,dividend_rho,d_discount_curve,d_dividend_curve");
        assertEquals(0, r.exit(), r.err());
        String out = Files.readString(dir.resolve("out.csv"));
        assertTrue(out.contains("d_discount_curve_1Y") && out.contains("d_dividend_curve_2_2Y"), out);
    }
}

