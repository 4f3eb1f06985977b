package dev.adjointgreeks.surrogate;

/**
 * A surrogate spec or model file that cannot be used. The message starts with the file and names
 * the field, e.g. {@code spec.json: surrogate.vary[0].lower: 300 is not below upper bound 260}.
 */
public final class SpecException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }
}
