package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * The {@code second-order} case (issue 22's targets): a European (one exact step), the 52-fixing
 * Asian and {@link BenchmarkCase#basket basket-10}, each timed end to end through the engine on one
 * thread, interleaved and taken as medians of one run:
 * <ul>
 * <li>{@code first}: the first-order adjoint, every first-order Greek, the shipped estimator;</li>
 * <li>{@code all}: every first- and second-order Greek (gamma, vanna, volga; for the basket the 55
 * gammas of the full cross-gamma matrix), the shipped estimator: differences of adjoint gradients
 * at h and h/2 on the same paths ({@code SecondOrderError}), of the payoff conditioned to be
 * smooth path by path (European, Asian);</li>
 * <li>{@code kinked-first}, {@code kinked-all}: the same on today's kinked payoffs (the basket has
 * only that one): the same Greeks by differences of adjoints, for comparison.</li>
 * </ul>
 * With gamma's standard error of each estimator at the same paths. Second order here is always a
 * difference of adjoint gradients (tangent-over-adjoint is not built), so {@code all / first} is
 * about the number of sweeps: 9 for one asset, 41 for the basket's matrix (targets 2.5 and 6).
 */
public final class SecondOrderBench {

    public static final String NAME = "second-order";
    /** Paths of each trade at scale 1. */
    static final long[] PATHS = {100_000, 20_000, 2_000};

    /** One trade's medians (seconds) and gamma standard errors; kinked values are NaN where the estimator is the same. */
    public record Row(String trade, long paths, int secondOrderGreeks, double first, double all, double kinkedFirst,
            double kinkedAll, double gammaStderr, double kinkedGammaStderr) {

        /** All first- and second-order Greeks over the first-order adjoint. */
        public double allOverFirst() {
            return all / first;
        }

        /** The same Greeks on the kinked payoff over its first-order adjoint. */
        public double kinkedAllOverFirst() {
            return kinkedAll / kinkedFirst;
        }
    }

    private SecondOrderBench() {
    }

    /** Runs the case: {@code repeats} interleaved timings per method after one warm-up. */
    public static List<Row> measure(double scale, int repeats) {
        BlackScholesModel bs = new BlackScholesModel(BenchmarkCase.S, BenchmarkCase.VOL, BenchmarkCase.R, BenchmarkCase.Q);
        double k = BenchmarkCase.K;
        double t = BenchmarkCase.T;
        Trade[][] trades = {
            {new Trade("european", new European(OptionType.CALL, k, t), bs),
                new Trade("european", new European(OptionType.CALL, k, t, false), bs)},
            {new Trade("asian", new Asian(OptionType.CALL, k, t, 52, Averaging.ARITHMETIC), bs),
                new Trade("asian", new Asian(OptionType.CALL, k, t, 52, Averaging.ARITHMETIC, true, false), bs)},
            {BenchmarkCase.basket(10, 1).trade(), null},
        };
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < trades.length; c++) {
            long paths = Math.max(2, Math.round(PATHS[c] * scale));
            RunSettings all = RunSettings.defaults(paths, BenchmarkCase.SEED).withThreads(1);
            RunSettings first = all.withSecondOrder(false);
            Trade smooth = trades[c][0];
            Trade kinked = trades[c][1];
            int n = kinked == null ? 2 : 4;
            double[][] seconds = new double[n][repeats];
            TradeResult[] last = new TradeResult[n];
            for (int rep = -1; rep < repeats; rep++) {
                for (int m = 0; m < n; m++) {
                    Trade tr = m < 2 ? smooth : kinked;
                    RunSettings s = m % 2 == 0 ? first : all;
                    long t0 = System.nanoTime();
                    last[m] = GreeksEngine.price(tr, Method.ADJOINT, s);
                    if (rep >= 0) {
                        seconds[m][rep] = (System.nanoTime() - t0) * 1e-9;
                    }
                }
            }
            List<String> secondOrder = last[1].values().keySet().stream()
                    .filter(g -> !g.endsWith("_stderr") && !last[0].has(g)).toList();
            int second = secondOrder.size();
            String gamma = secondOrder.get(0);   // gamma, or the basket's first asset's own gamma
            rows.add(new Row(smooth.id(), paths, second, median(seconds[0]), median(seconds[1]),
                    n > 2 ? median(seconds[2]) : Double.NaN, n > 2 ? median(seconds[3]) : Double.NaN,
                    stderr(last[1], gamma), n > 2 ? stderr(last[3], gamma) : Double.NaN));
        }
        return rows;
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
