package dev.adjointgreeks.closedform;

/**
 * What the barrier formula needs to know of a barrier: its side and its effect. The formula takes
 * this rather than the product's enum so that {@code closedform} depends on nothing above it;
 * {@code product.BarrierKind} implements it.
 */
public interface BarrierStyle {

    /** True if the barrier is below the spot (down-and-in, down-and-out). */
    boolean down();

    /** True if hitting the barrier ends the option (knock-out), false if it starts it (knock-in). */
    boolean knockOut();
}
