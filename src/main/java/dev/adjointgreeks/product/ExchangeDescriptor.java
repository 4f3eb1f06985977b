package dev.adjointgreeks.product;

import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;

/** The exchange option (Margrabe) on two assets, word {@code exchange}: {@link Exchange}. */
public final class ExchangeDescriptor implements ProductDescriptor {

    public static final String WORD = "exchange";

    private static final List<Input> INPUTS = List.of(ProductInputs.MATURITY);

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
        return new Exchange(f.number("maturity"));
    }
}
