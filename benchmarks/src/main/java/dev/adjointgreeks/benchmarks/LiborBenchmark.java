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

import dev.adjointgreeks.bench.LiborBenchmarkCase;

/**
 * Giles and Glasserman's LIBOR market model swaption book ("Smoking Adjoints", Risk 2006):
 * N = 80 rates, delta = 0.25, 40 steps, 15 swaptions, 161 sensitivities, 10,000 paths, all methods
 * in the same run on the same normals. The published comparison (XAD's benchmark of its version
 * of this case) divides by the primal: tape 7.2, code generator 2.3, bump / tape 21.6.
 *
 * <p>Every method returns what it computed (price and sensitivities), so JMH consumes it and
 * nothing is dead code; the inputs live in the case object, not in constants the JIT could fold.
 * Forward mode carries 161 derivatives through every operation (about 20 ms per path): run it
 * on fewer paths, {@code -p paths=100} ({@code run-full.sh} does), and scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiborBenchmark {

    @Param({"10000"})
    long paths;

    LiborBenchmarkCase c;

    @Setup
    public void setup() {
        c = LiborBenchmarkCase.published(paths);
    }

    /** The price alone in plain doubles: the floor every ratio divides by. */
    @Benchmark
    public double primal() {
        return c.primal();
    }

    /** The engine: the field-generic path on the block scalar, one backward sweep per block of paths. */
    @Benchmark
    public double[] adjoint() {
        return c.adjoint();
    }

    /** The same path on the per-path tape ({@code Adj}): one recording and sweep per path. */
    @Benchmark
    public double[] adjointPerPath() {
        return c.adjointPerPath();
    }

    /** Giles' reverse recursion written by hand in plain doubles: the speed of light. */
    @Benchmark
    public double[] handwritten() {
        return c.handwritten();
    }

    /** One-sided bump-and-revalue of the primal: 161 + 1 revaluations per path. */
    @Benchmark
    public double[] bump() {
        return c.bump();
    }

    /** commons-math3 DerivativeStructure, 161 free parameters. */
    @Benchmark
    public double[] forward() {
        return c.forward();
    }
}
