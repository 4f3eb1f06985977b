package dev.adjointgreeks.model;

import java.util.Set;

import org.apache.commons.math3.RealFieldElement;

/**
 * A model that evolves named state variables along a path of equal time steps and discounts by a
 * numeraire that may depend on the path.
 *
 * <p>Its inputs are named {@link Block}s ({@link #inputs()}); each is an input of the pricing
 * function, so each is differentiated. {@link #generator} runs once per trade and tape (the setup
 * section): everything that does not depend on the path (drifts, Cholesky factors, deterministic
 * discount factors) is computed there, and the returned generator only records per-path work.
 */
public interface PathModel {

    /** The model's word in output rows: {@code bs}, {@code bs-multi}, {@code heston}, {@code bachelier}. */
    String name();

    /** The model's inputs as named blocks, e.g. {@code spot, vol, rate, dividend}. */
    InputLayout inputs();

    /** Element names of {@link #inputs()} in order. */
    default String[] parameterNames() {
        return inputs().names();
    }

    /** Values in the order of {@link #parameterNames()}. */
    double[] parameterValues();

    int assets();

    /** Standard normals consumed per time step. */
    int normalsPerStep();

    /** Names of the state variables a path holds at each date, e.g. {@code log_spot} or {@code spot_1, spot_2}. */
    String[] stateNames();

    /** What the model's paths offer; see {@link Capability}. */
    Set<Capability> capabilities();

    default boolean offers(Capability c) {
        return capabilities().contains(c);
    }

    /**
     * {@link Capability#BLACK_SCHOLES_MARKET}: the closed-form price of the geometric-average Asian
     * option on this model's inputs, a product's control variate. The closed form lives with the
     * model that vouches for it, so products need no formula.
     *
     * @param sign +1 for a call, -1 for a put
     */
    default <T extends RealFieldElement<T>> T geometricAsianPrice(Inputs<T> params, double sign, T strike, T maturity,
            int fixings) {
        throw new UnsupportedOperationException("the " + name() + " model has no geometric Asian closed form");
    }

    /**
     * The per-trade setup.
     *
     * @param params   the model's inputs, read by block
     * @param maturity the horizon, an input of the product
     * @param steps    equal time steps to the horizon
     */
    <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> params, T maturity, int steps);

    /**
     * The per-trade setup of a product with a strike. A model whose volatility depends on the
     * strike (Black-Scholes on a surface reads the implied vol at it) overrides this; the others
     * ignore the strike.
     *
     * @param strike the product's strike input, or null when it has none
     */
    default <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> params, T strike, T maturity,
            int steps) {
        return generator(params, maturity, steps);
    }

    /**
     * The setup of a model and, after {@link #simulate}, the current path: what a product reads.
     * Accessors of a capability the model does not offer throw.
     */
    interface PathGenerator<T extends RealFieldElement<T>> {

        /**
         * Simulates one path from {@code z}, its normals ({@code steps * normalsPerStep()} of them,
         * step-major), as field values: constants for one path, or a block of paths on a block
         * scalar.
         */
        void simulate(T[] z);

        /** State variable {@code variable} (in the order of {@link PathModel#stateNames()}) at date k = 0..steps. */
        T state(int variable, int k);

        /** The spot of {@code asset} in price units at date k = 0..steps (k = 0: today's, an input). */
        T spot(int asset, int k);

        /**
         * The numeraire ratio {@code N(0) / N(t_k)} of the current path at date k = 0..steps, which
         * discounts a cash flow paid at {@code t_k}; {@code exp(-r t_k)} under a deterministic rate.
         */
        T discountFactor(int k);

        /** {@link Capability#LOG_SPOTS}: the log-spot of {@code asset} at date k. */
        default T logSpot(int asset, int k) {
            throw new UnsupportedOperationException("the model has no log-spots");
        }

        /** {@link Capability#LOGNORMAL_STEPS}: the variance of the log-spot over one step, {@code sigma^2 dt}. */
        default T stepVariance(int asset) {
            throw new UnsupportedOperationException("the model has no constant step variance");
        }

        /**
         * {@link Capability#LOCAL_STEP_VARIANCE}: the variance of the log-spot over step {@code k}
         * (from date {@code k - 1} to {@code k}) on the current path.
         */
        default T stepVariance(int asset, int k) {
            throw new UnsupportedOperationException("the model has no variance per step and path");
        }

        /**
         * {@link Capability#NORMAL_LAST_STEP}: given the current path up to date {@code steps - 1},
         * the final coordinate of {@code asset} (its log-spot with {@link Capability#LOG_SPOTS}, else
         * its spot) is normal with this mean and standard deviation.
         */
        default NormalStep<T> lastStep(int asset) {
            throw new UnsupportedOperationException("the model has no normal last step");
        }

        /**
         * {@link Capability#BROWNIAN_LOG_SPOT}: the law of the final log-spot of {@code asset} given
         * today's, mean and standard deviation (field values of the setup, so call it in a product's setup).
         */
        default NormalStep<T> terminal(int asset) {
            throw new UnsupportedOperationException("the model has no Brownian log-spot");
        }

        /**
         * {@link Capability#JOINT_NORMAL_LAST_STEP}: {@code loading[i][j]}, how the last step's normal
         * {@code j} moves the final coordinate of asset {@code i} (log-spot, or spot in price units):
         * {@code X_i(T) = E[X_i(T) | path to steps - 1] + sum_j loading[i][j] z_j}. Setup values, the
         * same on every path (call it in a product's setup).
         */
        default T[][] lastStepLoadings() {
            throw new UnsupportedOperationException("the model has no jointly normal last step");
        }

        /** {@link Capability#JOINT_NORMAL_LAST_STEP}: the current path's normal {@code j} of the last step. */
        default T lastStepNormal(int j) {
            throw new UnsupportedOperationException("the model has no jointly normal last step");
        }
    }

    /** A normal law of a step's end given its start: mean and standard deviation, field values. */
    record NormalStep<T>(T mean, T deviation) {
    }
}
