package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/**
 * A product turns a simulated path into a discounted payoff. Its own inputs (strike, maturity,
 * barrier) are differentiated like the model's. Payoffs use the engine's {@code max}, {@code select}
 * and normal CDF, never a branch on an active value.
 */
public interface Product {

    /** The scenario word: european, digital, asian, barrier, basket, exchange. */
    String kind();

    /** Names of the product's inputs; {@code maturity} is always among them. */
    String[] parameterNames();

    double[] parameterValues();

    /** Refuses a model the product cannot be priced under, with a message naming both. */
    void checkModel(PathModel model);

    /** Time steps when the trade does not say: the product's own dates, or what the model needs. */
    int defaultSteps(PathModel model);

    /** Refuses a step count the product cannot use (e.g. one that does not hit every fixing). */
    default void checkSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1 (value " + steps + ")");
        }
    }

    /** The per-trade setup: returns the per-path payoff. */
    <T extends RealFieldElement<T>> PathPayoff<T> payoff(T[] params, PathModel model, T[] modelParams,
            PathGenerator<T> generator, int steps);

    /** The per-path part. */
    interface PathPayoff<T extends RealFieldElement<T>> {
        /** {@code logSpots[asset][k]}, k = 0..steps, as filled by the model. */
        T discountedPayoff(T[][] logSpots);
    }

    /** Index of {@code maturity} in {@link #parameterNames()}. */
    default int maturityIndex() {
        String[] names = parameterNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("maturity")) {
                return i;
            }
        }
        throw new IllegalStateException(kind() + " has no maturity");
    }

    /** Shared check: single-asset products need a one-asset model. */
    static void requireSingleAsset(Product p, PathModel model) {
        if (model.assets() != 1) {
            throw new IllegalArgumentException("product '" + p.kind() + "' needs a single-asset model, not "
                    + model.assets() + " assets");
        }
    }
}
