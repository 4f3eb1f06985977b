package dev.adjointgreeks.benchmarks;

import dev.adjointgreeks.bench.BenchmarkCase;

/** Heston call, 100 full-truncation Euler steps, 100,000 paths: delta, v0, kappa, theta, xi, rho, r. */
public class HestonBenchmark extends CaseBenchmark {

    @Override
    BenchmarkCase create() {
        return BenchmarkCase.heston(100_000);
    }
}
