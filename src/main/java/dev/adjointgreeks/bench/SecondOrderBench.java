package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * The {@code second-order} case (issue 22's targets): a European (one exact step), the 52-fixing
 * Asian and {@link BenchmarkCase#basket basket-10}, each timed end to end through the engine on one
 * thread, each warmed up until C2 has compiled it ({@link #warmUp}), then interleaved and taken as
 * medians of one run (thread CPU time, as {@link QuickBench}):
 * <ul>
 * <li>{@code first}: the first-order adjoint, every first-order Greek, the shipped estimator;</li>
 * <li>{@code all}: every first- and second-order Greek (gamma, vanna, volga; for the basket the 55
 * gammas of the full cross-gamma matrix) by the shipped method ({@code SecondOrderMethod.AUTO}):
 * tangent-over-adjoint where the payoff is smooth path by path (the conditioned European, Asian
 * and basket: one forward and one reverse sweep carrying a tangent per spot or vol, ten spot
 * directions for the basket), else differences of adjoint gradients at h and h/2;</li>
 * <li>{@code differences}: the same Greeks on the same smooth payoff by differences of adjoint
 * gradients ({@code SecondOrderMethod.DIFFERENCES}: 9 adjoint sweeps for one asset, 41 for the
 * basket's matrix); where {@code all} is already differences it is that same timing;</li>
 * <li>{@code kinked-first}, {@code kinked-all}: the same on the kinked payoffs (the hand-written
 * primals' in the other cases): the same Greeks by differences of adjoints, for comparison.</li>
 * </ul>
 * With gamma's standard error of each estimator at the same paths. Targets: {@code all / first}
 * at most 2.5 for one asset, 6 for the basket.
 */
public final class SecondOrderBench {

    public static final String NAME = "second-order";
    /** Paths of each trade at scale 1. */
    static final long[] PATHS = {1_000_000, 20_000, 2_000};   // the one-step European: long enough to time
    /** {@link Row#secondOrderMethod()} values. */
    public static final String TANGENT = "tangent-over-adjoint";
    public static final String DIFFERENCES = "differences";

    /**
     * One trade's medians (seconds) and gamma standard errors; kinked values are NaN where there is
     * no kinked variant. {@code secondOrderMethod}: what {@code all} used. (Fields are only ever
     * added, for the JSON output's readers.)
     */
    public record Row(String trade, long paths, int secondOrderGreeks, double first, double all, double kinkedFirst,
            double kinkedAll, double gammaStderr, double kinkedGammaStderr, String secondOrderMethod,
            double differences, double differencesGammaStderr) {

        /** All first- and second-order Greeks by the shipped method over the first-order adjoint. */
        @JsonProperty
        public double allOverFirst() {
            return all / first;
        }

        /** The same Greeks by differences of adjoints on the same payoff over the first-order adjoint. */
        @JsonProperty
        public double differencesOverFirst() {
            return differences / first;
        }

        /** The same Greeks on the kinked payoff over its first-order adjoint. */
        @JsonProperty
        public double kinkedAllOverFirst() {
            return kinkedAll / kinkedFirst;
        }
    }

    private SecondOrderBench() {
    }

    /**
     * Runs the case in a JVM of its own, as JMH forks (unless {@code -Dadjointgreeks.bench.fork=false}
     * or the fork fails: then in this one). After the other cases the block scalar's code is compiled
     * for their profiles: basket-10 printed all/first 8.7 after them and 3.2-3.7 alone (2026-12-06).
     */
    public static List<Row> measureForked(double scale, int repeats) {
        if (MethodFork.enabled()) {
            List<String> lines = MethodFork.fork(SecondOrderBench.class, Double.toString(scale),
                    Integer.toString(repeats));
            List<Row> rows = lines == null ? null : parse(lines);
            if (rows != null) {
                return rows;
            }
        }
        return measure(scale, repeats);
    }

    /** In the fork: {@code scale repeats}; prints one line per row ({@link #format}). */
    public static void main(String[] args) {
        for (Row r : measure(Double.parseDouble(args[0]), Integer.parseInt(args[1]))) {
            System.out.println(format(r));
        }
    }

    /** A row as one line of space-separated fields, numbers exact ({@link Double#toString}). */
    static String format(Row r) {
        return String.join(" ", ROW_MARK, r.trade(), Long.toString(r.paths()), Integer.toString(r.secondOrderGreeks()),
                Double.toString(r.first()), Double.toString(r.all()), Double.toString(r.kinkedFirst()),
                Double.toString(r.kinkedAll()), Double.toString(r.gammaStderr()),
                Double.toString(r.kinkedGammaStderr()),
                r.secondOrderMethod(), Double.toString(r.differences()), Double.toString(r.differencesGammaStderr()));
    }

    private static final String ROW_MARK = "second-order-row";

    /** The rows {@link #format} printed (other lines ignored), or null if there are none or one is malformed. */
    static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length != 13 || !f[0].equals(ROW_MARK)) {
                continue;
            }
            try {
                rows.add(new Row(f[1], Long.parseLong(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9]), f[10], Double.parseDouble(f[11]),
                        Double.parseDouble(f[12])));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return rows.isEmpty() ? null : rows;
    }

    /** Runs the case in this JVM: {@code repeats} interleaved timings per method after its warm-up. */
    public static List<Row> measure(double scale, int repeats) {
        BlackScholesModel bs = new BlackScholesModel(BenchmarkCase.S, BenchmarkCase.VOL, BenchmarkCase.R, BenchmarkCase.Q);
        double k = BenchmarkCase.K;
        double t = BenchmarkCase.T;
        Trade[][] trades = {
            {new Trade("european", new European(OptionType.CALL, k, t), bs),
                new Trade("european", new European(OptionType.CALL, k, t, false), bs)},
            {new Trade("asian", new Asian(OptionType.CALL, k, t, 52, Averaging.ARITHMETIC), bs),
                new Trade("asian", new Asian(OptionType.CALL, k, t, 52, Averaging.ARITHMETIC, true, false), bs)},
            {conditioned(BenchmarkCase.basket(10, 1).trade()), BenchmarkCase.basket(10, 1).trade()},
        };
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < trades.length; c++) {
            long paths = Math.max(2, Math.round(PATHS[c] * scale));
            RunSettings all = RunSettings.defaults(paths, BenchmarkCase.SEED).withThreads(1);
            RunSettings first = all.withSecondOrder(false);
            RunSettings differences = all.withSecondOrderMethod(RunSettings.SecondOrderMethod.DIFFERENCES);
            Trade smooth = trades[c][0];
            Trade kinked = trades[c][1];
            // AUTO takes tangent-over-adjoint exactly where the problem is smooth path by path (AdjointEngine)
            boolean tangent = smooth.problem().smoothPathwise();
            // timed: smooth first, all, [differences where all is tangent], [kinked first, kinked all]
            List<Trade> trs = new ArrayList<>(List.of(smooth, smooth));
            List<RunSettings> runs = new ArrayList<>(List.of(first, all));
            if (tangent) {
                trs.add(smooth);
                runs.add(differences);
            }
            int kinkedAt = trs.size();
            if (kinked != null) {
                trs.addAll(List.of(kinked, kinked));
                runs.addAll(List.of(first, all));
            }
            int n = trs.size();
            double[][] seconds = new double[n][repeats];
            TradeResult[] last = new TradeResult[n];
            for (int m = 0; m < n; m++) {
                warmUp(trs.get(m), runs.get(m));
            }
            for (int rep = 0; rep < repeats; rep++) {
                for (int m = 0; m < n; m++) {
                    long t0 = QuickBench.now();
                    last[m] = GreeksEngine.price(trs.get(m), Method.ADJOINT, runs.get(m));
                    seconds[m][rep] = (QuickBench.now() - t0) * 1e-9;
                }
            }
            List<String> secondOrder = last[1].values().keySet().stream()
                    .filter(g -> !g.endsWith("_stderr") && !last[0].has(g)).toList();
            int second = secondOrder.size();
            String gamma = secondOrder.get(0);   // gamma, or the basket's first asset's own gamma
            int diff = tangent ? 2 : 1;
            boolean hasKinked = kinked != null;
            rows.add(new Row(smooth.id(), paths, second, median(seconds[0]), median(seconds[1]),
                    hasKinked ? median(seconds[kinkedAt]) : Double.NaN,
                    hasKinked ? median(seconds[kinkedAt + 1]) : Double.NaN,
                    stderr(last[1], gamma), hasKinked ? stderr(last[kinkedAt + 1], gamma) : Double.NaN,
                    tangent ? TANGENT : DIFFERENCES, median(seconds[diff]), stderr(last[diff], gamma)));
        }
        return rows;
    }

    /**
     * Runs one method until C2 has compiled it: at least {@link #WARM_UP_SECONDS} and
     * {@link QuickBench#WARM_UP_RUNS} runs, then until two consecutive runs agree within 10% (or
     * {@link QuickBench#MAX_WARM_UP_RUNS}). The tangent sweep's loops take several runs to compile:
     * the 1,000,000-path European's first four or five took 3-4x its steady time, so that one warm-up
     * run left its ratio anywhere between 1.7 and 6.3 (2026-12-06).
     */
    private static void warmUp(Trade trade, RunSettings settings) {
        long start = System.nanoTime();
        double previous = Double.NaN;
        for (int w = 1; w <= QuickBench.MAX_WARM_UP_RUNS; w++) {
            long t0 = QuickBench.now();
            GreeksEngine.price(trade, Method.ADJOINT, settings);
            double t = (QuickBench.now() - t0) * 1e-9;
            boolean longEnough = w >= QuickBench.WARM_UP_RUNS && System.nanoTime() - start >= WARM_UP_SECONDS * 1e9;
            if (longEnough && Math.abs(t - previous) <= 0.1 * previous) {
                return;
            }
            previous = t;
        }
    }

    /** Least warm-up per method (seconds of wall time). */
    static final double WARM_UP_SECONDS = 2.0;

    /** The basket case's trade with its payoff conditioned (smooth path by path: tangent-over-adjoint). */
    private static Trade conditioned(Trade kinked) {
        Basket b = (Basket) kinked.product();
        return new Trade(kinked.id(), new Basket(b.type(), b.strike(), b.maturity(), b.weights(), true), kinked.model());
    }

    private static double stderr(TradeResult r, String gamma) {
        return r.has(gamma + "_stderr") ? r.get(gamma + "_stderr") : Double.NaN;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
