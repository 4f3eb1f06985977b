package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/** Call or put on a weighted basket {@code sum_i w_i S_i(T)} of correlated assets. */
public record Basket(OptionType type, double strike, double maturity, double[] weights) implements StrikeAndMaturity {

    public Basket {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights: at least one weight is needed");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + (i + 1) + "] must be a finite number (value " + weights[i] + ")");
            }
        }
        weights = weights.clone();
    }

    @Override
    public String kind() {
        return "basket";
    }

    @Override
    public void checkModel(PathModel model) {
        if (model.assets() != weights.length) {
            throw new IllegalArgumentException("weights: " + weights.length + " weights for " + model.assets() + " assets");
        }
        if (!model.lognormal()) {
            throw new IllegalArgumentException("product 'basket' needs the multi-asset Black-Scholes model");
        }
    }

    @Override
    public int defaultSteps(PathModel model) {
        return 1;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(T[] p, PathModel model, T[] modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p[0];
        T df = gen.discountFactor(steps);
        int n = weights.length;
        T[] finals = MathArrays.buildArray(k.getField(), n);
        return logSpots -> {
            for (int i = 0; i < n; i++) {
                finals[i] = logSpots[i][steps].exp();
            }
            return Payoffs.vanilla(type, Fn.weightedSum(0.0, weights, finals, n), k).multiply(df);
        };
    }
}
