package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.FieldException;

/** Option to exchange asset 2 for asset 1 at maturity: {@code max(S_1(T) - S_2(T), 0)} (Margrabe). */
public record Exchange(double maturity) implements Product {

    public Exchange {
        Payoffs.checkMaturity(maturity);
    }

    @Override
    public String kind() {
        return ExchangeDescriptor.WORD;
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.exchange(this);
    }

    private static final InputLayout INPUTS = InputLayout.of(MATURITY);

    @Override
    public InputLayout inputs() {
        return INPUTS;
    }

    @Override
    public double[] parameterValues() {
        return new double[] {maturity};
    }

    @Override
    public void checkModel(PathModel model) {
        if (model.assets() != 2) {
            throw new FieldException("model", "product '" + kind() + "' needs a two-asset model, not "
                    + model.assets() + " assets");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.offers(Capability.EXACT_STEPS) ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        return path -> Payoffs.vanilla(OptionType.CALL, path.spot(0, steps), path.spot(1, steps))
                .multiply(path.discountFactor(steps));
    }
}
