package dev.adjointgreeks.product;

import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/** The European call or put, word {@code european}: {@link European}. */
public final class EuropeanDescriptor implements ProductDescriptor {

    public static final String WORD = "european";

    private static final List<Input> INPUTS = List.of(ProductInputs.TYPE, ProductInputs.STRIKE, ProductInputs.MATURITY);

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
        return new European(ProductInputs.type(f), f.number("strike"), f.number("maturity"));
    }
}
