package dev.adjointgreeks.surrogate;

import java.util.List;

import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.PricingProblem;

/**
 * What a surrogate learns: a trade (product and model, as {@code greeks price} reads it) whose
 * inputs named in {@code vary} move over their domains while the others stay at the trade's values;
 * where the labels come from; and the held-out test set of {@code greeks surrogate report}.
 *
 * @param antithetic each sample is the mean of an antithetic pair of paths
 * @param hidden     widths of the hidden layers (softplus), the output is linear
 */
public record SurrogateSpec(String name, Trade trade, List<InputRange> vary, Labels labels, boolean antithetic,
        int[] hidden, TestSet test) {

    /** Where the training labels come from. */
    public enum Labels {
        /** One simulated path (or antithetic pair) per sample: discounted payoff and its pathwise derivatives. */
        PATHWISE,
        /** The closed-form price and its gradient: a noise-free reference. */
        CLOSED_FORM;

        public String word() {
            return this == PATHWISE ? "pathwise" : "closed-form";
        }

        public static Labels parse(String s) {
            for (Labels l : values()) {
                if (l.word().equals(s)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown labels '" + s + "' (expected pathwise or closed-form)");
        }
    }

    /**
     * The report's test set: with one varying input, {@code points} equally spaced values from
     * {@code lower} to {@code upper}; with several, {@code points} states drawn uniformly from the
     * domain with {@code seed} (independent of any training seed).
     */
    public record TestSet(int points, double lower, double upper, long seed) {
        public TestSet {
            if (points < 2) {
                throw new IllegalArgumentException("test.points must be >= 2 (value " + points + ")");
            }
            if (!(lower < upper)) {
                throw new IllegalArgumentException("test.lower " + lower + " is not below test.upper " + upper);
            }
        }
    }

    public SurrogateSpec {
        if (vary.isEmpty()) {
            throw new IllegalArgumentException("vary: at least one input must vary");
        }
        PricingProblem problem = trade.problem();
        for (InputRange r : vary) {
            if (problem.indexOf(r.name()) < 0) {
                throw new IllegalArgumentException("vary: '" + r.name() + "' is not an input of this trade (inputs: "
                        + String.join(", ", problem.inputNames()) + ")");
            }
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1");
            }
        }
        vary = List.copyOf(vary);
        hidden = hidden.clone();
    }

    /** Huge and Savine's network: 4 hidden layers of 20 softplus units. */
    public static int[] defaultHidden() {
        return new int[] {20, 20, 20, 20};
    }

    public int inputs() {
        return vary.size();
    }

    public String[] varyingNames() {
        String[] s = new String[vary.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = vary.get(i).name();
        }
        return s;
    }
}
