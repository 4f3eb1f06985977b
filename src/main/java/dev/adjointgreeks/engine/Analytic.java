package dev.adjointgreeks.engine;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;

import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.model.Inputs;

/**
 * A model's closed forms: which trades have one, and the price as a function of the same named
 * inputs as the trade's Monte Carlo problem. The formulas themselves live in
 * {@code dev.adjointgreeks.closedform}; an {@code Analytic} only says which formula prices which
 * product, reading its arguments by block.
 */
public interface Analytic {

    /** Null if the trade has a closed form, else why not (the analytic engine's rejection). */
    String unavailableReason(PricingProblem problem);

    /**
     * True if {@link #price(PricingProblem, Inputs, Inputs)} runs on any field (Greeks of every
     * order from derivative structures); false for prices in double precision only (Heston's
     * Fourier inversion), whose Greeks are central differences.
     */
    default boolean fieldGeneric() {
        return true;
    }

    /** The price on any field: the model's inputs and the product's, read by block. */
    <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> model, Inputs<T> product);

    /** The price in double precision, inputs in the problem's order. */
    default double price(PricingProblem problem, double[] x) {
        Decimal64[] d = new Decimal64[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = new Decimal64(x[i]);
        }
        return price(problem, d).getReal();
    }

    /** The price on any field, inputs in the problem's order. */
    default <T extends RealFieldElement<T>> T price(PricingProblem problem, T[] x) {
        String reason = unavailableReason(problem);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return price(problem, problem.model().inputs().view(x, 0),
                problem.product().inputs().view(x, problem.model().inputs().size()));
    }

    /** No closed form for any trade. */
    Analytic NONE = new Analytic() {
        @Override
        public String unavailableReason(PricingProblem problem) {
            return "no closed form under the " + problem.model().name() + " model";
        }

        @Override
        public <T extends RealFieldElement<T>> T price(PricingProblem problem, Inputs<T> model, Inputs<T> product) {
            throw new IllegalArgumentException(unavailableReason(problem));
        }
    };
}
