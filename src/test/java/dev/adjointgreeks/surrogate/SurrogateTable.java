package dev.adjointgreeks.surrogate;

import java.util.Locale;

/**
 * Prints the README's table: standard against differential training per sample size, mean test
 * errors over seeds 11, 12 and 13, with training times. Run from the project root after
 * {@code mvn -B test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.adjointgreeks.surrogate.SurrogateTable bs-call 1024 8192}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class SurrogateTable {

    private SurrogateTable() {
    }

    public static void main(String[] args) throws Exception {
        String example = args[0];
        String gradient = System.getProperty("gradient", "twin");
        int threads = Integer.getInteger("threads", 2);
        System.out.println("| example | samples | training | price RMSE | % of 100 | first Greek RMSE | data s | train s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int a = 1; a < args.length; a++) {
            String[] sm = args[a].split(":");
            int m = Integer.parseInt(sm[0]);
            for (boolean differential : new boolean[] {false, true}) {
                if (sm.length > 1 && !sm[1].equals(differential ? "diff" : "std")) {
                    continue;
                }
                double price = 0;
                double greek = 0;
                double data = 0;
                double train = 0;
                for (long seed = 11; seed <= 13; seed++) {
                    Surrogate s = Surrogates.train(SpecFiles.exampleDocument(example), Examples.byName(example), m,
                            new SurrogateTrainer.Settings(100, differential, SurrogateTrainer.GradientMethod.parse(gradient),
                                    seed, threads), null);
                    SurrogateReport r = SurrogateReport.of(s);
                    price += r.priceRmse() / 3;
                    greek += r.greekRmse().values().iterator().next() / 3;
                    data += s.training().dataSeconds() / 3;
                    train += s.training().trainSeconds() / 3;
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %.4f | %.3f%% | %.5f | %.2f | %.2f |%n", example, m,
                        differential ? "differential" : "standard", price, price, greek, data, train);
            }
        }
    }
}
