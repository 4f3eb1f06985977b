package dev.adjointgreeks.model;

import dev.adjointgreeks.spec.FieldException;

/**
 * Parameter checks that raise a {@link FieldException} naming the parameter (its scenario column);
 * the trade factory quotes the row's text of it.
 */
public final class Validation {

    private Validation() {
    }

    public static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new FieldException(name, "must be a finite number");
        }
    }

    public static void positive(String name, double v) {
        finite(name, v);
        if (!(v > 0)) {
            throw new FieldException(name, "must be > 0");
        }
    }

    public static void nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new FieldException(name, "must be >= 0");
        }
    }

    public static void between(String name, double v, double lo, double hi) {
        finite(name, v);
        if (v < lo || v > hi) {
            throw new FieldException(name, "must lie in [" + lo + ", " + hi + "]");
        }
    }
}
