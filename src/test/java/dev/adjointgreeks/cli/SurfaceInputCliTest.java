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

    /** The output without its timing column. */
    static String strip(String csv) {
        return csv.replaceAll(",?time_ms[^\\n]*", "").replaceAll(",[0-9.]+\\n", "\n");
    }
}
