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
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/** The continuously monitored single barrier option, word {@code barrier}: {@link Barrier}. */
public final class BarrierDescriptor implements ProductDescriptor {

    public static final String WORD = "barrier";

    private static final List<Input> INPUTS = List.of(ProductInputs.TYPE, ProductInputs.STRIKE, ProductInputs.MATURITY,
            Input.number("barrier", Role.BARRIER).range(Range.closed(1e-6, 1e12), "any listed underlying in any currency;"
                    + " at 1e-320 (subnormal) logs and powers lose all precision, at 1e308 the first step overflows"),
            Input.term("barrier_kind", Shape.SCALAR, Role.CONTRACT),
            Input.term("rebate", Shape.SCALAR, Role.CONTRACT).range(Range.closed(0, 1e12), "a cash amount"));

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
        return Set.of(Capability.LOGNORMAL_STEPS);
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
        double barrier = f.number("barrier");
        if (!(barrier > 0)) {
            throw new FieldException("barrier", "must be > 0", f.text("barrier"));
        }
        String kindText = f.text("barrier_kind");
        if (kindText == null) {
            throw new FieldException("barrier_kind", "is required (down-out, up-out, down-in or up-in)", null);
        }
        BarrierKind kind;
        try {
            kind = BarrierKind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw new FieldException("barrier_kind", e.getMessage(), kindText);
        }
        return new Barrier(type, strike, maturity, barrier, kind, f.number("rebate", 0.0));
    }
}
