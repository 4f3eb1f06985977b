package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A quick, non-JMH measurement of the benchmark cases: every method warmed up first (at least
 * {@link #WARM_UP_RUNS} runs, and up to {@link #WARM_UP_SECONDS} seconds or {@link #MAX_WARM_UP_RUNS} runs each, so that the JIT has compiled
 * the primal as well as the others), then timed {@code repeats} times, interleaved, the median
 * reported, and every ratio taken within this one run. The primal, the adjoint and the generic
 * pricer on the passive replay are timed in forked JVMs that run them alone ({@link MethodFork}),
 * unless forking is off or fails; their in-process medians are kept beside. Times are the thread's CPU time where the
 * JVM measures it (a shared machine's other processes then count less), else wall time.
 */
public final class QuickBench {

    /** The methods, in table order. */
    public static final List<String> METHODS = List.of("primal", "generic", "generic-block", "adjoint",
            "path-adjoint", "bump", "forward", "engine");

    /** Methods that compute the price alone. */
    public static boolean priceOnly(String method) {
        return method.equals("primal") || method.equals("generic") || method.equals("generic-block");
    }

    public static final int WARM_UP_RUNS = 3;
    public static final double WARM_UP_SECONDS = 0.5;
    public static final int MAX_WARM_UP_RUNS = 30;

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static long now() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Median seconds per method for one case. */
    public record CaseResult(String name, long paths, int sensitivities, Map<String, Double> medianSeconds,
            Map<String, Double> inProcessSeconds) {
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
        runs.put("generic-block", c::genericBlock);
        runs.put("adjoint", c::adjoint);
        runs.put("path-adjoint", c::pathAdjoint);
        runs.put("bump", c::bump);
        runs.put("forward", c::forward);
        runs.put("engine", c::engine);
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String m : METHODS) {
            times.put(m, new double[repeats]);
            long start = System.nanoTime();
            for (int w = 0; w < WARM_UP_RUNS
                    || (w < MAX_WARM_UP_RUNS && System.nanoTime() - start < WARM_UP_SECONDS * 1e9); w++) {
                runs.get(m).get();
            }
        }
        // Interleave the methods so that a slow phase of a noisy machine hits them all alike.
        for (int r = 0; r < repeats; r++) {
            for (String m : METHODS) {
                long t0 = now();
                Object sink = runs.get(m).get();
                times.get(m)[r] = (now() - t0) / 1e9;
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
            // each from JVMs of its own: one compilation, not the profile of whatever ran before
            for (String m : METHODS) {
                if (MethodFork.FORKED.contains(m)) {
                    double forked = MethodFork.floorSeconds(c, m, Math.max(repeats, 5));
                    if (forked > 0) {
                        inProcess.put(m, medians.get(m));
                        medians.put(m, forked);
                    }
                }
            }
        }
        return new CaseResult(c.name(), c.paths(), c.sensitivities(), medians, inProcess);
    }

    /** The default quick cases; {@code scale} multiplies every path count. */
    public static List<BenchmarkCase> defaultCases(double scale) {
        List<BenchmarkCase> cases = new ArrayList<>();
        cases.add(BenchmarkCase.european(paths(200_000, scale)));
        cases.add(BenchmarkCase.asian(paths(20_000, scale)));
        cases.add(BenchmarkCase.basket(10, paths(20_000, scale)));
        cases.add(BenchmarkCase.basket(50, paths(2_000, scale)));
        cases.add(BenchmarkCase.heston(paths(10_000, scale)));
        cases.add(BenchmarkCase.curves(paths(CurvesQuickBench.PATHS, scale)));
        return cases;
    }

    static long paths(long n, double scale) {
        return Math.max(2, Math.round(n * scale));
    }
}
