package dev.adjointgreeks.benchmarks;

import dev.adjointgreeks.bench.BenchmarkCase;

/** European call, 1,000,000 paths, one exact step: delta, vega, rho, dividend rho, theta. */
public class EuropeanBenchmark extends CaseBenchmark {

    @Override
    BenchmarkCase create() {
        return BenchmarkCase.european(1_000_000);
    }
}
