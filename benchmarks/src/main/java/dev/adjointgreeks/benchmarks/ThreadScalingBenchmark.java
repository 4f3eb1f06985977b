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
import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;

/**
 * The adjoint engine as users run it (blocks, one tape per worker, standard errors) on 1, 2 and
 * more threads: European 1,000,000 paths and the 50-asset basket 100,000 paths. Throughput ratio
 * = time(1 thread) / time(T threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThreadScalingBenchmark {

    @Param({"european", "basket-50"})
    String problem;

    @Param({"1", "2"})
    int threads;

    Trade trade;
    RunSettings settings;

    @Setup
    public void setup() {
        boolean european = problem.equals("european");
        BenchmarkCase c = european ? BenchmarkCase.european(1) : BenchmarkCase.basket(50, 1);
        trade = c.trade();
        settings = RunSettings.defaults(european ? 1_000_000 : 100_000, BenchmarkCase.SEED).withSecondOrder(false)
                .withThreads(threads);
    }

    @Benchmark
    public TradeResult adjointEngine() {
        return GreeksEngine.price(trade, Method.ADJOINT, settings);
    }
}
