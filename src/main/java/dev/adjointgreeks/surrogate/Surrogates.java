package dev.adjointgreeks.surrogate;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Training a surrogate end to end: samples from the pricer, then the network. */
public final class Surrogates {

    private Surrogates() {
    }

    /**
     * Generates {@code samples} training samples of {@code spec} with {@code settings.seed()} and
     * trains on them. The same seed gives the same samples, initial weights and batch order with
     * or without differential training. With {@code settings.secondOrder()} the labels are
     * second-order ones ({@link TrainingData#generateSecondOrder}: the payoff as priced, which must
     * be smooth path by path) on the same states.
     */
    public static Surrogate train(JsonNode specDocument, SurrogateSpec spec, int samples,
            SurrogateTrainer.Settings settings, Consumer<SurrogateTrainer.Epoch> progress) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1 (value " + samples + ")");
        }
        long t0 = System.nanoTime();
        TrainingData data = settings.secondOrder() > 0 ? TrainingData.generateSecondOrder(spec, samples, settings.seed())
                : TrainingData.generate(spec, samples, settings.seed());
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        SurrogateTrainer.Result r = SurrogateTrainer.train(data, spec.hidden(), settings, progress);
        Surrogate.Training t = new Surrogate.Training(samples, settings.seed(), settings.differential(),
                settings.epochs(), settings.gradient().word(), r.loss(), dataSeconds, r.seconds(), settings.secondOrder());
        return new Surrogate(specDocument, spec, r.network(), r.normalization(), t, Surrogate.preview(data));
    }
}
