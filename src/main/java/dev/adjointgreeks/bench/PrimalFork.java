package dev.adjointgreeks.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The primal floor timed in a JVM of its own, as JMH forks: the hand-written price is a short loop
 * whose C2 compilation depends on what else the JVM ran and when (the European primal measured
 * 0.76 to 2.1 times the adjoint from one run to the next, 2026-12-05). A fresh JVM that runs one
 * case's primal alone, warmed up by many short runs, gets the fast compilation most of the time;
 * the floor is the fastest of three such forks ({@link #floorSeconds}). {@code -Dadjointgreeks.bench.fork=false}
 * measures it in process, interleaved with the other methods, as before.
 */
public final class PrimalFork {

    /** Warm-up: short runs of the primal, enough for C2 to compile the method itself. */
    static final int SHORT_RUNS = 20_000;
    static final long SHORT_PATHS = 16;

    private PrimalFork() {
    }

    /** Whether the primal is timed in a forked JVM. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("adjointgreeks.bench.fork"));
    }

    /** The case named {@code name} with {@code paths} paths, as {@link QuickBench#defaultCases} makes it. */
    static BenchmarkCase byName(String name, long paths) {
        switch (name) {
            case "european":
                return BenchmarkCase.european(paths);
            case "asian":
                return BenchmarkCase.asian(paths);
            case CurveCase.NAME:
                return BenchmarkCase.curves(paths);
            case "heston":
                return BenchmarkCase.heston(paths);
            default:
                if (name.startsWith("basket-")) {
                    return BenchmarkCase.basket(Integer.parseInt(name.substring("basket-".length())), paths);
                }
                throw new IllegalArgumentException("unknown case " + name);
        }
    }

    /** A primal shorter than this in process is not forked: a JVM's start would cost far more than it. */
    static final double MIN_SECONDS = 5e-4;

    /** Forks per case: the floor is the fastest fork's median. */
    static final int FORKS = 3;

    /**
     * The primal floor: the least of {@link #FORKS} forks' medians. Even a fresh JVM compiles the
     * European primal one of two ways (2.0-2.4 ms in five forks out of six, 4.6 ms in the sixth,
     * 2026-12-06 on a loaded machine); the faster is what the hand-written price costs, and three
     * forks all slow is unlikely. NaN if no fork ran.
     */
    static double floorSeconds(BenchmarkCase c, int repeats) {
        double best = Double.NaN;
        for (int f = 0; f < FORKS; f++) {
            double s = medianSeconds(c, repeats);
            if (s > 0 && !(s >= best)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Median seconds of {@code repeats} timed runs of the case's primal in a forked JVM (warmed up
     * as {@link QuickBench} warms up every method), or NaN if the fork cannot run.
     */
    static double medianSeconds(BenchmarkCase c, int repeats) {
        List<String> lines = fork(PrimalFork.class, c.name(), Long.toString(c.paths()), Integer.toString(repeats));
        try {
            return lines == null || lines.isEmpty() ? Double.NaN : Double.parseDouble(lines.get(lines.size() - 1).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Runs {@code main}'s {@code main(args)} in a JVM of its own on this classpath and returns what it
     * printed, line by line; null if it could not run or failed.
     */
    static List<String> fork(Class<?> main, String... args) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return lines;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** In the fork: {@code name paths repeats}; prints the primal's median seconds. */
    public static void main(String[] args) {
        BenchmarkCase c = byName(args[0], Long.parseLong(args[1]));
        int repeats = Integer.parseInt(args[2]);
        // Many short runs first, so that primal() itself is compiled by C2 with its whole profile,
        // not only its loop on stack replacement in the middle of a long run
        double sink = 0.0;
        for (int w = 0; w < SHORT_RUNS; w++) {
            sink += c.primal(SHORT_PATHS);
        }
        long start = System.nanoTime();
        for (int w = 0; w < QuickBench.WARM_UP_RUNS || (w < QuickBench.MAX_WARM_UP_RUNS
                && System.nanoTime() - start < QuickBench.WARM_UP_SECONDS * 1e9); w++) {
            c.primal();
        }
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = QuickBench.now();
            sink += c.primal();
            t[r] = (QuickBench.now() - t0) / 1e9;
        }
        if (!Double.isFinite(sink)) {
            throw new AssertionError("the primal price is not finite");
        }
        Arrays.sort(t);
        System.out.println(t[t.length / 2]);
    }
}
