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
import org.openjdk.jmh.infra.Blackhole;

import dev.adjointgreeks.ad.Tape;
import dev.adjointgreeks.surrogate.Examples;
import dev.adjointgreeks.surrogate.SpecFiles;
import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateTrainer;
import dev.adjointgreeks.surrogate.Surrogates;

/**
 * Price plus all Greeks of one trade through a trained surrogate (4 x 20 softplus; bs-call: price
 * and delta; bachelier-basket-7: price and 7 deltas): the hand-written forward and reverse pass in
 * primitive arrays, and the same through the tape. The
 * network's accuracy does not matter here, so it is trained briefly. Each call prices the next of
 * 64 spots (no constant folding) and the results go to a Blackhole (no dead code).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SurrogatePricingBenchmark {

    @Param({"bs-call", "bachelier-basket-7"})
    String example;

    Surrogate.Evaluator evaluator;
    Tape tape;
    double[][] spots;
    double[] out;
    int next;

    @Setup
    public void setup() throws Exception {
        Surrogate s = Surrogates.train(SpecFiles.exampleDocument(example), Examples.byName(example), 512,
                new SurrogateTrainer.Settings(5, true, SurrogateTrainer.GradientMethod.TWIN, 1, 1), null);
        evaluator = s.evaluator();
        tape = new Tape();
        int n = s.spec().inputs();
        spots = new double[64][n];
        for (int i = 0; i < spots.length; i++) {
            for (int j = 0; j < n; j++) {
                spots[i][j] = 55 + (2 * i + 7 * j) % 90;
            }
        }
        out = new double[n + 1];
    }

    @Benchmark
    public void handWritten(Blackhole bh) {
        evaluator.priceAndGreeks(spots[next++ & 63], out);
        bh.consume(out);
    }

    @Benchmark
    public void tape(Blackhole bh) {
        evaluator.priceAndGreeksByTape(spots[next++ & 63], out, tape);
        bh.consume(out);
    }
}
