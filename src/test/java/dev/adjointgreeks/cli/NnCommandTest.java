package dev.adjointgreeks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnCommandTest {

    @TempDir
    Path dir;

    private Path data() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("x1,x2,y");
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            double a = 2 * r.nextDouble() - 1;
            double b = 2 * r.nextDouble() - 1;
            lines.add(a + "," + (10 * b) + "," + (3 * a * a + b));
        }
        Path f = dir.resolve("d.csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    void trainThenPredictWithGradients() throws Exception {
        Path model = dir.resolve("m.json");
        CliRunner.Run t = CliRunner.run("nn", "train", "--data", data().toString(), "--inputs", "x1,x2", "--target", "y",
                "--model", model.toString(), "--layers", "16,16", "--activation", "tanh", "--epochs", "150", "--quiet");
        assertEquals(0, t.exit(), t.err());
        assertTrue(t.out().contains("train RMSE") && t.out().contains("validation RMSE"), t.out());
        double rmse = Double.parseDouble(t.out().replaceAll("(?s).*train RMSE ([^,]+),.*", "$1"));
        assertTrue(rmse < 0.15, t.out());

        Path q = dir.resolve("q.csv");
        Files.write(q, List.of("x1,x2", "0.5,2.0", "-0.5,-5"));
        Path out = dir.resolve("p.csv");
        CliRunner.Run p = CliRunner.run("nn", "predict", "--model", model.toString(), "--data", q.toString(),
                "--gradients", "--out", out.toString());
        assertEquals(0, p.exit(), p.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("x1,x2,y_pred,d_x1,d_x2", lines.get(0));
        String[] row = lines.get(1).split(",");
        // y = 3 x1^2 + x2/10: dy/dx1 = 6 x1 = 3, dy/dx2 = 0.1 (original units)
        assertEquals(3 * 0.25 + 0.2, Double.parseDouble(row[2]), 0.3);
        assertEquals(3.0, Double.parseDouble(row[3]), 0.8);
        assertEquals(0.1, Double.parseDouble(row[4]), 0.05);
    }

    @Test
    void badInputGivesClearErrorsAndExitTwo() throws Exception {
        Path model = dir.resolve("m.json");
        CliRunner.Run missing = CliRunner.run("nn", "train", "--data", data().toString(), "--inputs", "x1,zz",
                "--target", "y", "--model", model.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no column 'zz'"), missing.err());
        Path nan = dir.resolve("nan.csv");
        Files.write(nan, List.of("x1,y", "1,2", "NaN,3"));
        CliRunner.Run n = CliRunner.run("nn", "train", "--data", nan.toString(), "--inputs", "x1", "--target", "y",
                "--model", model.toString());
        assertEquals(2, n.exit());
        assertTrue(n.err().contains(nan + ":3: x1: is NaN"), n.err());
        assertFalse(Files.exists(model), "never a half-written model");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"something-else\"}");
        CliRunner.Run b = CliRunner.run("nn", "predict", "--model", bad.toString(), "--data", nan.toString());
        assertEquals(2, b.exit());
        assertTrue(b.err().contains("not a model file"), b.err());
        assertFalse(b.err().contains("Exception"));
    }
}
