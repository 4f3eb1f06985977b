package dev.adjointgreeks.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trainer: schedule, determinism, tape = twin = lanes, and differential training beating standard. */
class SurrogateTrainerTest {

    @Test
    void theOneCycleScheduleGoesThroughHugeAndSavinesPoints() {
        assertEquals(1e-8, OneCycle.rate(0, 100), 0);
        assertEquals(0.1, OneCycle.rate(20, 100), 1e-15);
        assertEquals(0.01, OneCycle.rate(60, 100), 1e-15);
        assertEquals(1e-6, OneCycle.rate(90, 100), 1e-18);
        assertEquals((0.1 + 0.01) / 2, OneCycle.rate(40, 100), 1e-15);
        assertEquals(1e-8 + (0.1 - 1e-8) / 2, OneCycle.rate(5, 50), 1e-15);
    }

    @Test
    void resultsDoNotDependOnTheThreadCountAndTapeEqualsTwin() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        TrainingData d = TrainingData.generate(spec, 300, 2);
        int[] hidden = {6, 6};
        double[] one = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(4, true,
                SurrogateTrainer.GradientMethod.TAPE, 2, 1), null).network().parameters();
        double[] three = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(4, true,
                SurrogateTrainer.GradientMethod.TAPE, 2, 3), null).network().parameters();
        assertArrayEquals(one, three, 0.0, "bit-identical on 1 and 3 threads");
        double[] twin = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(4, true,
                SurrogateTrainer.GradientMethod.TWIN, 2, 2), null).network().parameters();
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], twin[i], 1e-9 * Math.max(1, Math.abs(one[i])), "parameter " + i);
        }
        // the samples as lanes of the block scalar: the same network, and bit-identical on any thread count
        double[] lanes = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(4, true,
                SurrogateTrainer.GradientMethod.LANES, 2, 1), null).network().parameters();
        double[] lanes3 = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(4, true,
                SurrogateTrainer.GradientMethod.LANES, 2, 3), null).network().parameters();
        assertArrayEquals(lanes, lanes3, 0.0, "lanes bit-identical on 1 and 3 threads");
        for (int i = 0; i < one.length; i++) {
            assertEquals(one[i], lanes[i], 1e-9 * Math.max(1, Math.abs(one[i])), "parameter " + i);
        }
    }

    @Test
    void withSecondOrderLabelsLanesEqualTheTapeAndAreBitIdenticalOnAnyThreadCount() throws Exception {
        SurrogateSpec spec = SecondOrderLabelsTest.withSteps(Examples.byName("bs-call"), 4);
        TrainingData d = TrainingData.generateSecondOrder(spec, 200, 2);
        int[] hidden = {5, 5};
        double[] tape = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(3, true,
                SurrogateTrainer.GradientMethod.TAPE, 2, 1, 0.5), null).network().parameters();
        double[] lanes = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(3, true,
                SurrogateTrainer.GradientMethod.LANES, 2, 1, 0.5), null).network().parameters();
        double[] lanes3 = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(3, true,
                SurrogateTrainer.GradientMethod.LANES, 2, 3, 0.5), null).network().parameters();
        double[] first = SurrogateTrainer.train(d, hidden, new SurrogateTrainer.Settings(3, true,
                SurrogateTrainer.GradientMethod.LANES, 2, 1), null).network().parameters();
        assertArrayEquals(lanes, lanes3, 0.0, "lanes bit-identical on 1 and 3 threads");
        double moved = 0;
        for (int i = 0; i < tape.length; i++) {
            assertEquals(tape[i], lanes[i], 1e-9 * Math.max(1, Math.abs(tape[i])), "parameter " + i);
            moved = Math.max(moved, Math.abs(lanes[i] - first[i]));
        }
        assertTrue(moved > 1e-6, "the second-order term changes the training: " + moved);
    }

    /**
     * A small version of the target that runs in seconds: 512 samples, 100 epochs, the twin
     * gradient. Differential training must be well below standard and accurate in absolute terms
     * (the full targets are in {@link SurrogateTargetsTest}, tagged slow).
     */
    @Test
    void differentialTrainingBeatsStandardTrainingOnTheSameSamples() throws Exception {
        SurrogateSpec spec = Examples.byName("bs-call");
        double[] rmse = new double[2];
        double[] delta = new double[2];
        for (int k = 0; k < 2; k++) {
            boolean differential = k == 1;
            Surrogate s = Surrogates.train(SpecFiles.exampleDocument("bs-call"), spec, 512,
                    new SurrogateTrainer.Settings(100, differential, SurrogateTrainer.GradientMethod.TWIN, 12, 2), null);
            SurrogateReport r = SurrogateReport.of(s);
            rmse[k] = r.priceRmse();
            delta[k] = r.greekRmse().get("delta");
        }
        assertTrue(rmse[1] < 0.6 * rmse[0], "differential " + rmse[1] + " vs standard " + rmse[0]);
        assertTrue(rmse[1] < 0.5, "differential price RMSE " + rmse[1]);
        assertTrue(delta[1] < 0.03, "differential delta RMSE " + delta[1]);
    }
}
