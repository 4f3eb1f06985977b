package dev.adjointgreeks.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.adjointgreeks.bench.TrainingStep;

/**
 * One training step (forward, backward, update) of a 4 x 20 softplus network on 1,000 samples:
 * the tape's reverse sweep against hand-written backpropagation in primitive doubles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NeuralNetBenchmark {

    TrainingStep step;

    @Setup
    public void setup() {
        step = new TrainingStep(3);
    }

    @Benchmark
    public double tape() {
        return step.tape();
    }

    @Benchmark
    public double backprop() {
        return step.backprop();
    }
}
