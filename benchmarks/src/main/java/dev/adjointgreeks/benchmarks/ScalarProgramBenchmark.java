package dev.adjointgreeks.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.adjointgreeks.bench.ScalarProgram;

/**
 * The AD engine alone: a fixed program of 1,000 operations on 100 inputs, half of them
 * transcendental. Gradient by one reverse sweep, by 100 forward (dual) passes, by 200 central
 * differences; the same program on the passive scalar and in plain doubles as floors. Tape cost
 * per recorded operation = adjoint time / 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScalarProgramBenchmark {

    ScalarProgram p;

    @Setup
    public void setup() {
        p = new ScalarProgram(42);
    }

    @Benchmark
    public double primitive() {
        return p.primitive(p.point());
    }

    @Benchmark
    public double passive() {
        return p.passive();
    }

    @Benchmark
    public double[] adjoint() {
        return p.adjointGradient();
    }

    @Benchmark
    public double[] forward() {
        return p.forwardGradient();
    }

    @Benchmark
    public double[] centralDifferences() {
        return p.centralDifferenceGradient();
    }
}
