package dev.adjointgreeks.benchmarks;

import org.openjdk.jmh.annotations.Param;

import dev.adjointgreeks.bench.BenchmarkCase;

/**
 * Basket call on N assets (weights 1/N, pairwise correlation 0.5, full Cholesky product): N deltas,
 * N vegas and rho, 2N + 1 Greeks. 100,000 paths, 10,000 for N >= 20. How each method's cost grows
 * with the number of inputs is the project's headline: the chart in benchmarks/results/.
 */
public class BasketBenchmark extends CaseBenchmark {

    @Param({"1", "2", "5", "10", "20", "50", "100"})
    int assets;

    @Override
    BenchmarkCase create() {
        return BenchmarkCase.basket(assets, assets >= 20 ? 10_000 : 100_000);
    }
}
