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
 * European call, 1,000,000 paths, one exact step: delta, vega, rho, dividend rho, theta.
 * Every method returns what it computed, so JMH consumes it and nothing is dead code; the inputs
 * live in the case object, not in constants the JIT could fold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EuropeanBenchmark {

    BenchmarkCase c;

    @Setup
    public void setup() {
        c = BenchmarkCase.european(1_000_000);
    }

    @Benchmark
    public double primal() {
        return c.primal();
    }

    @Benchmark
    public double generic() {
        return c.generic();
    }

    @Benchmark
    public double[] adjoint() {
        return c.adjoint();
    }

    @Benchmark
    public double[] bump() {
        return c.bump();
    }

    @Benchmark
    public double[] forward() {
        return c.forward();
    }
}
