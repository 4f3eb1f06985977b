package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.Role;
import dev.adjointgreeks.spec.FieldException;

/**
 * A product turns a simulated path into a discounted payoff. Its own inputs (strike, maturity,
 * barrier) are named blocks, differentiated like the model's. Payoffs use the engine's
 * {@code max}, {@code select} and normal CDF, never a branch on an active value. A product reads a
 * path only through the generator's accessors and states the {@link Capability}s it needs in
 * {@link #checkModel}; it never asks which model it runs under.
 */
public interface Product {

    InputBlock STRIKE = InputBlock.scalar("strike", Role.STRIKE);
    InputBlock MATURITY = InputBlock.scalar("maturity", Role.MATURITY);
    InputBlock BARRIER = InputBlock.scalar("barrier", Role.BARRIER);

    /** The scenario word: european, digital, asian, barrier, basket, exchange. */
    String kind();

    /**
     * The product's inputs; {@link #MATURITY} is among them unless the horizon is a number of the
     * model's own steps (the LIBOR swaption book), in which case the model's generator gets null.
     */
    InputLayout inputs();

    /** Element names of {@link #inputs()}. */
    default String[] parameterNames() {
        return inputs().names();
    }

    double[] parameterValues();

    /** Refuses a model the product cannot be priced under, with a message naming what is missing. */
    void checkModel(PathModel model);

    /** Time steps when the trade does not say: the product's own dates, or what the model needs. */
    int defaultSteps(PathModel model);

    /** Refuses a step count the product cannot use (e.g. one that does not hit every fixing). */
    default void checkSteps(int steps) {
        if (steps < 1) {
            throw new FieldException("steps", "must be >= 1");
        }
    }

    /**
     * The per-trade setup: returns the per-path payoff.
     *
     * @param params      the product's inputs
     * @param modelParams the model's inputs (for closed forms a capability vouches for)
     * @param gen         the model's setup; after each simulation, the current path
     */
    <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> params, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps);

    /** The per-path part. */
    interface PathPayoff<T extends RealFieldElement<T>> {
        /** The discounted payoff of the path {@code path} has just simulated. */
        T discountedPayoff(PathGenerator<T> path);
    }

    /** Shared check: single-asset products need a one-asset model. */
    static void requireSingleAsset(Product p, PathModel model) {
        if (model.assets() != 1) {
            throw new FieldException("model", "product '" + p.kind() + "' needs a single-asset model, not "
                    + model.assets() + " assets");
        }
    }

    /** Shared check: a capability the model must offer, and why the product needs it. */
    static void require(Product p, PathModel model, Capability c, String why) {
        if (!model.offers(c)) {
            throw new FieldException("model", "product '" + p.kind() + "' needs a model with " + c.description()
                    + " (" + why + "); the " + model.name() + " model has none");
        }
    }

    /** Picks this product's case of {@code cases}: {@link ProductCases#other} unless a built-in product. */
    default <R> R match(ProductCases<R> cases) {
        return cases.other(this);
    }

    /**
     * Whether the payoff, as this product computes it under {@code model} with the setup {@code gen},
     * is a smooth function of the path (a conditional expectation, no kink or jump), so that on a
     * model with {@link Capability#SMOOTH_PATHS} its pathwise second derivatives are unbiased and
     * the engine takes gamma, vanna and volga by tangent-over-adjoint rather than by differences.
     */
    default boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return false;
    }

    /**
     * The same contract with its payoff taken path by path, as simulated: no conditional
     * expectation over a last step or a terminal normal. A surrogate's pathwise labels use it (Huge
     * and Savine's differential training regresses on noisy payoffs); prices and Greeks do not.
     */
    default Product pathwise() {
        return this;
    }
}
