package dev.adjointgreeks.surface;

/**
 * A volatility surface that is malformed or admits an arbitrage: the column-like location it was
 * found at ({@code vol_surface.expiries}, {@code vol_surface.vols}, or {@code vol_surface} for the
 * arbitrage checks), the reason, which names the quote as written ({@code 1Y/90}), and the offending
 * value as written, or {@code null} where the reason already quotes it.
 *
 * <p>Shaped like the scenario layer's field error ({@code column}, reason, {@code value}) so that a
 * reader maps one to the other without parsing the message; the descriptors branch moves that error
 * below the model packages, and this class can then become it.
 */
public final class SurfaceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The whole surface: where the arbitrage checks report. */
    public static final String SURFACE = "vol_surface";
    public static final String EXPIRIES = "vol_surface.expiries";
    public static final String VOLS = "vol_surface.vols";

    private final String column;
    private final String value;

    public SurfaceException(String column, String reason, String value) {
        super(reason);
        this.column = column;
        this.value = value;
    }

    public String column() {
        return column;
    }

    /** The offending value as written, or null. */
    public String value() {
        return value;
    }
}
