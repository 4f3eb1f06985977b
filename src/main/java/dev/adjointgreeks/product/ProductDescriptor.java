package dev.adjointgreeks.product;

import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.Descriptor;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;

/**
 * A product as the scenario files name it, and the only place that knows it: its word, its fields
 * (strike, barrier, fixings, weights, ...), what it is written on, the capabilities it needs of a
 * model and how it is built from a row. A closed form for it lives with the model (or in engine);
 * the product only names its case ({@link Product#match}).
 *
 * <p>The built-in descriptors are listed in {@code META-INF/services/dev.adjointgreeks.product.ProductDescriptor};
 * an extension registers its own with {@link ProductTypes#register}.
 */
public interface ProductDescriptor extends Descriptor {

    /** What it is written on: which of a model's factories builds the model it is priced under. */
    Underlying underlying();

    /** The capabilities it needs of a model (its {@link Product#checkModel} refuses a model without them). */
    Set<Capability> needs();

    /** The product of a row, priced under {@code model}. Refusals are {@link FieldException}s naming the column. */
    Product create(Fields row, PathModel model);
}
