package dev.adjointgreeks.mc;

import org.apache.commons.math3.RealFieldElement;
import org.apache.commons.math3.util.Decimal64;
import org.apache.commons.math3.util.MathArrays;

import dev.adjointgreeks.ad.Fn;
import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.InputLayout;
import dev.adjointgreeks.model.Inputs;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.product.Product;

/**
 * A model and a product on a time grid: the pricing function of one trade. Its inputs are the
 * model's named blocks followed by the product's ({@link #layout()}); {@link #setup} records everything that does not
 * depend on the path and returns the per-path function, written once for every field.
 */
public final class PricingProblem {

    private final PathModel model;
    private final Product product;
    private final int steps;
    private final InputLayout layout;
    private final String[] names;
    private final double[] values;

    public PricingProblem(PathModel model, Product product, int steps) {
        product.checkModel(model);
        int s = steps > 0 ? steps : product.defaultSteps(model);
        product.checkSteps(s);
        this.model = model;
        this.product = product;
        this.steps = s;
        this.layout = model.inputs().then(product.inputs());
        this.names = layout.names();
        double[] mv = model.parameterValues();
        double[] pv = product.parameterValues();
        values = new double[mv.length + pv.length];
        System.arraycopy(mv, 0, values, 0, mv.length);
        System.arraycopy(pv, 0, values, mv.length, pv.length);
    }

    /** The named input blocks: the model's, then the product's. */
    public InputLayout layout() {
        return layout;
    }

    public PathModel model() {
        return model;
    }

    public Product product() {
        return product;
    }

    public int steps() {
        return steps;
    }

    public String[] inputNames() {
        return names.clone();
    }

    public double[] inputValues() {
        return values.clone();
    }

    public int inputCount() {
        return names.length;
    }

    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Standard normals per path. */
    public int dimension() {
        return steps * model.normalsPerStep();
    }

    /**
     * The discounted payoff of one path, as a function of that path's normals ({@link #dimension()}
     * of them, step-major). The normals are field values: passive constants for one path (see
     * {@link #constants}), or a block of paths on a block scalar.
     */
    public interface PathFunction<T extends RealFieldElement<T>> {
        T discountedPayoff(T[] normals);
    }

    /**
     * Writes {@code z} as passive constants of the field of {@code like} into {@code into} (which
     * must hold {@code z.length} elements) and returns it: how a one-path evaluator hands its
     * normals to a {@link PathFunction}.
     */
    public static <T extends RealFieldElement<T>> T[] constants(T like, double[] z, T[] into) {
        for (int i = 0; i < z.length; i++) {
            into[i] = Fn.constant(like, z[i]);
        }
        return into;
    }

    /** A fresh array of {@link #dimension()} elements of the field of {@code like}, for {@link #constants}. */
    public <T extends RealFieldElement<T>> T[] normalsArray(T like) {
        return MathArrays.buildArray(like.getField(), dimension());
    }

    /**
     * Whether the discounted payoff is smooth path by path in every input: the model's paths are
     * ({@link Capability#SMOOTH_PATHS}) and the product's payoff is (a conditional expectation), so
     * pathwise second derivatives (tangent-over-adjoint) are unbiased. Decided on the trade's own
     * inputs (the conditioned Asian covers a bounded {@code vol sqrt(T)}).
     */
    public boolean smoothPathwise() {
        if (!model.offers(Capability.SMOOTH_PATHS)) {
            return false;
        }
        Decimal64[] x = new Decimal64[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new Decimal64(values[i]);
        }
        Inputs<Decimal64> mp = model.inputs().view(x, 0);
        Inputs<Decimal64> pp = product.inputs().view(x, model.inputs().size());
        Decimal64 maturity = product.inputs().has(Product.MATURITY) ? pp.get(Product.MATURITY) : null;
        Decimal64 strike = product.inputs().has(Product.STRIKE) ? pp.get(Product.STRIKE) : null;
        return product.smoothPathwise(model, model.generator(mp, strike, maturity, steps));
    }

    /** Records the setup on {@code inputs} (values in the order of {@link #inputNames()}). */
    public <T extends RealFieldElement<T>> PathFunction<T> setup(T[] inputs) {
        Inputs<T> mp = model.inputs().view(inputs, 0);
        Inputs<T> pp = product.inputs().view(inputs, model.inputs().size());
        // a product whose horizon is a step count (the LIBOR book's expiry) has no maturity input
        T maturity = product.inputs().has(Product.MATURITY) ? pp.get(Product.MATURITY) : null;
        T strike = product.inputs().has(Product.STRIKE) ? pp.get(Product.STRIKE) : null;
        PathModel.PathGenerator<T> generator = model.generator(mp, strike, maturity, steps);
        Product.PathPayoff<T> payoff = product.payoff(pp, model, mp, generator, steps);
        return z -> {
            generator.simulate(z);
            return payoff.discountedPayoff(generator);
        };
    }
}
