package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/** Option to exchange asset 2 for asset 1 at maturity: {@code max(S_1(T) - S_2(T), 0)} (Margrabe). */
public record Exchange(double maturity) implements Product {

    public Exchange {
        Payoffs.checkMaturity(maturity);
    }

    @Override
    public String kind() {
        return "exchange";
    }

    @Override
    public String[] parameterNames() {
        return new String[] {"maturity"};
    }

    @Override
    public double[] parameterValues() {
        return new double[] {maturity};
    }

    @Override
    public void checkModel(PathModel model) {
        if (model.assets() != 2 || !model.lognormal()) {
            throw new IllegalArgumentException("product 'exchange' needs the two-asset Black-Scholes model, not "
                    + model.assets() + " assets");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return 1;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(T[] p, PathModel model, T[] modelParams,
            PathGenerator<T> gen, int steps) {
        T df = gen.discountFactor(steps);
        return logSpots -> Payoffs.vanilla(OptionType.CALL, logSpots[0][steps].exp(), logSpots[1][steps].exp())
                .multiply(df);
    }
}
