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
 * A method of a case timed in a JVM of its own, as JMH forks: the primal floor, the adjoint and the
 * generic pricer on the passive replay. Their C2 compilation depends on what else the JVM ran and
 * when: the European primal measured 0.76 to 2.1 times the adjoint from one run to the next
 * (2026-12-05), and in process the European adjoint measured 1.8 and 3.1 times the primal in
 * consecutive full runs of the same jar (2026-12-07), the block scalar's loops compiled for the
 * profiles of whichever methods ran first. A fresh JVM that runs one method of one case alone,
 * warmed up, gets one compilation; the time is the fastest of three such forks
 * ({@link #floorSeconds}), the same rule for every forked method. {@code -Dadjointgreeks.bench.fork=false}
 * measures them in process, interleaved with the other methods, as before.
 */
public final class MethodFork {

    /** Warm-up: short runs of the primal, enough for C2 to compile the method itself. */
    static final int SHORT_RUNS = 20_000;
    static final long SHORT_PATHS = 16;

    private MethodFork() {
    }

    /** Whether the forked methods ({@link #FORKED}) are timed in JVMs of their own. */
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

    /** Forks per case and method: the time is the fastest fork's median. */
    static final int FORKS = 3;

    /** The methods {@link QuickBench} times in forks: the ratios the targets are stated for. */
    static final java.util.Set<String> FORKED = java.util.Set.of("primal", "adjoint", "generic-block");

    /**
     * The least of {@link #FORKS} forks' medians of {@code method}. Even a fresh JVM compiles the
     * European primal one of two ways (2.0-2.4 ms in five forks out of six, 4.6 ms in the sixth,
     * 2026-12-06 on a loaded machine); the faster is what the method costs, and three forks all
     * slow is unlikely. NaN if no fork ran.
     */
    static double floorSeconds(BenchmarkCase c, String method, int repeats) {
        return floorSeconds(c.name(), c.paths(), method, repeats);
    }

    /** As above, for the case named {@code name} ({@code libor} included) with {@code paths} paths. */
    static double floorSeconds(String name, long paths, String method, int repeats) {
        double best = Double.NaN;
        for (int f = 0; f < FORKS; f++) {
            double s = medianSeconds(name, paths, method, repeats);
            if (s > 0 && !(s >= best)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Median seconds of {@code repeats} timed runs of the case's {@code method} in a forked JVM, or
     * NaN if the fork cannot run.
     */
    static double medianSeconds(String name, long paths, String method, int repeats) {
        List<String> lines = fork(MethodFork.class, name, Long.toString(paths), Integer.toString(repeats), method);
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

    /** In the fork: {@code name paths repeats method}; prints the method's median seconds. */
    public static void main(String[] args) {
        int repeats = Integer.parseInt(args[2]);
        String method = args.length > 3 ? args[3] : "primal";
        boolean libor = args[0].equals("libor");
        LiborBenchmarkCase book = libor ? LiborBenchmarkCase.published(Long.parseLong(args[1])) : null;
        BenchmarkCase c = libor ? null : byName(args[0], Long.parseLong(args[1]));
        java.util.function.DoubleSupplier run = switch (method) {
            case "primal" -> libor ? book::primal : c::primal;
            case "adjoint" -> libor ? () -> book.adjoint()[0] : () -> c.adjoint()[0];
            case "generic-block" -> c::genericBlock;
            case "handwritten" -> () -> book.handwritten()[0];
            default -> throw new IllegalArgumentException("not a forked method: " + method);
        };
        double sink = 0.0;
        if (method.equals("primal") && !libor) {
            // Many short runs first, so that primal() itself is compiled by C2 with its whole profile,
            // not only its loop on stack replacement in the middle of a long run
            for (int w = 0; w < SHORT_RUNS; w++) {
                sink += c.primal(SHORT_PATHS);
            }
        }
        // the block methods run their loops once per block: whole runs compile them; a second is
        // enough for the slowest case (Heston's adjoint, about 20 ms a run)
        double seconds = libor ? 2.0 : method.equals("primal") ? QuickBench.WARM_UP_SECONDS : 1.0;
        int most = method.equals("primal") && !libor ? QuickBench.MAX_WARM_UP_RUNS : 300;
        long start = System.nanoTime();
        for (int w = 0; w < QuickBench.WARM_UP_RUNS || (w < most && System.nanoTime() - start < seconds * 1e9); w++) {
            sink += run.getAsDouble();
        }
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = QuickBench.now();
            sink += run.getAsDouble();
            t[r] = (QuickBench.now() - t0) / 1e9;
        }
        if (!Double.isFinite(sink)) {
            throw new AssertionError("the " + method + " price is not finite");
        }
        Arrays.sort(t);
        System.out.println(t[t.length / 2]);
    }
}
