package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.Inputs;
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
        return EuropeanDescriptor.WORD;
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.european(this);
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.offers(Capability.EXACT_STEPS) ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p.get(STRIKE);
        return path -> Payoffs.vanilla(type, path.spot(0, steps), k).multiply(path.discountFactor(steps));
    }
}
