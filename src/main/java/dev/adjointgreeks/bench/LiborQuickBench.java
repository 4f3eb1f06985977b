package dev.adjointgreeks.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code libor} case of {@code greeks bench}: the published swaption book, 161 sensitivities,
 * about 1,000 paths, each method timed {@code repeats} times after a warm-up of about two seconds
 * (interleaved, medians), the primal, the adjoint and the hand-written adjoint also in JVMs of their own ({@link MethodFork}),
 * every ratio from the same run. Bump-and-revalue (162 revaluations per path) and forward mode (161
 * derivatives carried through every operation, about 20 ms per path) are timed on a tenth and a
 * hundredth of the paths and scaled to the full count, so that the quick command stays quick; the
 * JMH benchmark ({@code LiborBenchmark}) times every method on all 10,000 paths.
 */
public final class LiborQuickBench {

    /** The methods, in table order. */
    public static final List<String> METHODS = List.of("primal", "adjoint", "handwritten", "bump", "forward");

    /** Warm-up time per method (bump and forward: two calls). */
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private LiborQuickBench() {
    }

    public static QuickBench.CaseResult measure(long paths, int repeats) {
        LiborBenchmarkCase full = LiborBenchmarkCase.published(paths);
        long bumpPaths = Math.max(2, paths / 10);
        long forwardPaths = Math.max(2, paths / 100);
        LiborBenchmarkCase bumpCase = LiborBenchmarkCase.published(bumpPaths);
        LiborBenchmarkCase forwardCase = LiborBenchmarkCase.published(forwardPaths);
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("primal", full::primal);
        runs.put("adjoint", full::adjoint);
        runs.put("handwritten", full::handwritten);
        runs.put("bump", bumpCase::bump);
        runs.put("forward", forwardCase::forward);
        Map<String, Double> scale = Map.of("bump", (double) paths / bumpPaths, "forward", (double) paths / forwardPaths);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String m : METHODS) {
            times.put(m, new double[repeats]);
            // Warm-up: the block scalar's code needs a few seconds of running before the JIT has
            // compiled it; a single call leaves the engine's ratio several times too high.
            long until = System.nanoTime() + WARM_UP_NANOS;
            int calls = 0;
            do {
                runs.get(m).get();
                calls++;
            } while (calls < 2 || (System.nanoTime() < until && !m.equals("bump") && !m.equals("forward")));
        }
        for (int r = 0; r < repeats; r++) {
            for (String m : METHODS) {
                long t0 = System.nanoTime();
                Object sink = runs.get(m).get();
                times.get(m)[r] = (System.nanoTime() - t0) / 1e9 * scale.getOrDefault(m, 1.0);
                if (sink == null) {
                    throw new AssertionError();
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String m : METHODS) {
            double[] t = times.get(m).clone();
            Arrays.sort(t);
            medians.put(m, t[t.length / 2]);
        }
        Map<String, Double> inProcess = new LinkedHashMap<>();
        if (MethodFork.enabled() && medians.get("primal") >= MethodFork.MIN_SECONDS) {
            for (String m : List.of("primal", "adjoint", "handwritten")) {   // as QuickBench: from JVMs of their own
                double forked = MethodFork.floorSeconds("libor", paths, m, Math.max(repeats, 5));
                if (forked > 0) {
                    inProcess.put(m, medians.get(m));
                    medians.put(m, forked);
                }
            }
        }
        return new QuickBench.CaseResult("libor", paths, full.sensitivities(), medians, inProcess);
    }
}
