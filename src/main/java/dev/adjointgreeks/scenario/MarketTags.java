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
 * and the underlying's {@code simm_bucket} (default {@code Residual}): one word, or for a multi-asset
 * row a list with one per asset ({@code "simm_bucket": ["1", "Residual"]}), so that the CRIF's
 * {@code Risk_Equity} row of each underlying carries its own bucket.
 *
 * <p>{@link TradeFactory#create} reads them once, so a bad value rejects the row and the values are
 * among the row's recorded fields: a consumer calls {@code MarketTags.of(parsed.fields())}.
 */
public record MarketTags(String market, String currency, double usdPerUnit, String subcurve, String simmIrBucket,
        String simmBucket, List<String> simmBuckets) {

    public MarketTags {
        simmBuckets = List.copyOf(simmBuckets);
    }

    /** One {@code simm_bucket} for every underlying of the row. */
    public MarketTags(String market, String currency, double usdPerUnit, String subcurve, String simmIrBucket,
            String simmBucket) {
        this(market, currency, usdPerUnit, subcurve, simmIrBucket, simmBucket, List.of());
    }

    /** The SIMM bucket of underlying {@code asset} (0-based): its own where the row lists one per asset. */
    public String simmBucket(int asset) {
        return simmBuckets.isEmpty() ? simmBucket : simmBuckets.get(asset);
    }

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
        List<String> perAsset = perAsset(f, bucket);
        return new MarketTags(market == null ? null : market.trim(), currency, usd, subcurve, irBucket,
                perAsset.isEmpty() ? bucket : String.join(",", perAsset), perAsset);
    }

    /** A list of buckets (a JSON list's text), one per asset of a multi-asset row; empty for one word. */
    private static List<String> perAsset(Fields f, String bucket) {
        if (!bucket.startsWith("[")) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode b : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(bucket)) {
                if (!b.isValueNode() || b.isNull() || b.asText().isBlank()) {
                    throw new FieldException("simm_bucket", "a list of buckets holds words, one per asset", bucket);
                }
                out.add(b.asText().trim());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FieldException("simm_bucket", "must be a word or a list of words, one per asset", bucket);
        }
        if (!f.has("spots")) {
            throw new FieldException("simm_bucket", "a list of buckets is for a multi-asset row (one per asset of"
                    + " spots); give one word", bucket);
        }
        int n = f.numbers("spots").length;
        if (out.size() != n) {
            throw new FieldException("simm_bucket", "has " + out.size() + " buckets for " + n + " assets; give one per"
                    + " asset", bucket);
        }
        return out;
    }
}
