package dev.adjointgreeks.spec;

/**
 * A plausible range of an input: where the numerics of the model that reads it make sense.
 * {@code lowOpen}/{@code highOpen} exclude the end.
 */
public record Range(double low, boolean lowOpen, double high, boolean highOpen) {

    /** {@code [low, high]}. */
    public static Range closed(double low, double high) {
        return new Range(low, false, high, false);
    }

    /** {@code (low, high]}. */
    public static Range aboveTo(double low, double high) {
        return new Range(low, true, high, false);
    }

    /** {@code (low, high)}. */
    public static Range open(double low, double high) {
        return new Range(low, true, high, true);
    }

    public boolean contains(double v) {
        return (lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high);
    }

    /** {@code [0, 5]}, {@code (-1, 1)}, {@code (0, 1e12]}. */
    public String text() {
        return (lowOpen ? "(" : "[") + fmt(low) + ", " + fmt(high) + (highOpen ? ")" : "]");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString((long) d) : Double.toString(d);
    }
}
