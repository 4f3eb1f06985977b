package dev.adjointgreeks.product;

import java.util.List;
import java.util.Set;

import dev.adjointgreeks.model.Capability;
import dev.adjointgreeks.model.PathModel;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Role;

/** The Asian option on the average of equally spaced fixings, word {@code asian}: {@link Asian}. */
public final class AsianDescriptor implements ProductDescriptor {

    public static final String WORD = "asian";

    private static final List<Input> INPUTS = List.of(ProductInputs.TYPE, ProductInputs.STRIKE, ProductInputs.MATURITY,
            Input.term("fixings", Shape.SCALAR, Role.CONTRACT), Input.term("averaging", Shape.SCALAR, Role.CONTRACT));

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
        return Set.of(Capability.EXACT_STEPS);
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
        int fixings = f.positiveInt("fixings", -1);
        if (fixings < 0) {
            throw new FieldException("fixings", "is required for an Asian option", null);
        }
        Averaging averaging;
        try {
            averaging = Averaging.parse(f.word("averaging", "arithmetic"));
        } catch (IllegalArgumentException e) {
            throw new FieldException("averaging", e.getMessage(), f.text("averaging"));
        }
        return new Asian(type, strike, maturity, fixings, averaging);
    }
}
