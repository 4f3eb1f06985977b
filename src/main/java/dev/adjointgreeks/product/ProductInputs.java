package dev.adjointgreeks.product;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.Input;
import dev.adjointgreeks.spec.Input.Shape;
import dev.adjointgreeks.spec.Range;
import dev.adjointgreeks.spec.Role;

/** The scenario fields the built-in products share, with their ranges and the reasons for them. */
public final class ProductInputs {

    private ProductInputs() {
    }

    public static final Input TYPE = Input.term("type", Shape.SCALAR, Role.CONTRACT);
    public static final Input STRIKE = Input.number("strike", Role.STRIKE);
    public static final Input MATURITY = Input.number("maturity", Role.MATURITY).range(Range.closed(1e-4, 100),
            "1e-4 years is about 53 minutes; shorter, one time step carries nothing and 1/T overflows near 1e-320;"
                    + " 100 years covers century bonds, and with a rate within +-1, e^(rT) stays finite");
    /** A cash amount of the contract (payout); also the trade's quantity. */
    public static final String AMOUNT_WHY = "a trillion units; totals and their squared standard errors (q^2 se^2) must"
            + " stay finite";

    /** Call or put, from the row's {@code type}. */
    public static OptionType type(Fields f) {
        String t = f.requiredText("type");
        try {
            return OptionType.parse(t);
        } catch (IllegalArgumentException e) {
            throw new FieldException("type", e.getMessage(), t);
        }
    }
}
