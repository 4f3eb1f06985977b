package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A quick, non-JMH measurement of the benchmark cases: each method timed {@code repeats} times
 * after one warm-up run, the median reported, and every ratio taken within this one run.
 */
public final class QuickBench {

    /** The methods, in table order. */
    public static final List<String> METHODS = List.of("primal", "generic", "adjoint", "bump", "forward");

    /** Median seconds per method for one case. */
    public record CaseResult(String name, long paths, int sensitivities, Map<String, Double> medianSeconds) {
        public double ratio(String method) {
            return medianSeconds.get(method) / medianSeconds.get("primal");
        }
    }

    private QuickBench() {
    }

    public static CaseResult measure(BenchmarkCase c, int repeats) {
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("primal", c::primal);
        runs.put("generic", c::generic);
        runs.put("adjoint", c::adjoint);
        runs.put("bump", c::bump);
        runs.put("forward", c::forward);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String m : METHODS) {
            times.put(m, new double[repeats]);
            runs.get(m).get();   // warm-up
        }
        // Interleave the methods so that a slow phase of a noisy machine hits them all alike.
        for (int r = 0; r < repeats; r++) {
            for (String m : METHODS) {
                long t0 = System.nanoTime();
                Object sink = runs.get(m).get();
                times.get(m)[r] = (System.nanoTime() - t0) / 1e9;
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
        return new CaseResult(c.name(), c.paths(), c.sensitivities(), medians);
    }

    /** The default quick cases; {@code scale} multiplies every path count. */
    public static List<BenchmarkCase> defaultCases(double scale) {
        List<BenchmarkCase> cases = new ArrayList<>();
        cases.add(BenchmarkCase.european(paths(200_000, scale)));
        cases.add(BenchmarkCase.asian(paths(20_000, scale)));
        cases.add(BenchmarkCase.basket(10, paths(20_000, scale)));
        cases.add(BenchmarkCase.basket(50, paths(2_000, scale)));
        cases.add(BenchmarkCase.heston(paths(10_000, scale)));
        return cases;
    }

    private static long paths(long n, double scale) {
        return Math.max(2, Math.round(n * scale));
    }
}
