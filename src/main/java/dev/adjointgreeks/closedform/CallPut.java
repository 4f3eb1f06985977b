package dev.adjointgreeks.closedform;

/**
 * What a formula needs to know of an option's type: the sign of the payoff's underlying minus
 * strike, +1 for a call and -1 for a put. The formulas take this rather than the product's enum so
 * that {@code closedform} depends on nothing above it; {@code product.OptionType} implements it.
 */
public interface CallPut {

    /** +1 for a call, -1 for a put. */
    double sign();

    /** True for a call. */
    default boolean isCall() {
        return sign() > 0;
    }
}
