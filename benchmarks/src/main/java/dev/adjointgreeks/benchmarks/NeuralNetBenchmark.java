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
 * the per-path tape's reverse sweep, the tape with the samples as lanes of the block scalar, and
 * hand-written backpropagation in primitive doubles.
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

    @Benchmark
    public double lanes() {
        return step.lanes();
    }
}
