package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code vol} shock on a trade priced on a volatility surface moves every quote (it is never
 * skipped): on a flat surface its P&amp;L is the flat twin's to rounding, and {@code --explain}
 * explains it by the quotes' first order, {@code sum_q dV/d sigma_q * shift = vega * shift}.
 */
class SurfaceShocksTest {

    @TempDir
    Path dir;

    private static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }

    @Test
    void aVolShockMovesEveryQuoteAndIsExplainedByThem() throws IOException {
        Path book = dir.resolve("twins.json");
        Files.writeString(book, "{\"markets\": {\n"
                + "\"s\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol_surface\": {\"expiries\": [\"6M\", \"1Y\","
                + " \"2Y\"], \"strikes\": [80, 100, 120], \"vols\": [[0.2, 0.2, 0.2], [0.2, 0.2, 0.2], [0.2, 0.2, 0.2]]}},\n"
                + "\"f\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.2}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"sf\", \"product\": \"european\", \"type\": \"put\", \"strike\": 95, \"maturity\": 1, \"market\": \"s\","
                + " \"seed\": 3},\n"
                + "{\"id\": \"fl\", \"product\": \"european\", \"type\": \"put\", \"strike\": 95, \"maturity\": 1, \"market\": \"f\","
                + " \"seed\": 3}\n]}");
        Path shocks = dir.resolve("s.csv");
        Files.writeString(shocks, "scenario,underlying,factor,shift,type\nup,*,vol,0.01,absolute\n");
        CliRunner.Run run = CliRunner.run("price", book.toString(), "--shocks", shocks.toString(), "--explain", "--paths",
                "4000", "--quiet");
        assertEquals(0, run.exit(), run.err());
        List<Map<String, String>> rows = ShocksCommandTest.rows(run);
        Map<String, String> sf = ShocksCommandTest.find(rows, "up", "sf");
        Map<String, String> fl = ShocksCommandTest.find(rows, "up", "fl");
        double pnl = d(fl, "pnl");
        assertTrue(Math.abs(pnl) > 10 * d(fl, "pnl_stderr"), "the shock moves the flat trade: " + fl);
        assertEquals(pnl, d(sf, "pnl"), 1e-12 * d(fl, "price"), "the surface's P&L is the flat one's");
        double vega = d(ShocksCommandTest.find(rows, "base", "sf"), "vega");
        assertEquals(vega * 0.01, d(sf, "pnl_explained"), 1e-12 * Math.abs(vega), "explained by the quotes");
    }
}
