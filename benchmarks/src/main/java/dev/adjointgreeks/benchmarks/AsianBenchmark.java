package dev.adjointgreeks.benchmarks;

import dev.adjointgreeks.bench.BenchmarkCase;

/** Arithmetic Asian call, 52 weekly fixings, 100,000 paths: delta, vega, rho, dividend rho. */
public class AsianBenchmark extends CaseBenchmark {

    @Override
    BenchmarkCase create() {
        return BenchmarkCase.asian(100_000);
    }
}
