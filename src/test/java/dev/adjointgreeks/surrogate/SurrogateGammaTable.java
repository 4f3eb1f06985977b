package dev.adjointgreeks.surrogate;

import java.util.Locale;

import dev.adjointgreeks.nn.TwinNetwork;

/**
 * The measurement of benchmarks/results/2026-12-06-surrogate-gamma.md: a built-in example's surrogate
 * trained with and without second-order labels, same samples, seeds, epochs and network; the test
 * errors of {@link SurrogateReport} (price, the first varying input's Greek and its second
 * derivative, the network's by {@link TwinNetwork#secondDerivative}) against the closed form on the
 * example's test set. Arms, in this order per seed:
 * {@code pathwise} (the default: kinked payoffs, first order), then per {@code steps} the payoff
 * conditioned on the last of that many steps (1: the closed form itself) with each second-order
 * weight (0: first order only on the same smooth labels). Run after {@code mvn -B test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.adjointgreeks.surrogate.SurrogateGammaTable
 * EXAMPLE|SPEC.json SAMPLES STEPS,.. WEIGHTS,.. SEEDS,..}.
 */
public final class SurrogateGammaTable {

    private SurrogateGammaTable() {
    }

    public static void main(String[] args) throws Exception {
        String example = args[0];
        int m = Integer.parseInt(args[1]);
        int[] steps = ints(args[2]);
        double[] weights = doubles(args[3]);
        int[] seeds = ints(args[4]);
        int epochs = Integer.getInteger("epochs", 100);
        int threads = Integer.getInteger("threads", 2);
        SurrogateSpec base = example.endsWith(".json")
                ? SpecFiles.parse(example, SpecFiles.document(java.nio.file.Path.of(example))) : Examples.byName(example);
        boolean kinked = base.trade().product().pathwise() != base.trade().product();   // else the arm is a conditioned one
        System.out.println("| labels | 2nd-order weight | seed | price RMSE | first Greek RMSE | second-order RMSE | train s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int seed : seeds) {
            if (kinked) {
                row("pathwise (kinked)", 0, seed, base, TrainingData.generate(base, m, seed), epochs, threads);
            }
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
            int threads) throws Exception {
        SurrogateTrainer.Result r = SurrogateTrainer.train(d, spec.hidden(), new SurrogateTrainer.Settings(epochs, true,
                SurrogateTrainer.GradientMethod.LANES, seed, threads, w), null);
        Surrogate s = new Surrogate(null, spec, r.network(), r.normalization(), new Surrogate.Training(d.size(), seed,
                true, epochs, "lanes", r.loss(), 0, r.seconds(), w), new double[0][]);
        SurrogateReport e = SurrogateReport.of(s);
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4g | %.4g | %.4g | %.1f |%n", labels, w, seed, e.priceRmse(),
                e.greekRmse().values().iterator().next(), e.secondRmse(), r.seconds());
        System.out.flush();
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
