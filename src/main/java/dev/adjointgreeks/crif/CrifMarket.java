package dev.adjointgreeks.crif;

import java.util.Locale;

/**
 * What a market file says for CRIF: the {@code currency} of its amounts, {@code usdPerUnit} (one unit
 * of that currency in USD; 1 for USD), the discount curve's {@code subcurve} ({@code OIS},
 * {@code Libor3m}, ...) and the currency's {@code simmIrBucket} (its SIMM volatility group).
 */
public record CrifMarket(String currency, double usdPerUnit, String subcurve, String simmIrBucket) {

    public static final String USD = "USD";

    /** The defaults: USD, 1, OIS, bucket 1. */
    public static final CrifMarket DEFAULT = new CrifMarket(USD, 1.0, "OIS", "1");

    public CrifMarket {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, three upper-case letters ("
                    + currency + ")");
        }
        if (!(usdPerUnit > 0) || !Double.isFinite(usdPerUnit)) {
            throw new IllegalArgumentException("usd_per_unit must be finite and > 0 (" + usdPerUnit + ")");
        }
        if (currency.equals(USD) && usdPerUnit != 1.0) {
            throw new IllegalArgumentException("usd_per_unit of USD must be 1 (" + usdPerUnit + ")");
        }
        if (subcurve == null || subcurve.isEmpty() || simmIrBucket == null || simmIrBucket.isEmpty()) {
            throw new IllegalArgumentException("subcurve and simm_ir_bucket must not be empty");
        }
    }

    /** The amount in USD. */
    public double usd(double amount) {
        return amount * usdPerUnit;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s USD), %s, bucket %s", currency, usdPerUnit, subcurve, simmIrBucket);
    }
}
