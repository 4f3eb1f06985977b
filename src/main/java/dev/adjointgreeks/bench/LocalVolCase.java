package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.ad.GridTable;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.model.CurveInput;
import dev.adjointgreeks.model.LocalVolModel;
import dev.adjointgreeks.model.MarketBlocks;
import dev.adjointgreeks.model.SurfaceInput;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.OptionType;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.surface.LocalVolGrid;

/**
 * The {@code localvol} benchmark case (issue 20's targets): an arithmetic Asian call (52 weekly
 * fixings, no control variate) under {@link LocalVolModel} on a 10 x 10 surface (3M to 5Y, strikes
 * 75 to 138: the shape of the case, with a parametric equity skew), 104 log-Euler steps.
 * Its sensitivities are spot, the 100 quotes, rate and dividend.
 *
 * <p>The primal floor ({@link #kernel}) is a plain double loop over a grid built beforehand, on the
 * same axis and times as the model's: per step a {@link GridTable#value} lookup and the log-Euler
 * step; a kernel for the trade's own inputs is built once and kept, so the floor excludes the grid's
 * construction (the setup the adjoint pays is reported apart). The bump of a quote is two more
 * kernels, each with its own grid: what a hand-written bumping engine would pay.
 */
public final class LocalVolCase {

    public static final String NAME = "localvol";
    public static final int FIXINGS = 52;
    public static final int STEPS = 104;

    static final List<String> EXPIRIES = List.of("3M", "4M", "6M", "9M", "1Y", "15M", "18M", "2Y", "3Y", "5Y");
    static final List<String> STRIKES = List.of("75", "82", "89", "96", "103", "110", "117", "124", "131", "138");

    private static final Map<String, Double> TENORS = Map.of("3M", 0.25, "4M", 1 / 3.0, "6M", 0.5, "9M", 0.75, "1Y",
            1.0, "15M", 1.25, "18M", 1.5, "2Y", 2.0, "3Y", 3.0, "5Y", 5.0);

    private LocalVolCase() {
    }

    /** A parametric equity skew: vol falling in log-strike, flattening with expiry, a little convexity. */
    static double vol(double strike, double t) {
        double k = Math.log(strike / BenchmarkCase.S);
        return 0.19 + 0.02 * Math.exp(-t) - 0.12 * k / Math.sqrt(1 + t) + 0.1 * k * k / (1 + t);
    }

    static SurfaceInput surface() {
        StringBuilder v = new StringBuilder();
        for (String e : EXPIRIES) {
            for (String s : STRIKES) {
                v.append(v.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f",
                        vol(Double.parseDouble(s), TENORS.get(e))));
            }
        }
        Map<String, String> f = new HashMap<>();
        f.put("vol_surface", v.toString());
        f.put("vol_surface_expiries", String.join(",", EXPIRIES));
        f.put("vol_surface_strikes", String.join(",", STRIKES));
        f.put("vol_surface_axis", SurfaceInput.AXIS_STRIKE);
        return SurfaceInput.of(new Fields() {
            @Override
            public String text(String column) {
                return f.get(column);
            }

            @Override
            public double[] numbers(String column) {
                return Arrays.stream(f.get(column).split(",")).mapToDouble(Double::parseDouble).toArray();
            }
        });
    }

    static Trade trade() {
        LocalVolModel m = new LocalVolModel(BenchmarkCase.S, surface(), CurveInput.flat(MarketBlocks.RATE, BenchmarkCase.R),
                CurveInput.flat(MarketBlocks.DIVIDEND, BenchmarkCase.Q));
        return new Trade(NAME, new Asian(OptionType.CALL, BenchmarkCase.K, BenchmarkCase.T, FIXINGS,
                Averaging.ARITHMETIC, false), m, 0, STEPS, null, 1, null);
    }

    /** The sensitivities: every model input (spot, 100 quotes, rate, dividend). */
    static String[] greekInputs(Trade t) {
        List<String> names = new ArrayList<>(Arrays.asList(t.problem().inputNames()));
        names.removeIf(n -> n.equals("strike") || n.equals("maturity"));
        if (names.size() != 3 + EXPIRIES.size() * STRIKES.size()) {
            throw new IllegalStateException("localvol case: unexpected inputs " + names);
        }
        return names.toArray(new String[0]);
    }

    private static double[] baseInputs;
    private static PrimalKernels.Kernel baseKernel;

    /** The primal kernel of {@code x}: the trade's own inputs' kernel is built once and kept (grid precomputed). */
    static synchronized PrimalKernels.Kernel kernel(double[] x) {
        if (baseKernel != null && Arrays.equals(x, baseInputs)) {
            return baseKernel;
        }
        PrimalKernels.Kernel k = build(x);
        if (baseKernel == null) {
            baseInputs = x.clone();
            baseKernel = k;
        }
        return k;
    }

    /**
     * The hand-written price from the input vector (spot, 100 quotes, rate, dividend, strike,
     * maturity): the grid built on passive scalars by the model's own setup, then read as doubles.
     */
    static PrimalKernels.Kernel build(double[] x) {
        LocalVolModel m = (LocalVolModel) trade().model();
        int n = m.inputs().size();
        Decimal64[] d = new Decimal64[n];
        for (int i = 0; i < n; i++) {
            d[i] = new Decimal64(x[i]);
        }
        double t = x[n + 1];
        double k = x[n];
        LocalVolGrid<Decimal64> grid = m.grid(m.inputs().view(d, 0), t, STEPS);
        double[] g = grid.values();
        LocalVolGrid.Axis axis = grid.axis();
        double first = axis.first();
        double step = axis.step();
        int points = axis.points();
        double r = x[n - 2];
        double q = x[n - 1];
        double dt = t / STEPS;
        double carry = (r - q) * dt;
        double sqrtDt = Math.sqrt(dt);
        double logS0 = Math.log(x[0]);
        double df = Math.exp(-r * t);
        int stride = STEPS / FIXINGS;
        double w = 1.0 / FIXINGS;
        return z -> {
            double l = logS0;
            double sum = 0.0;
            for (int s = 0; s < STEPS; s++) {
                double sigma = GridTable.value(g, s * points, first, step, points, l) * sqrtDt;
                l = l - 0.5 * sigma * sigma + carry + sigma * z[s];
                if ((s + 1) % stride == 0) {
                    sum += w * Math.exp(l);
                }
            }
            return Math.max(sum - k, 0.0) * df;
        };
    }

    /**
     * Bump-and-revalue of the first {@code quotes} quotes (central differences of {@code relative}
     * times the quote, 2 kernels each, on the same normals as the adjoint): the price, then the
     * buckets. All 100 cost 100 / quotes times as much. A path's price is piecewise smooth in a
     * quote (the lookup is piecewise linear in log-spot): a bump across a kink of one of its 104
     * lookups differs from the pathwise derivative, so on few paths central differences of 1e-4
     * scatter by a few percent around the adjoint and converge to it as the bump shrinks.
     */
    static double[] bumpQuotes(double[] inputs, long paths, int dimension, int quotes, double relative) {
        PrimalKernels.Kernel base = kernel(inputs);
        PrimalKernels.Kernel[] up = new PrimalKernels.Kernel[quotes];
        PrimalKernels.Kernel[] down = new PrimalKernels.Kernel[quotes];
        double[] h = new double[quotes];
        for (int j = 0; j < quotes; j++) {
            int i = 1 + j;
            h[j] = relative * inputs[i];
            double[] u = inputs.clone();
            double[] d = inputs.clone();
            u[i] += h[j];
            d[i] -= h[j];
            up[j] = build(u);
            down[j] = build(d);
        }
        NormalSource source = NormalSource.pseudoRandom(RandomStreams.block(BenchmarkCase.SEED, 0));
        double[] z = new double[dimension];
        double[] out = new double[1 + quotes];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            out[0] += base.payoff(z);
            for (int j = 0; j < quotes; j++) {
                out[1 + j] += up[j].payoff(z) - down[j].payoff(z);
            }
        }
        out[0] /= paths;
        for (int j = 0; j < quotes; j++) {
            out[1 + j] /= 2 * h[j] * paths;
        }
        return out;
    }
}
