package dev.adjointgreeks.model;

import org.apache.commons.math3.RealFieldElement;

/**
 * A model that evolves the log-spots of its assets along a path of equal time steps.
 *
 * <p>Its parameters (spots, vols, rates, model parameters) are inputs of the pricing function, so
 * each is differentiated. {@link #generator} runs once per trade and tape (the setup section):
 * everything that does not depend on the path (drifts, Cholesky factors, discount factors) is
 * computed there, and the returned generator only records per-path work.
 */
public interface PathModel {

    /** Names of the model's inputs, e.g. {@code spot, vol, rate, dividend}. */
    String[] parameterNames();

    double[] parameterValues();

    int assets();

    /** Standard normals consumed per time step. */
    int normalsPerStep();

    /** True if per-step variances are available for Brownian-bridge barrier monitoring. */
    boolean lognormal();

    /**
     * The per-trade setup.
     *
     * @param params   the model's inputs in the order of {@link #parameterNames()}
     * @param maturity the horizon, an input of the product
     * @param steps    equal time steps to the horizon
     */
    <T extends RealFieldElement<T>> PathGenerator<T> generator(T[] params, T maturity, int steps);

    /** The setup of a model: what a product may read, and the per-path simulation. */
    interface PathGenerator<T extends RealFieldElement<T>> {

        /**
         * Fills {@code logSpots[asset][k]} for {@code k = 1..steps} from {@code z}, the normals of
         * one path ({@code steps * normalsPerStep()} of them, step-major), as field values: constants
         * for one path, or a block of paths on a block scalar.
         * {@code logSpots[asset][0]} is today's log-spot.
         */
        void simulate(T[] z, T[][] logSpots);

        /** {@code exp(-r t)} at the end of step {@code k} (k = 0..steps). */
        T discountFactor(int k);

        /** Variance of the log-spot over one step, {@code sigma^2 dt} (lognormal models only). */
        T stepVariance(int asset);

        T logSpot0(int asset);
    }
}
