package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --vega-map TRADE_ID FILE.png}: the heat map is a PNG and the output keeps its columns; an id
 * no priced trade has, a trade without a surface, or a missing argument is a usage error (exit 2)
 * that leaves neither the map nor the output file behind.
 */
class VegaMapCliTest {

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"markets\": {\"m\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01,\n"
                + SurfaceInputCliTest.GOOD + "},\n \"flat\": {\"spot\": 100, \"rate\": 0.03, \"dividend\": 0.01, \"vol\": 0.2}},\n"
                + "\"trades\": [\n"
                + "{\"id\": \"e1\", \"product\": \"european\", \"type\": \"call\", \"strike\": 97, \"maturity\": 0.8, \"market\": \"m\"},\n"
                + "{\"id\": \"f1\", \"product\": \"european\", \"type\": \"call\", \"strike\": 97, \"maturity\": 0.8, \"market\": \"flat\"}\n"
                + "]}");
        return f;
    }

    private CliRunner.Run run(Path f, String... mapArgs) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("price", f.toString(), "--paths", "2000",
                "--quiet", "--out", dir.resolve("out.csv").toString(), "--vega-map"));
        args.addAll(java.util.List.of(mapArgs));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void writesThePngAndKeepsTheOutputsColumns() throws IOException {
        Path png = dir.resolve("map.png");
        CliRunner.Run r = run(scenario(), "e1", png.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG");
        assertEquals(900, image.getWidth());
        assertFalse(Files.readString(dir.resolve("out.csv")).contains("d_vol_surface"), "the output as asked");
    }

    @Test
    void aBadTradeIdIsAUsageErrorThatWritesNothing() throws IOException {
        Path png = dir.resolve("map.png");
        for (String id : new String[] {"nope", "f1"}) {
            CliRunner.Run r = run(scenario(), id, png.toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("--vega-map: " + (id.equals("nope") ? "no trade 'nope' was priced"
                    : "trade 'f1' has no volatility surface")), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(png), "no map");
            assertFalse(Files.exists(dir.resolve("out.csv")), "no output file");
        }
        CliRunner.Run r = run(scenario(), "e1");
        assertEquals(2, r.exit(), r.err());
    }
}
