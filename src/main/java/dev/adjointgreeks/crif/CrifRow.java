package dev.adjointgreeks.crif;

import java.util.List;

/**
 * One row of ISDA's Common Risk Interchange Format: a trade's sensitivity to one SIMM risk factor,
 * in the amount currency and in USD. Text fields are never null (an unused label is empty); amounts
 * are finite.
 */
public record CrifRow(String tradeId, String productClass, String riskType, String qualifier, String bucket,
        String label1, String label2, double amount, String amountCurrency, double amountUsd) {

    /** The CRIF columns, in this order. */
    public static final List<String> COLUMNS = List.of("TradeID", "ProductClass", "RiskType", "Qualifier", "Bucket",
            "Label1", "Label2", "Amount", "AmountCurrency", "AmountUSD");

    public CrifRow {
        for (String s : new String[] {tradeId, productClass, riskType, qualifier, bucket, label1, label2,
                amountCurrency}) {
            if (s == null) {
                throw new IllegalArgumentException("a CRIF text field is null (use empty for an unused label)");
            }
        }
        if (!Double.isFinite(amount) || !Double.isFinite(amountUsd)) {
            throw new IllegalArgumentException("CRIF amounts must be finite (trade " + tradeId + ", " + riskType
                    + " " + label1 + ": " + amount + ", " + amountUsd + ")");
        }
    }
}
