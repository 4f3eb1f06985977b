package dev.adjointgreeks.curve;

/** A curve that cannot be built; {@link #error()} says why, as data. */
public final class CurveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient CurveError error;

    public CurveException(CurveError error) {
        super(error.message());
        this.error = error;
    }

    public CurveError error() {
        return error;
    }
}
