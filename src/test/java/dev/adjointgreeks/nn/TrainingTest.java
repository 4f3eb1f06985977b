package dev.adjointgreeks.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.ad.Tape;

class TrainingTest {

    @TempDir
    Path dir;

    static double[][][] sineData(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = -3 + 6 * r.nextDouble();
            y[i][0] = Math.sin(x[i][0]);
        }
        return new double[][][] {x, y};
    }

    @Test
    void everyOptimizerLearnsASineAndAdamStopsEarly() {
        double[][][] d = sineData(200, 3);
        Mlp start = Mlp.initialised(new int[] {1, 16, 16, 1},
                new Activation[] {Activation.TANH, Activation.TANH, Activation.IDENTITY}, Mlp.Init.XAVIER, 5);
        double initial = Loss.meanSquared(start, d[0], d[1], range(200), 0);
        for (Trainer.Optimizer o : Trainer.Optimizer.values()) {
            double rate = o == Trainer.Optimizer.ADAM ? 0.01 : 0.1;
            Trainer.Config c = new Trainer.Config(o, rate, 1.0, 32, o == Trainer.Optimizer.GD ? 400 : 150, 0.2, 0.0,
                    20, 9, Trainer.Gradient.TAPE, 0.9);
            List<Trainer.Epoch> epochs = new ArrayList<>();
            Trainer.Result res = Trainer.train(start, d[0], d[1], c, epochs::add);
            assertTrue(res.trainLoss() < initial / 20, o + ": " + res.trainLoss() + " from " + initial);
            assertTrue(res.validationLoss() < 0.02, o + " validation " + res.validationLoss());
            assertEquals(res.epochs(), epochs.size());
            assertTrue(epochs.get(0).line().startsWith("epoch    1  loss"));
        }
        // tape and hand-written gradients train to the same network
        Trainer.Config c = new Trainer.Config(Trainer.Optimizer.SGD, 0.05, 1.0, 16, 5, 0.2, 1e-3, 0, 4,
                Trainer.Gradient.TAPE, 0.9);
        Trainer.Config b = new Trainer.Config(Trainer.Optimizer.SGD, 0.05, 1.0, 16, 5, 0.2, 1e-3, 0, 4,
                Trainer.Gradient.BACKPROP, 0.9);
        double[] viaTape = Trainer.train(start, d[0], d[1], c, null).network().parameters();
        double[] viaBackprop = Trainer.train(start, d[0], d[1], b, null).network().parameters();
        assertArrayEquals(viaTape, viaBackprop, 1e-10);
        // and so does the tape with the samples as lanes (a batch of 16 on 16 lanes, the last one partial)
        Trainer.Config lanes = new Trainer.Config(Trainer.Optimizer.SGD, 0.05, 1.0, 16, 5, 0.2, 1e-3, 0, 4,
                Trainer.Gradient.LANES, 0.9);
        assertArrayEquals(viaTape, Trainer.train(start, d[0], d[1], lanes, null).network().parameters(), 1e-10);
        // a seed gives the same network
        assertArrayEquals(viaTape, Trainer.train(start, d[0], d[1], c, null).network().parameters(), 0.0);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void saveAndLoadIsExactAndPredictionsCarryInputGradientsInOriginalUnits() throws Exception {
        double[][] x = {{1, 10}, {2, 30}, {3, 20}, {4, 50}};
        double[] y = {5, 7, 1, 3};
        Normalization norm = Normalization.fit(x, y);
        Mlp net = Mlp.initialised(new int[] {2, 5, 1}, new Activation[] {Activation.SOFTPLUS, Activation.IDENTITY},
                Mlp.Init.XAVIER, 11);
        TrainedModel m = new TrainedModel(new String[] {"a", "b"}, "y", norm, net);
        Path f = dir.resolve("m.json");
        ModelFiles.save(m, f);
        TrainedModel back = ModelFiles.load(f);
        assertArrayEquals(net.parameters(), back.network().parameters(), 0.0);
        assertArrayEquals(norm.inputStd(), back.normalization().inputStd(), 0.0);
        for (double[] row : x) {
            assertEquals(m.predict(row), back.predict(row), 0.0);
            double[] pg = back.predictWithGradient(row, new Tape());
            assertEquals(m.predict(row), pg[0], 1e-12);
            for (int i = 0; i < 2; i++) {
                double h = 1e-6 * Math.max(1, Math.abs(row[i]));
                double[] up = row.clone();
                double[] dn = row.clone();
                up[i] += h;
                dn[i] -= h;
                assertEquals((m.predict(up) - m.predict(dn)) / (2 * h), pg[1 + i], 1e-6);
            }
        }
        Files.writeString(f, Files.readString(f).replace("\"version\" : 1", "\"version\" : 99"));
        ModelFiles.BadModelException e = assertThrows(ModelFiles.BadModelException.class, () -> ModelFiles.load(f));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
        Files.writeString(f, "{ not json");
        assertThrows(ModelFiles.BadModelException.class, () -> ModelFiles.load(f));
    }

    @Test
    void mismatchedDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Mlp(new int[] {2, 3, 1},
                new Activation[] {Activation.TANH}, new double[13]));
        assertThrows(IllegalArgumentException.class, () -> new Mlp(new int[] {2, 3, 1},
                new Activation[] {Activation.TANH, Activation.IDENTITY}, new double[12]));
        Mlp net = Mlp.initialised(new int[] {2, 1}, new Activation[] {Activation.IDENTITY}, Mlp.Init.XAVIER, 1);
        assertThrows(IllegalArgumentException.class, () -> new TrainedModel(new String[] {"a"}, "y",
                Normalization.identity(2), net));
    }
}
