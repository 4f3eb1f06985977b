package dev.adjointgreeks.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.adjointgreeks.bench.BenchmarkCase;

/**
 * The methods of one Monte Carlo case, on the same seed and paths; each subclass names its
 * case. Every method returns what it computed, so JMH consumes it and nothing is dead code; the
 * inputs live in the case object, not in constants the JIT could fold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class CaseBenchmark {

    BenchmarkCase c;

    /** The case to measure (called once per trial, after JMH has set any parameters). */
    abstract BenchmarkCase create();

    @Setup
    public void setup() {
        c = create();
    }

    /** The price alone, hand-written in doubles: the floor every ratio divides by. */
    @Benchmark
    public double primal() {
        return c.primal();
    }

    /** The field-generic pricer on the passive scalar: what the abstraction costs. */
    @Benchmark
    public double generic() {
        return c.generic();
    }

    /** The same generic pricer on the passive block scalar, a block of paths at once: the abstraction's cost now. */
    @Benchmark
    public double genericBlock() {
        return c.genericBlock();
    }

    /** Price and every listed Greek on the block scalar: one node per operation per block, one sweep per block. */
    @Benchmark
    public double[] adjoint() {
        return c.adjoint();
    }

    /** Price and every listed Greek on the per-path tape, one backward sweep per path (the engine before issue 9). */
    @Benchmark
    public double[] pathAdjoint() {
        return c.pathAdjoint();
    }

    /**
     * End to end: {@code GreeksEngine.price}, adjoint method, one thread, first-order Greeks of every
     * input, with normals, statistics and standard errors.
     */
    @Benchmark
    public double engine() {
        return c.engine();
    }

    /** Central differences of the primal kernel on shared normals. */
    @Benchmark
    public double[] bump() {
        return c.bump();
    }

    /** commons-math3 DerivativeStructure, one free parameter per Greek. */
    @Benchmark
    public double[] forward() {
        return c.forward();
    }
}
