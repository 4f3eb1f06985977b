package dev.adjointgreeks.closedform;

/**
 * What a formula needs to know of an option's type: the sign of the payoff's underlying minus
 * strike, +1 for a call and -1 for a put. The formulas take this rather than the product's enum so
 * that {@code closedform} depends on nothing above it; the engine passes a product's type as
 * {@link #ofSign}.
 */
public interface CallPut {

    CallPut CALL = () -> 1.0;
    CallPut PUT = () -> -1.0;

    /** {@link #CALL} for a positive sign, else {@link #PUT}. */
    static CallPut ofSign(double sign) {
        return sign > 0 ? CALL : PUT;
    }

    /** +1 for a call, -1 for a put. */
    double sign();

    /** True for a call. */
    default boolean isCall() {
        return sign() > 0;
    }
}
