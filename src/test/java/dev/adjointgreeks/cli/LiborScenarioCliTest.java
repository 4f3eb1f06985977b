package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code greeks price} on the LIBOR swaption book: one row with 161 sensitivities; bad fields named. */
class LiborScenarioCliTest {

    @Test
    void theScenarioPricesAsOneRowWithAll161SensitivitiesInInputOrder() {
        CliRunner.Run r = CliRunner.run("price", "scenarios/libor-swaptions.json", "--paths", "64", "--quiet");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, "a header and one row");
        String[] header = lines[0].split(",");
        String[] row = lines[1].split(",");
        List<String> expected = new ArrayList<>(List.of("price", "price_stderr"));
        for (int i = 1; i <= 80; i++) {
            expected.add("d_forward_rate_" + i);
            expected.add("d_forward_rate_" + i + "_stderr");
        }
        for (int i = 1; i <= 80; i++) {
            expected.add("d_lambda_" + i);
            expected.add("d_lambda_" + i + "_stderr");
        }
        expected.add("d_accrual");
        expected.add("d_accrual_stderr");
        int price = List.of(header).indexOf("price");
        assertEquals(expected, List.of(header).subList(price, price + expected.size()));
        assertEquals("swaption-portfolio", row[1]);
        assertEquals("libor", row[2]);
        assertTrue(Double.parseDouble(row[price]) > 0);
        assertEquals(0.0, Double.parseDouble(row[List.of(header).indexOf("d_lambda_80")]), 0.0);
    }

    @Test
    void aBadFieldIsRejectedByName(@TempDir Path dir) throws Exception {
        String good = Files.readString(Path.of("scenarios/libor-swaptions.json"));
        String[][] cases = {
            {"\"accrual\": 0.25", "\"accrual\": -0.25", "accrual"},
            {"\"lambda\": [0.2, 0.2, 0.2,", "\"lambda\": [0.2, 0.2, -0.2,", "lambda[3]"},
            {"\"expiry\": 40", "\"expiry\": 41", "swaptions[13][1]"},
            {"[4, 0.045]", "[4, \"x\"]", "swaptions[1][2]"},
            {"\"forward_rate\": [0.05, 0.05,", "\"forward_rate\": [0.05, 1.5,", "forward_rate[2]"},   // input range
        };
        for (String[] c : cases) {
            assertTrue(good.contains(c[0]), c[0]);
            Path f = dir.resolve("bad.json");
            Files.writeString(f, good.replace(c[0], c[1]));
            CliRunner.Run r = CliRunner.run("price", f.toString(), "--paths", "8", "--quiet");
            assertEquals(3, r.exit(), c[2] + ": " + r.err());
            assertTrue(r.err().contains(c[2] + ":"), "names " + c[2] + ": " + r.err());
        }
    }
}
