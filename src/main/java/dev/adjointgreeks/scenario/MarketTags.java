package dev.adjointgreeks.scenario;

import java.util.List;

import dev.adjointgreeks.spec.FieldException;
import dev.adjointgreeks.spec.Fields;

/**
 * What a trade's market says about it beyond numbers, for outputs that group or report by market
 * (the long layout's {@code market} column, CRIF): the market's name (the JSON trade's
 * {@code market}, or null), its {@code currency} (default {@code USD}), {@code usd_per_unit} (one
 * unit in USD; required when the currency is not USD, 1 for USD), the discount curve's
 * {@code subcurve} (default {@code OIS}), the currency's {@code simm_ir_bucket} (default {@code 1})
 * and the underlying's {@code simm_bucket} (default {@code Residual}).
 *
 * <p>{@link TradeFactory#create} reads them once, so a bad value rejects the row and the values are
 * among the row's recorded fields: a consumer calls {@code MarketTags.of(parsed.fields())}.
 */
public record MarketTags(String market, String currency, double usdPerUnit, String subcurve, String simmIrBucket,
        String simmBucket) {

    public static final String USD = "USD";
    /** The keys a market (or a trade) may give, besides its numbers. */
    public static final List<String> KEYS = List.of("currency", "usd_per_unit", "subcurve", "simm_ir_bucket",
            "simm_bucket");

    /** The tags of a row; faults name the field. */
    public static MarketTags of(Fields f) {
        String market = f.text(Descriptors.MARKET_KEY);
        String currency = f.has("currency") ? f.text("currency").trim() : USD;
        if (!currency.matches("[A-Z]{3}")) {
            throw new FieldException("currency", "must be an ISO 4217 code, three upper-case letters", currency);
        }
        double usd;
        if (currency.equals(USD)) {
            usd = f.number("usd_per_unit", 1.0);
            if (usd != 1.0) {
                throw new FieldException("usd_per_unit", "must be 1 (or absent) for USD", f.text("usd_per_unit"));
            }
        } else {
            if (!f.has("usd_per_unit")) {
                throw new FieldException("usd_per_unit", "is required when the currency is not USD (currency "
                        + currency + ")", null);
            }
            usd = f.number("usd_per_unit");
            if (!(usd > 0) || !Double.isFinite(usd)) {
                throw new FieldException("usd_per_unit", "must be finite and > 0", f.text("usd_per_unit"));
            }
        }
        String subcurve = f.has("subcurve") ? f.text("subcurve").trim() : "OIS";
        String irBucket = f.has("simm_ir_bucket") ? f.text("simm_ir_bucket").trim() : "1";
        String bucket = f.has("simm_bucket") ? f.text("simm_bucket").trim() : "Residual";
        return new MarketTags(market == null ? null : market.trim(), currency, usd, subcurve, irBucket, bucket);
    }
}
