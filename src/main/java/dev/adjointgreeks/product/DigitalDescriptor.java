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

/** The cash-or-nothing digital, word {@code digital}: {@link Digital}. */
public final class DigitalDescriptor implements ProductDescriptor {

    public static final String WORD = "digital";

    private static final List<Input> INPUTS = List.of(ProductInputs.TYPE, ProductInputs.STRIKE, ProductInputs.MATURITY,
            Input.term("payout", Shape.SCALAR, Role.CONTRACT).range(Range.closed(-1e12, 1e12), ProductInputs.AMOUNT_WHY));

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
        OptionType type = ProductInputs.type(f);
        double strike = f.number("strike");
        double maturity = f.number("maturity");
        return new Digital(type, strike, maturity, f.number("payout", 1.0));
    }
}
