package dev.adjointgreeks.extension;

import java.util.List;
import java.util.Set;

import org.apache.commons.math3.RealFieldElement;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.PathModel.PathGenerator;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.product.Product;
import dev.adjointgreeks.product.ProductDescriptor;
import dev.adjointgreeks.product.ProductInputs;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/**
 * A product known only to the tests: a call on the running maximum, {@code max(M - K, 0)} paid at
 * maturity, with {@code M} the largest spot on the simulation dates from {@code lookback_start}
 * (years; 0 includes today's spot) to maturity. Discretely monitored on the model's steps. It
 * needs nothing of a model but one asset, so every single-asset model prices it.
 */
record Lookback(double strike, double maturity, double start) implements Product {

    static final String WORD = "lookback";
    static final InputLayout INPUTS = InputLayout.of(STRIKE, MATURITY);
    static final int DEFAULT_STEPS = 50;

    Lookback {
        if (!Double.isFinite(strike)) {
            throw new FieldException("strike", "must be a finite number");
        }
        if (!(maturity > 0)) {
            throw new FieldException("maturity", "must be > 0 years");
        }
        if (!(start >= 0 && start < maturity)) {
            throw new FieldException("lookback_start", "must lie in [0, maturity) (maturity " + maturity + ")");
        }
    }

    /** Its descriptor: the only place that knows the word {@code lookback} and the field {@code lookback_start}. */
    static final class Descriptor implements ProductDescriptor {
        private static final List<Input> INPUTS = List.of(ProductInputs.STRIKE, ProductInputs.MATURITY,
                Input.term("lookback_start", Shape.SCALAR, Role.CONTRACT).range(Range.closed(0, 100),
                        "years from today; the maximum runs over the dates on or after it"));

        @Override
        public String word() {
            return WORD;
        }

        @Override
        public Underlying underlying() {
            return Underlying.SINGLE_ASSET;
        }

        @Override
        public Set<Capability> needs() {
            return Set.of();
        }

        @Override
        public List<Input> inputs() {
            return INPUTS;
        }

        @Override
        public Product create(Fields f, PathModel model) {
            return new Lookback(f.number("strike"), f.number("maturity"), f.number("lookback_start", 0.0));
        }
    }

    /** The first monitoring date of {@code steps} equal steps: the first on or after the start. */
    static int firstDate(double start, double maturity, int steps) {
        return Math.max(0, (int) Math.ceil(start / maturity * steps - 1e-9));
    }

    @Override
    public String kind() {
        return WORD;
    }

    @Override
    public InputLayout inputs() {
        return INPUTS;
    }

    @Override
    public double[] parameterValues() {
        return new double[] {strike, maturity};
    }

    @Override
    public void checkModel(PathModel model) {
        Product.requireSingleAsset(this, model);
    }

    @Override
    public int defaultSteps(PathModel model) {
        return DEFAULT_STEPS;
    }

    @Override
    public <T extends RealFieldElement<T>> PathPayoff<T> payoff(Inputs<T> p, PathModel model, Inputs<T> modelParams,
            PathGenerator<T> gen, int steps) {
        T k = p.get(STRIKE);
        int first = firstDate(start, maturity, steps);
        return path -> {
            T m = path.spot(0, first);
            for (int d = first + 1; d <= steps; d++) {
                m = Fn.max(m, path.spot(0, d));
            }
            return Fn.positivePart(m.subtract(k)).multiply(path.discountFactor(steps));
        };
    }
}
