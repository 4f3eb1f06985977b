package dev.adjointgreeks.surrogate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The targets, mean over seeds 11, 12 and 13 on 100 spots from 35 to 165 against the
 * Black-Scholes closed form (the basket: 4,096 states against the Bachelier formula). Tagged slow
 * (a few minutes on 2 free cores), so {@code mvn verify} skips it: run with
 * {@code mvn -B test -Dtest=SurrogateTargetsTest -Dgroups=slow -DexcludedGroups=none}.
 */
@Tag("slow")
class SurrogateTargetsTest {

    static double[] mean(String example, int samples, boolean differential) throws Exception {
        double price = 0;
        double delta = 0;
        for (long seed = 11; seed <= 13; seed++) {
            Surrogate s = Surrogates.train(SpecFiles.exampleDocument(example), Examples.byName(example), samples,
                    new SurrogateTrainer.Settings(100, differential, SurrogateTrainer.GradientMethod.TWIN, seed, 2), null);
            SurrogateReport r = SurrogateReport.of(s);
            price += r.priceRmse() / 3;
            delta += r.greekRmse().values().iterator().next() / 3;
        }
        System.out.printf(Locale.ROOT, "%s %d %s: price RMSE %.4f, first Greek RMSE %.5f%n", example, samples,
                differential ? "differential" : "standard", price, delta);
        return new double[] {price, delta};
    }

    @Test
    void bsCallAt1024SamplesBeatsHugeAndSavine() throws Exception {
        double[] std = mean("bs-call", 1024, false);
        double[] diff = mean("bs-call", 1024, true);
        assertTrue(diff[0] <= 0.30, "price RMSE " + diff[0]);
        assertTrue(diff[1] <= 0.025, "delta RMSE " + diff[1]);
        assertTrue(diff[0] <= 0.6 * std[0], "differential " + diff[0] + " vs standard " + std[0]);
    }

    @Test
    void bsCallAt8192Samples() throws Exception {
        double[] diff = mean("bs-call", 8192, true);
        assertTrue(diff[0] <= 0.12, "price RMSE " + diff[0]);
    }

    @Test
    void bachelierBasketDifferentialAt4096IsWithin15PercentOfStandardAt16384() throws Exception {
        double[] diff = mean("bachelier-basket-7", 4096, true);
        double[] std = mean("bachelier-basket-7", 16384, false);
        assertTrue(diff[0] <= 1.15 * std[0], "differential at 4,096 " + diff[0] + " vs standard at 16,384 " + std[0]);
    }
}
