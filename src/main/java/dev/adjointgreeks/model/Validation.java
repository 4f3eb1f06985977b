package dev.adjointgreeks.model;

/** Parameter checks with messages that name the parameter and its value. */
public final class Validation {

    private Validation() {
    }

    public static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number (value " + v + ")");
        }
    }

    public static void positive(String name, double v) {
        finite(name, v);
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be > 0 (value " + v + ")");
        }
    }

    public static void nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 (value " + v + ")");
        }
    }

    public static void between(String name, double v, double lo, double hi) {
        finite(name, v);
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must lie in [" + lo + ", " + hi + "] (value " + v + ")");
        }
    }
}
