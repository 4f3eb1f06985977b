package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/** European call or put on a single asset: {@code e^{-rT} max(sign (S_T - K), 0)}. */
public record European(OptionType type, double strike, double maturity) implements StrikeAndMaturity {

    public European {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
    }

    @Override
    public String kind() {
        return "european";
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.lognormal() ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(T[] p, PathModel model, T[] modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p[0];
        T df = gen.discountFactor(steps);
        return logSpots -> Payoffs.vanilla(type, logSpots[0][steps].exp(), k).multiply(df);
    }
}
