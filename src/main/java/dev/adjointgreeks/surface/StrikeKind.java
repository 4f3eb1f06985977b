package dev.adjointgreeks.surface;

/**
 * How a surface's strike axis is quoted. Absolute strikes stay where they are when the spot moves
 * (sticky strike); moneyness strikes {@code K / S} move with it (sticky moneyness), so the spot's
 * delta then also flows through the surface.
 */
public enum StrikeKind {
    ABSOLUTE("vol_surface.strikes"),
    MONEYNESS("vol_surface.moneyness");

    private final String column;

    StrikeKind(String column) {
        this.column = column;
    }

    /** The column an error on this axis is reported under. */
    public String column() {
        return column;
    }
}
