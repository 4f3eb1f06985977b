package dev.adjointgreeks.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.adjointgreeks.spec.Descriptor;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/**
 * A model as the scenario files name it, and the only place that knows it: its word, the fields it
 * reads for each kind of {@link Underlying} it prices (each with shape, role, range and whether a
 * shock may move it) and how it is built from a row. Its closed forms, if any, are registered with
 * it ({@code engine.ModelTypes.register(descriptor, analytic)}).
 *
 * <p>The built-in descriptors are listed in {@code META-INF/services/dev.adjointgreeks.model.ModelDescriptor};
 * an extension registers its own with one call. A descriptor is stateless and thread-safe.
 */
public interface ModelDescriptor extends Descriptor {

    /** The underlyings it prices (single asset, several assets, forward rates). */
    Set<Underlying> underlyings();

    /** The fields it reads for a product on {@code u}, in the order their ranges are checked. */
    List<Input> inputs(Underlying u);

    /** Every field it reads, for any underlying. */
    @Override
    default List<Input> inputs() {
        List<Input> out = new ArrayList<>();
        for (Underlying u : Underlying.values()) {
            if (underlyings().contains(u)) {
                for (Input i : inputs(u)) {
                    if (!out.contains(i)) {
                        out.add(i);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The model of a row for a product on {@code u} (one of {@link #underlyings()}). Refusals are
     * {@link FieldException}s naming the column.
     */
    PathModel create(Fields row, Underlying u);

    /** True if {@code model} is of this type: its name is the word, or the word and a suffix ({@code bs-multi}). */
    default boolean describes(PathModel model) {
        String n = model.name();
        return n.equals(word()) || n.startsWith(word() + "-");
    }
}
