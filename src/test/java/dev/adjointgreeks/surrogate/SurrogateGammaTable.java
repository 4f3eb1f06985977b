package dev.adjointgreeks.surrogate;

import java.util.Locale;

import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.nn.TwinNetwork;

/**
 * The measurement of benchmarks/results/2026-12-06-surrogate-gamma.md: the bs-call surrogate
 * trained with and without second-order labels, same samples, seeds, epochs and network, test
 * errors of price, delta and gamma (the network's by {@link TwinNetwork#secondDerivative}) against
 * Black-Scholes on the example's grid of 100 spots from 35 to 165. Arms, in this order per seed:
 * {@code pathwise} (the default: kinked payoffs, first order), then per {@code steps} the payoff
 * conditioned on the last of that many steps (1: the closed form itself) with each second-order
 * weight (0: first order only on the same smooth labels). Run after {@code mvn -B test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.adjointgreeks.surrogate.SurrogateGammaTable
 * SAMPLES STEPS,.. WEIGHTS,.. SEEDS,..}.
 */
public final class SurrogateGammaTable {

    private SurrogateGammaTable() {
    }

    public static void main(String[] args) throws Exception {
        int m = Integer.parseInt(args[0]);
        int[] steps = ints(args[1]);
        double[] weights = doubles(args[2]);
        int[] seeds = ints(args[3]);
        int epochs = Integer.getInteger("epochs", 100);
        int threads = Integer.getInteger("threads", 2);
        SurrogateSpec base = Examples.byName("bs-call");
        System.out.println("| labels | 2nd-order weight | seed | price RMSE | delta RMSE | gamma RMSE | train s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int seed : seeds) {
            row("pathwise (kinked)", 0, seed, base, TrainingData.generate(base, m, seed), epochs, threads);
            for (int k : steps) {
                SurrogateSpec spec = SecondOrderLabelsTest.withSteps(base, k);
                TrainingData d = TrainingData.generateSecondOrder(spec, m, seed);
                for (double w : weights) {
                    row("conditioned, " + k + " step" + (k > 1 ? "s" : ""), w, seed, spec, d, epochs, threads);
                }
            }
        }
    }

    private static void row(String labels, double w, int seed, SurrogateSpec spec, TrainingData d, int epochs,
            int threads) {
        SurrogateTrainer.Result r = SurrogateTrainer.train(d, spec.hidden(), new SurrogateTrainer.Settings(epochs, true,
                SurrogateTrainer.GradientMethod.LANES, seed, threads, w), null);
        double[] e = errors(r, spec);
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.5f | %.6f | %.1f |%n", labels, w, seed, e[0], e[1], e[2],
                r.seconds());
        System.out.flush();
    }

    /** Price, delta and gamma RMSE over the example's test grid. */
    static double[] errors(SurrogateTrainer.Result r, SurrogateSpec spec) {
        double[][] states = SurrogateReport.testStates(spec);
        var norm = r.normalization();
        double[] p = r.network().parameters();
        Decimal64[] pd = new Decimal64[p.length];
        for (int i = 0; i < p.length; i++) {
            pd[i] = new Decimal64(p[i]);
        }
        double sx = norm.inputStd()[0];
        double sy = norm.outputStd();
        TwinNetwork.Workspace ws = new TwinNetwork.Workspace(r.network());
        double[] g = new double[1];
        double[] se = new double[3];
        for (double[] s : states) {
            double xn = (s[0] - norm.inputMean()[0]) / sx;
            double v = TwinNetwork.valueAndGradient(r.network(), p, new double[] {xn}, g, ws) * sy + norm.outputMean();
            double delta = g[0] * sy / sx;
            double gamma = TwinNetwork.secondDerivative(r.network(), pd, new Decimal64[] {new Decimal64(xn)}, 0).getReal()
                    * sy / (sx * sx);
            BlackScholesFormula.Greeks x = BlackScholesFormula.greeks(CallPut.CALL, s[0], 110, 1, 0, 0, 0.2);
            se[0] += (v - x.price()) * (v - x.price());
            se[1] += (delta - x.delta()) * (delta - x.delta());
            se[2] += (gamma - x.gamma()) * (gamma - x.gamma());
        }
        for (int k = 0; k < 3; k++) {
            se[k] = Math.sqrt(se[k] / states.length);
        }
        return se;
    }

    private static int[] ints(String s) {
        String[] a = s.split(",");
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Integer.parseInt(a[i]);
        }
        return r;
    }

    private static double[] doubles(String s) {
        String[] a = s.split(",");
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = Double.parseDouble(a[i]);
        }
        return r;
    }
}
