package dev.adjointgreeks.engine;

/**
 * Output names of sensitivities: {@code delta, vega, rho, dividend_rho, theta} and their per-asset
 * forms; every other input {@code x} gives {@code d_x}. All are raw partial derivatives per 1.0 of
 * the input (vega per 1.00 of vol), except theta = -dV/dT per year.
 */
public final class GreekNames {

    private GreekNames() {
    }

    public static String firstOrder(String input) {
        switch (input) {
            case "spot": return "delta";
            case "vol": return "vega";
            case "rate": return "rho";
            case "dividend": return "dividend_rho";
            case "maturity": return "theta";
            default:
                if (input.startsWith("spot_")) {
                    return "delta_" + input.substring(5);
                }
                if (input.startsWith("vol_")) {
                    return "vega_" + input.substring(4);
                }
                if (input.startsWith("dividend_")) {
                    return "dividend_rho_" + input.substring(9);
                }
                if (input.startsWith("corr_")) {
                    return "d_corr_" + input.substring(5);
                }
                return "d_" + input;
        }
    }

    /** Theta is reported as -dV/dT. */
    public static double sign(String input) {
        return input.equals("maturity") ? -1.0 : 1.0;
    }
}
