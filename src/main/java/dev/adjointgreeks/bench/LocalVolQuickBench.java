package dev.adjointgreeks.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.adjointgreeks.engine.Trade;

/**
 * The {@code localvol} case's comparisons (issue 20's targets), medians of runs interleaved as in
 * {@link QuickBench}, all on the same normals:
 * <ul>
 * <li>{@code primal}: the hand-written double loop over the precomputed grid ({@link LocalVolCase#kernel});</li>
 * <li>{@code adjoint}: the engine's adjoint on the block scalar with all 103 sensitivities, setup
 * included (the grid built on its own tape, one reverse sweep of it at the end);</li>
 * <li>{@code bump-subset}: central differences of the first {@link #BUMPED} quotes (2 kernels each,
 * each with its own grid); all 100 quotes are estimated as {@code 100 / BUMPED} times that;</li>
 * <li>{@code adjoint-one-block}: the adjoint on one block of lanes, which with the full run
 * separates the setup (grid, its reverse sweep) from the paths' cost.</li>
 * </ul>
 */
public final class LocalVolQuickBench {

    /** Paths of the case at scale 1. */
    public static final long PATHS = 50_000;
    /** Quotes bumped and timed; the 100 are scaled from them. */
    public static final int BUMPED = 10;

    public static final String PRIMAL = "primal";
    public static final String ADJOINT = "adjoint";
    public static final String BUMP = "bump-subset";
    public static final String ONE_BLOCK = "adjoint-one-block";

    /** Medians in seconds, lanes, and the block tape's high-water bytes per block. */
    public record Result(long paths, int quotes, Map<String, Double> medianSeconds, int lanes, long tapeBytes) {

        /** Adjoint with every sensitivity over the primal (target at most 3). */
        public double adjointOverPrimal() {
            return medianSeconds.get(ADJOINT) / medianSeconds.get(PRIMAL);
        }

        /** Bump of all quotes (scaled from the subset) over the adjoint (target at least 30). */
        public double bumpOverAdjoint() {
            return medianSeconds.get(BUMP) * quotes / BUMPED / medianSeconds.get(ADJOINT);
        }

        /** The setup's cost (grid on the field, its reverse sweep): the one-block run less one block's paths. */
        public double setupSeconds() {
            long blocks = (paths + lanes - 1) / lanes;
            double perBlock = (medianSeconds.get(ADJOINT) - medianSeconds.get(ONE_BLOCK)) / Math.max(1, blocks - 1);
            return medianSeconds.get(ONE_BLOCK) - perBlock;
        }
    }

    private LocalVolQuickBench() {
    }

    public static BenchmarkCase benchCase(long paths) {
        Trade t = LocalVolCase.trade();
        return new BenchmarkCase(LocalVolCase.NAME, t, paths, LocalVolCase.greekInputs(t), LocalVolCase::kernel);
    }

    /** Central differences of the first {@code quotes} quotes ({@code relative} bumps) on the case's normals. */
    public static double[] bump(BenchmarkCase c, int quotes, double relative) {
        return LocalVolCase.bumpQuotes(c.trade().problem().inputValues(), c.paths(), c.trade().problem().dimension(),
                quotes, relative);
    }

    public static Result measure(long paths, int repeats) {
        BenchmarkCase c = benchCase(paths);
        BenchmarkCase one = benchCase(c.lanes());
        double[] inputs = c.trade().problem().inputValues();
        int dimension = c.trade().problem().dimension();
        Map<String, Supplier<double[]>> runs = new LinkedHashMap<>();
        runs.put(PRIMAL, () -> new double[] {c.primal()});
        runs.put(ADJOINT, c::adjoint);
        runs.put(BUMP, () -> LocalVolCase.bumpQuotes(inputs, paths, dimension, BUMPED, 1e-4));
        runs.put(ONE_BLOCK, one::adjoint);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<double[]>> e : runs.entrySet()) {
            times.put(e.getKey(), new double[repeats]);
            long start = System.nanoTime();
            for (int w = 0; w < QuickBench.WARM_UP_RUNS || (w < QuickBench.MAX_WARM_UP_RUNS
                    && System.nanoTime() - start < QuickBench.WARM_UP_SECONDS * 1e9); w++) {
                e.getValue().get();
            }
        }
        for (int r = 0; r < repeats; r++) {
            for (Map.Entry<String, Supplier<double[]>> e : runs.entrySet()) {
                long t0 = QuickBench.now();
                double[] sink = e.getValue().get();
                times.get(e.getKey())[r] = (QuickBench.now() - t0) / 1e9;
                if (!Double.isFinite(sink[0])) {
                    throw new AssertionError(e.getKey() + " priced " + sink[0]);
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : times.entrySet()) {
            double[] t = e.getValue().clone();
            Arrays.sort(t);
            medians.put(e.getKey(), t[t.length / 2]);
        }
        long[] bytes = new long[1];
        c.adjoint(bytes);
        int quotes = LocalVolCase.EXPIRIES.size() * LocalVolCase.STRIKES.size();
        return new Result(paths, quotes, medians, c.lanes(), bytes[0]);
    }
}
