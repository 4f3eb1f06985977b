package dev.adjointgreeks.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code curves} case's own comparisons (issue 19's targets), each a ratio of medians taken in
 * one run, the methods interleaved as in {@link QuickBench}:
 * <ul>
 * <li>{@code adjoint-flat}: the adjoint of {@link BenchmarkCase#asian} (flat rate and dividend; spot,
 * vol, rate, dividend);</li>
 * <li>{@code adjoint-curves}: the adjoint of the same trade on the two curves, all 22 sensitivities
 * (spot, vol, 12 discount and 8 dividend pillars);</li>
 * <li>{@code bump-buckets}: central differences of the 20 pillars, 41 hand-written primal
 * revaluations on the same normals ({@link CurveCase#bumpBuckets}).</li>
 * </ul>
 * and the block tape's high-water bytes of each adjoint, for one block of its lanes.
 */
public final class CurvesQuickBench {

    /** Paths of the curves case at scale 1 (as the flat Asian case). */
    public static final long PATHS = 20_000;

    public static final String FLAT = "adjoint-flat";
    public static final String CURVES = "adjoint-curves";
    public static final String BUMP = "bump-buckets";

    /** Medians in seconds; lanes and tape high-water bytes per block of each adjoint. */
    public record Result(long paths, Map<String, Double> medianSeconds, int flatLanes, long flatTapeBytes,
            int curveLanes, long curveTapeBytes) {

        /** Adjoint on the curves over adjoint on flat inputs (target at most 1.3). */
        public double curveOverFlat() {
            return medianSeconds.get(CURVES) / medianSeconds.get(FLAT);
        }

        /** Bump-and-revalue of every pillar over the curves' adjoint (target at least 15). */
        public double bumpOverAdjoint() {
            return medianSeconds.get(BUMP) / medianSeconds.get(CURVES);
        }
    }

    private CurvesQuickBench() {
    }

    public static Result measure(long paths, int repeats) {
        BenchmarkCase flat = BenchmarkCase.asian(paths);
        BenchmarkCase curves = BenchmarkCase.curves(paths);
        Map<String, Supplier<double[]>> runs = new LinkedHashMap<>();
        runs.put(FLAT, flat::adjoint);
        runs.put(CURVES, curves::adjoint);
        runs.put(BUMP, curves::bumpBuckets);
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
        long[] flatBytes = new long[1];
        long[] curveBytes = new long[1];
        flat.adjoint(flatBytes);
        curves.adjoint(curveBytes);
        return new Result(paths, medians, flat.lanes(), flatBytes[0], curves.lanes(), curveBytes[0]);
    }
}
