package dev.adjointgreeks.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.curve.CurveQuotes;
import dev.adjointgreeks.curve.ZeroCurve;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.NormalSource;
import dev.adjointgreeks.mc.RandomStreams;
import dev.adjointgreeks.model.BlackScholesCurveModel;
import dev.adjointgreeks.model.CurveInput;
import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.OptionType;

/**
 * The {@code curves} benchmark case: {@link BenchmarkCase#asian}'s trade (arithmetic Asian call,
 * 52 weekly fixings, no control variate) on a 12-pillar discount curve and an 8-pillar dividend
 * curve (those of {@code scenarios/curves.json}) instead of a flat rate and dividend. Its
 * sensitivities are spot, vol and the 20 pillars. Its primal kernel reads the curves once, when it
 * is made (each step's drift and the discount factor to maturity, as the model's setup does), so
 * that a path costs what a flat path costs: the bump-and-revalue of a pillar is one more such
 * kernel, which is what a hand-written bumping engine would pay.
 */
public final class CurveCase {

    public static final String NAME = "curves";
    public static final int FIXINGS = 52;

    static final List<String> DISCOUNT_TENORS = List.of("1M", "3M", "6M", "9M", "1Y", "18M", "2Y", "3Y", "5Y", "7Y",
            "10Y", "30Y");
    static final double[] DISCOUNT_RATES = {0.0433, 0.0431, 0.0424, 0.0416, 0.0408, 0.0396, 0.0389, 0.0383, 0.0381,
        0.0386, 0.0395, 0.0412};
    static final List<String> DIVIDEND_TENORS = List.of("3M", "6M", "1Y", "2Y", "3Y", "5Y", "10Y", "30Y");
    static final double[] DIVIDEND_YIELDS = {0.0135, 0.0138, 0.0142, 0.0146, 0.0149, 0.0153, 0.0158, 0.0160};

    private static final CurveQuotes DISCOUNT = CurveQuotes.parse("discount_curve", DISCOUNT_TENORS, DISCOUNT_RATES);
    private static final CurveQuotes DIVIDEND = CurveQuotes.parse("dividend_curve", DIVIDEND_TENORS, DIVIDEND_YIELDS);

    private CurveCase() {
    }

    /** The trade: the flat Asian case's contract and spot and vol, on the two curves. */
    static Trade trade() {
        CurveInput r = CurveInput.curve(MarketInputs.DISCOUNT_CURVE.block(), MarketInputs.DISCOUNT_CURVE.role(), DISCOUNT);
        CurveInput q = CurveInput.curve(MarketInputs.DIVIDEND_CURVE.block(), MarketInputs.DIVIDEND_CURVE.role(), DIVIDEND);
        return new Trade(NAME, new Asian(OptionType.CALL, BenchmarkCase.K, BenchmarkCase.T, FIXINGS,
                Averaging.ARITHMETIC, false, false), new BlackScholesCurveModel(BenchmarkCase.S, BenchmarkCase.VOL, r, q));
    }

    /** The sensitivities: every model input (spot, vol, the 12 discount and the 8 dividend pillars). */
    static String[] greekInputs(Trade t) {
        List<String> names = new ArrayList<>(Arrays.asList(t.problem().inputNames()));
        names.removeIf(n -> n.equals("strike") || n.equals("maturity"));
        if (names.size() != 2 + DISCOUNT_RATES.length + DIVIDEND_YIELDS.length) {
            throw new IllegalStateException("curves case: unexpected inputs " + names);
        }
        return names.toArray(new String[0]);
    }

    /**
     * The hand-written price of the trade from its input vector (spot, vol, 12 discount pillars, 8
     * dividend pillars, strike, maturity: the model's order, then the product's): the curves are
     * read once, here, through {@link ZeroCurve} on passive scalars, exactly as the model's setup.
     */
    static PrimalKernels.Kernel kernel(double[] x) {
        int nr = DISCOUNT_RATES.length;
        int nq = DIVIDEND_YIELDS.length;
        double s = x[0];
        double vol = x[1];
        ZeroCurve<Decimal64> r = ZeroCurve.of(DISCOUNT.times(), passive(x, 2, nr));
        ZeroCurve<Decimal64> q = ZeroCurve.of(DIVIDEND.times(), passive(x, 2 + nr, nq));
        double k = x[2 + nr + nq];
        double t = x[3 + nr + nq];
        int n = FIXINGS;
        Decimal64 dt = new Decimal64(t / n);
        double halfVariance = 0.5 * vol * vol * dt.getReal();
        double[] drift = new double[n];
        for (int i = 0; i < n; i++) {
            Decimal64 start = dt.multiply(i);
            drift[i] = r.stepIntegral(start, dt).subtract(q.stepIntegral(start, dt)).getReal() - halfVariance;
        }
        double logS0 = Math.log(s);
        double volSqrtDt = vol * Math.sqrt(dt.getReal());
        double df = r.discountFactor(new Decimal64(t)).getReal();
        double w = 1.0 / n;
        return z -> {
            double l = logS0;
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                l = l + drift[i] + volSqrtDt * z[i];
                sum += w * Math.exp(l);
            }
            return Math.max(sum - k, 0.0) * df;
        };
    }

    private static Decimal64[] passive(double[] x, int from, int count) {
        Decimal64[] out = new Decimal64[count];
        for (int i = 0; i < count; i++) {
            out[i] = new Decimal64(x[from + i]);
        }
        return out;
    }

    /**
     * Bump-and-revalue of every pillar (central differences, 40 revaluations and the base, all on
     * the same normals as {@link BenchmarkCase#adjoint()}): the price, then the 12 discount and the
     * 8 dividend buckets.
     */
    static double[] bumpBuckets(double[] inputs, long paths, int dimension) {
        int first = 2;
        int m = DISCOUNT_RATES.length + DIVIDEND_YIELDS.length;
        PrimalKernels.Kernel base = kernel(inputs);
        PrimalKernels.Kernel[] up = new PrimalKernels.Kernel[m];
        PrimalKernels.Kernel[] down = new PrimalKernels.Kernel[m];
        double[] h = new double[m];
        for (int j = 0; j < m; j++) {
            int i = first + j;
            h[j] = 1e-4 * Math.max(Math.abs(inputs[i]), 0.01);
            double[] u = inputs.clone();
            double[] d = inputs.clone();
            u[i] += h[j];
            d[i] -= h[j];
            up[j] = kernel(u);
            down[j] = kernel(d);
        }
        NormalSource source = NormalSource.pseudoRandom(RandomStreams.block(BenchmarkCase.SEED, 0));
        double[] z = new double[dimension];
        double[] out = new double[1 + m];
        for (long p = 0; p < paths; p++) {
            source.next(z);
            out[0] += base.payoff(z);
            for (int j = 0; j < m; j++) {
                out[1 + j] += up[j].payoff(z) - down[j].payoff(z);
            }
        }
        out[0] /= paths;
        for (int j = 0; j < m; j++) {
            out[1 + j] /= 2 * h[j] * paths;
        }
        return out;
    }
}
