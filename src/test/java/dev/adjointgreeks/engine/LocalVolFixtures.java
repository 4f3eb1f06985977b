package dev.adjointgreeks.engine;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/** JSON markets with a surface, and their trades, for the localvol tests. */
final class LocalVolFixtures {

    static final String EXPIRIES = "[\"3M\", \"6M\", \"1Y\", \"2Y\"]";
    static final String STRIKES = "[70, 85, 100, 115, 130]";

    private LocalVolFixtures() {
    }

    /** A {@code vol_surface} member: one row of vols per expiry. */
    static String surface(String expiries, String strikes, double[][] vols) {
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < vols.length; i++) {
            v.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < vols[i].length; j++) {
                v.append(j == 0 ? "" : ", ").append(vols[i][j]);
            }
            v.append(']');
        }
        return "\"vol_surface\": {\"expiries\": " + expiries + ", \"strikes\": " + strikes + ", \"vols\": " + v + "]}";
    }

    static double[][] flat(int n, int m, double vol) {
        double[][] v = new double[n][m];
        for (double[] row : v) {
            java.util.Arrays.fill(row, vol);
        }
        return v;
    }

    /** An equity skew: vol falling with strike, a little lower for later expiries. */
    static double[][] skew() {
        double[] k = {70, 85, 100, 115, 130};
        double[][] v = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                v[i][j] = 0.22 - 0.02 * i / 3.0 - 0.12 * Math.log(k[j] / 100) + 0.05 * Math.pow(Math.log(k[j] / 100), 2);
            }
        }
        return v;
    }

    /** The trades of a file whose markets are {@code markets} (JSON members) and trades {@code trades}. */
    static List<Trade> trades(Path dir, String markets, String... trades) throws IOException {
        Path f = Files.createTempFile(dir, "localvol", ".json");
        Files.writeString(f, "{\"markets\": {" + markets + "},\n\"trades\": [\n" + String.join(",\n", trades) + "]}");
        List<Trade> out = new ArrayList<>();
        for (ScenarioRow r : JsonScenarioReader.read(f, false).rows()) {
            assertInstanceOf(ScenarioRow.Parsed.class, r, () -> r instanceof ScenarioRow.Rejected j ? j.message() : "");
            out.add(((ScenarioRow.Parsed) r).trade());
        }
        return out;
    }

    /** A trade on market {@code market}: {@code fields} are its product's own members. */
    static String trade(String id, String model, String market, String fields) {
        return "{\"id\": \"" + id + "\", \"model\": \"" + model + "\", \"market\": \"" + market + "\", " + fields + "}";
    }
}
