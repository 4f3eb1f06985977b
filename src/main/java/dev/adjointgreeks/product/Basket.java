package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.spec.FieldException;

/**
 * Call or put on a weighted basket {@code sum_i w_i S_i(T)} of correlated assets.
 *
 * <p>With {@code conditioned} (the default), positive weights and a model with
 * {@link Capability#JOINT_NORMAL_LAST_STEP} (multi-asset Black-Scholes and Bachelier), the Monte Carlo
 * payoff is its conditional expectation given every direction of the last step's normals but one
 * that moves every asset ({@link ConditionalBasket}): unbiased, of lower variance, smooth path by
 * path, so the cross gammas come from tangent-over-adjoint. Otherwise the kinked payoff.
 */
public record Basket(OptionType type, double strike, double maturity, double[] weights, boolean conditioned)
        implements StrikeAndMaturity {

    public Basket {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (weights.length == 0) {
            throw new FieldException("weights", "at least one weight is needed");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new FieldException("weights[" + (i + 1) + "]", "must be a finite number");
            }
        }
        weights = weights.clone();
    }

    public Basket(OptionType type, double strike, double maturity, double[] weights) {
        this(type, strike, maturity, weights, true);
    }

    @Override
    public Product pathwise() {
        return new Basket(type, strike, maturity, weights, false);
    }

    @Override
    public boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return conditioned && ConditionalBasket.covers(weights, model, gen);
    }

    @Override
    public String kind() {
        return BasketDescriptor.WORD;
    }

    @Override
    public <R> R match(ProductCases<R> cases) {
        return cases.basket(this);
    }

    @Override
    public void checkModel(PathModel model) {
        if (model.assets() != weights.length) {
            throw new FieldException("weights", weights.length + " weights for " + model.assets() + " assets");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return model.offers(Capability.EXACT_STEPS) ? 1 : 100;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p.get(STRIKE);
        PathPayoff<T> smooth = conditioned ? ConditionalBasket.payoff(type, weights, k, steps, model, gen) : null;
        if (smooth != null) {
            return smooth;
        }
        int n = weights.length;
        T[] finals = MathArrays.buildArray(k.getField(), n);
        return path -> {
            for (int i = 0; i < n; i++) {
                finals[i] = path.spot(i, steps);
            }
            return Payoffs.vanilla(type, Fn.weightedSum(0.0, weights, finals, n), k).multiply(path.discountFactor(steps));
        };
    }
}
