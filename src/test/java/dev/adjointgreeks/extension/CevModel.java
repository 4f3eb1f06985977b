package dev.adjointgreeks.extension;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputBlock;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.MarketBlocks;
import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.model.ModelDescriptor;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.model.Validation;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/**
 * A model known only to the tests: constant elasticity of variance,
 * {@code dS = (r - q) S dt + vol S^beta dW}, simulated as a log-Euler scheme on {@code X = ln S}:
 * {@code X_k = X_{k-1} + (r - q - v^2 / 2) dt + v sqrt(dt) z_k} with the local vol
 * {@code v = vol exp((beta - 1) X_{k-1})}. At {@code beta = 1} every step is the exact
 * Black-Scholes step. Its one new input, {@code cev_beta}, is a {@link Role#MODEL_PARAMETER}: its
 * Greek is {@code d_cev_beta}.
 */
record CevModel(double spot, double vol, double beta, double rate, double dividend) implements PathModel {

    static final String WORD = "cev";
    static final InputBlock BETA = InputBlock.scalar("cev_beta", Role.MODEL_PARAMETER);
    static final InputLayout INPUTS = InputLayout.of(MarketBlocks.SPOT, MarketBlocks.VOL, BETA, MarketBlocks.RATE,
            MarketBlocks.DIVIDEND);

    CevModel {
        Validation.positive("spot", spot);
        Validation.nonNegative("vol", vol);
        if (!(beta > 0 && beta <= 1)) {
            throw new FieldException("cev_beta", "must be in (0, 1]");
        }
        Validation.finite("rate", rate);
        Validation.finite("dividend", dividend);
    }

    /** The descriptor: the only place that knows the word {@code cev} and the field {@code cev_beta}. */
    static final class Descriptor implements ModelDescriptor {
        private static final List<Input> INPUTS = List.of(MarketInputs.SPOT, MarketInputs.POSITIVE_STRIKE,
                Input.number("vol", Role.VOLATILITY).range(Range.closed(0, 100),
                        "the local vol is vol S^(beta - 1): a beta below 1 needs a larger vol").shocked(),
                Input.number("cev_beta", Role.MODEL_PARAMETER).range(Range.aboveTo(0, 1),
                        "above 1 the spot can explode; at 0 and below the local vol no longer falls with the spot")
                        .shocked(),
                MarketInputs.RATE, MarketInputs.DIVIDEND);

        @Override
        public String word() {
            return WORD;
        }

        @Override
        public Set<Underlying> underlyings() {
            return EnumSet.of(Underlying.SINGLE_ASSET);
        }

        @Override
        public List<Input> inputs(Underlying u) {
            return INPUTS;
        }

        @Override
        public PathModel create(Fields f, Underlying u) {
            return new CevModel(f.number("spot"), f.number("vol"), f.number("cev_beta"), f.number("rate"),
                    f.number("dividend"));
        }
    }

    @Override
    public String name() {
        return WORD;
    }

    @Override
    public InputLayout inputs() {
        return INPUTS;
    }

    @Override
    public double[] parameterValues() {
        return new double[] {spot, vol, beta, rate, dividend};
    }

    @Override
    public int assets() {
        return 1;
    }

    @Override
    public int normalsPerStep() {
        return 1;
    }

    @Override
    public String[] stateNames() {
        return new String[] {"log_spot"};
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LOG_SPOTS, Capability.NORMAL_LAST_STEP);
    }

    @Override
    public <T extends RealFieldElement<T>> PathGenerator<T> generator(Inputs<T> p, T maturity, int steps) {
        return new Generator<>(p.get(MarketBlocks.SPOT), p.get(MarketBlocks.VOL), p.get(BETA), p.get(MarketBlocks.RATE),
                p.get(MarketBlocks.DIVIDEND), maturity, steps);
    }

    static final class Generator<T extends RealFieldElement<T>> implements PathGenerator<T> {
        private final int steps;
        private final T spot0;
        private final T logSpot0;
        private final T vol;
        private final T betaMinusOne;
        private final T driftDt;
        private final T sqrtDt;
        private final T[] discount;
        private final T[] path;
        private T lastMean;
        private T lastDeviation;

        Generator(T spot, T vol, T beta, T rate, T dividend, T maturity, int steps) {
            this.steps = steps;
            T dt = maturity.divide(steps);
            this.spot0 = spot;
            this.logSpot0 = spot.log();
            this.vol = vol;
            this.betaMinusOne = beta.subtract(1.0);
            this.driftDt = rate.subtract(dividend).multiply(dt);
            this.sqrtDt = dt.sqrt();
            this.discount = MathArrays.buildArray(spot.getField(), steps + 1);
            T minusRDt = rate.multiply(dt).negate();
            for (int k = 0; k <= steps; k++) {
                discount[k] = minusRDt.multiply(k).exp();
            }
            this.path = MathArrays.buildArray(spot.getField(), steps + 1);
        }

        @Override
        public void simulate(T[] z) {
            path[0] = logSpot0;
            for (int k = 1; k <= steps; k++) {
                T x = path[k - 1];
                T deviation = vol.multiply(x.multiply(betaMinusOne).exp()).multiply(sqrtDt);
                T mean = x.add(driftDt).subtract(deviation.multiply(deviation).multiply(0.5));
                path[k] = mean.add(deviation.multiply(z[k - 1]));
                if (k == steps) {
                    lastMean = mean;
                    lastDeviation = deviation;
                }
            }
        }

        @Override
        public T state(int variable, int k) {
            return path[k];
        }

        @Override
        public T spot(int asset, int k) {
            return k == 0 ? spot0 : path[k].exp();
        }

        @Override
        public T logSpot(int asset, int k) {
            return path[k];
        }

        @Override
        public T discountFactor(int k) {
            return discount[k];
        }

        @Override
        public NormalStep<T> lastStep(int asset) {
            return new NormalStep<>(lastMean, lastDeviation);
        }
    }
}
