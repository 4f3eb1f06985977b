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
 * A {@code vol_surface} in a JSON market through the CLI: bad structure is file-level ({@code
 * file:line: vol_surface.vols: ...}, exit 2, nothing written), a market with both {@code vol} and
 * {@code vol_surface} is ambiguous, a model that takes no surface refuses each trade of the market
 * once (exit 3) rather than price it as if the surface were not there, and a trade's own {@code vol}
 * overrides its market's surface.
 */
class SurfaceInputCliTest {

    static final String GOOD = "\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [90, 100, 110],"
            + " \"vols\": [[0.25, 0.2, 0.18], [0.24, 0.2, 0.185]]}";

    @TempDir
    Path dir;

    private Path file(String market, String trade) throws IOException {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01,\n"
                + market + "}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1,"
                + " \"market\": \"m\"" + trade + "}\n"
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
        String[][] bad = {
            {"\"vol_surface\": {\"expiries\": [\"1Y\", \"6M\"], \"strikes\": [90, 100], \"vols\": [[0.2, 0.2], [0.2, 0.2]]}",
                "vol_surface.expiries: expiries must be strictly increasing: 6M follows 1Y (value '6M')"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [100, 90], \"vols\": [[0.2, 0.2], [0.2, 0.2]]}",
                "vol_surface.strikes: strikes must be strictly increasing: 90 follows 100 (value '90')"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"moneyness\": [0.9, 1.1], \"vols\": [[0.2, 0.2], [0.2]]}",
                "vol_surface.vols: row 2 (1Y) has 1 vols, expected one per strike (2)"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [90, 100], \"vols\": [[0.2, 0.2]]}",
                "vol_surface.vols: has 1 rows, expected one per expiry (2)"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [90, 100], \"vols\": [[0.2, 0.2], [0.2, \"x\"]]}",
                "vol_surface.vols: vols[2][2] is not a number (value '\"x\"')"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [90, 100], \"vols\": [[0.2, 0.2], [0.2, 0]]}",
                "vol_surface.vols: vol 1Y/100 must be a positive finite number (value '0.0')"},
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Q\"], \"strikes\": [90, 100], \"vols\": [[0.2, 0.2], [0.2, 0.2]]}",
                "vol_surface.expiries: unknown tenor word"},
            {"\"vol_surface\": {\"expiries\": [\"6M\"], \"strikes\": [90, 100], \"moneyness\": [0.9, 1], \"vols\": [[0.2, 0.2]]}",
                "vol_surface: must be an object with lists"},
            {"\"vol\": 0.2, " + GOOD, "vol_surface: ambiguous: both vol and vol_surface are given; give one (value '0.2')"},
        };
        for (String[] m : bad) {
            CliRunner.Run r = price(file(m[0], ""));
            assertEquals(2, r.exit(), m[0] + ": " + r.err());
            assertTrue(r.err().contains(dir.resolve("m.json") + ":1: " + m[1]), r.err());
            assertFalse(Files.exists(dir.resolve("out.csv")), "no output on a file-level error");
        }
    }

    @Test
    void aModelWithoutSurfacesRefusesTheTradeAndATradesOwnVolOverridesTheSurface() throws IOException {
        CliRunner.Run r = price(file(GOOD, ", \"model\": \"bachelier\""));
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(":4: vol_surface: the bachelier model takes no volatility surface"), r.err());

        r = price(file(GOOD, ", \"vol\": 0.2"));
        assertEquals(0, r.exit(), r.err());
        Path flat = dir.resolve("flat.json");
        Files.writeString(flat, "{\"markets\": {\"m\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.2}},\n"
                + "\"trades\": [\n{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100,"
                + " \"maturity\": 1, \"market\": \"m\"}\n]}");
        String overridden = Files.readString(dir.resolve("out.csv"));
        assertEquals(0, price(flat).exit());
        assertEquals(strip(Files.readString(dir.resolve("out.csv"))), strip(overridden));
    }

    @Test
    void anArbitrageRejectsEveryTradeOfTheMarketOnceNamingTheQuote() throws IOException {
        String[][] cases = {
            {"\"vol_surface\": {\"expiries\": [\"6M\", \"1Y\"], \"strikes\": [90, 100, 110],"
                + " \"vols\": [[0.25, 0.25, 0.25], [0.17, 0.17, 0.17]]}, \"rate\": 0, \"dividend\": 0",
                ": vol_surface: calendar arbitrage between 6M and 1Y at strike 90 (vols 0.25, 0.17)"},
            {"\"vol_surface\": {\"expiries\": [\"1Y\"], \"strikes\": [80, 90, 100, 110, 120],"
                + " \"vols\": [[0.2, 0.2, 0.4, 0.2, 0.2]]}, \"rate\": 0.03, \"dividend\": 0.01",
                ": vol_surface: butterfly arbitrage at 1Y strike "},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("a.json");
            Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": 100, " + c[0] + "}},\n\"trades\": [\n"
                    + "{\"id\": \"a\", \"product\": \"european\", \"type\": \"call\", \"strike\": 100, \"maturity\": 1,"
                    + " \"market\": \"m\"},\n"
                    + "{\"id\": \"b\", \"product\": \"european\", \"type\": \"put\", \"strike\": 95, \"maturity\": 0.5,"
                    + " \"market\": \"m\"}\n]}");
            CliRunner.Run r = price(f);
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains(f + ":3" + c[1]), r.err());
            assertTrue(r.err().contains(f + ":4" + c[1]), r.err());
            assertEquals(2, r.err().split(" arbitrage ", -1).length - 1, r.err());
        }
    }

    @Test
    void bsOnASurfacePricesEuropeansOnlyAndSaysWhy() throws IOException {
        Path asian = dir.resolve("asian.json");
        Files.writeString(asian, Files.readString(file(GOOD, ", \"fixings\": 12")).replace("\"european\"", "\"asian\""));
        CliRunner.Run r = price(asian);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains(":4: model: bs on a volatility surface prices Europeans only: the asian under one"
                + " vol would ignore the skew; use localvol"), r.err());
        r = price(file(GOOD, ""), "--greeks", "vega,d_vol_surface");
        assertEquals(0, r.exit(), r.err());
        String header = Files.readString(dir.resolve("out.csv")).lines().findFirst().orElseThrow();
        assertTrue(header.contains(",vega,vega_stderr,d_vol_surface_6M_90,d_vol_surface_6M_90_stderr,"), header);
        assertTrue(header.contains(",d_vol_surface_1Y_110,d_vol_surface_1Y_110_stderr,"), header);
        r = price(file(GOOD, ""));
        assertFalse(Files.readString(dir.resolve("out.csv")).contains("d_vol_surface"), "quotes only on request");
    }

    /** The output without its timing column. */
    static String strip(String csv) {
        return csv.replaceAll(",?time_ms[^\\n]*", "").replaceAll(",[0-9.]+\\n", "\n");
    }
}
