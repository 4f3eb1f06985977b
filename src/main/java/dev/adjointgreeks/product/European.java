package dev.adjointgreeks.product;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;

/**
 * European call or put on a single asset: {@code e^{-rT} max(sign (S_T - K), 0)}.
 *
 * <p>With {@code conditioned} (the default) and a model with {@link Capability#NORMAL_LAST_STEP}
 * (every built-in single-asset model), the Monte Carlo payoff is its conditional expectation over
 * the last time step given the state before it: the Black-Scholes formula over the step (log-spot
 * models) or the Bachelier formula (spot in price units). It is unbiased, of lower variance, and
 * smooth path by path, so differences of its adjoint deltas (gamma, vanna, volga) carry no kink
 * noise; with Black-Scholes' one exact step it is the closed form itself. A degenerate last step
 * (deviation 0: Heston's variance truncated) pays the intrinsic value. Without {@code conditioned},
 * or under a model without a normal last step, the payoff is the kinked one on the simulated spot.
 */
public record European(OptionType type, double strike, double maturity, boolean conditioned)
        implements StrikeAndMaturity {

    public European {
        Payoffs.checkStrike(strike);
        Payoffs.checkMaturity(maturity);
    }

    public European(OptionType type, double strike, double maturity) {
        this(type, strike, maturity, true);
    }

    @Override
    public String kind() {
        return EuropeanDescriptor.WORD;
    }

    @Override
    public Product pathwise() {
        return new European(type, strike, maturity, false);
    }

    @Override
    public boolean smoothPathwise(PathModel model, PathGenerator<?> gen) {
        return conditioned && model.offers(Capability.NORMAL_LAST_STEP);
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
        if (!conditioned || !model.offers(Capability.NORMAL_LAST_STEP)) {
            return path -> Payoffs.vanilla(type, path.spot(0, steps), k).multiply(path.discountFactor(steps));
        }
        boolean logs = model.offers(Capability.LOG_SPOTS);
        T logStrike = logs ? k.log() : null;
        T one = Fn.constant(k, 1.0);
        return path -> {
            PathModel.NormalStep<T> last = path.lastStep(0);
            T deviation = last.deviation();
            // a degenerate step is priced with deviation 1 and then not chosen: no infinity on the tape
            T s = Fn.select(deviation, deviation, one);
            T expected = logs ? Payoffs.lognormalVanilla(type, last.mean(), s, k, logStrike)
                    : Payoffs.normalVanilla(type, last.mean(), s, k);
            T intrinsic = Payoffs.vanilla(type, logs ? last.mean().exp() : last.mean(), k);
            // chosen by select, not a branch, so that a block of paths decides lane by lane
            return Fn.select(deviation, expected, intrinsic).multiply(path.discountFactor(steps));
        };
    }
}
