package dev.adjointgreeks.closedform;

/**
 * What the barrier formula needs to know of a barrier: its side and its effect. The formula takes
 * this rather than the product's enum so that {@code closedform} depends on nothing above it;
 * the engine passes a product's barrier as {@link #of}.
 */
public interface BarrierStyle {

    /** True if the barrier is below the spot (down-and-in, down-and-out). */
    boolean down();

    /** True if hitting the barrier ends the option (knock-out), false if it starts it (knock-in). */
    boolean knockOut();

    /** The style of a barrier below or above the spot that knocks out or in. */
    static BarrierStyle of(boolean down, boolean knockOut) {
        return new BarrierStyle() {
            @Override
            public boolean down() {
                return down;
            }

            @Override
            public boolean knockOut() {
                return knockOut;
            }
        };
    }
}
