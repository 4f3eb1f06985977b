package dev.adjointgreeks.product;

import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/** The call or put on a weighted basket, word {@code basket}: {@link Basket}. */
public final class BasketDescriptor implements ProductDescriptor {

    public static final String WORD = "basket";

    private static final List<Input> INPUTS = List.of(ProductInputs.MATURITY, ProductInputs.TYPE, ProductInputs.STRIKE,
            Input.term("weights", Shape.LIST, Role.CONTRACT).range(Range.closed(-1e6, 1e6), ""));

    @Override
    public String word() {
        return WORD;
    }

    @Override
    public Underlying underlying() {
        return Underlying.MULTI_ASSET;
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
        double maturity = f.number("maturity");
        return new Basket(ProductInputs.type(f), f.number("strike"), maturity, f.numbers("weights"));
    }
}
