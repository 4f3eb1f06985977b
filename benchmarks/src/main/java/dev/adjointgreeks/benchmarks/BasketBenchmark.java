package dev.adjointgreeks.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.adjointgreeks.bench.BenchmarkCase;

/**
 * Basket call on N assets (weights 1/N, pairwise correlation 0.5, full Cholesky product): N deltas,
 * N vegas and rho, 2N + 1 Greeks. 100,000 paths, 10,000 for N >= 20. How each method's cost grows
 * with the number of inputs is the project's headline: the chart in benchmarks/results/.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BasketBenchmark {

    @Param({"1", "2", "5", "10", "20", "50", "100"})
    int assets;

    BenchmarkCase c;

    @Setup
    public void setup() {
        c = BenchmarkCase.basket(assets, assets >= 20 ? 10_000 : 100_000);
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
