package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.adjointgreeks.curve.CurveException;
import dev.adjointgreeks.curve.CurveQuotes;
import dev.adjointgreeks.scenario.CsvScenarioReader.BadFileException;

/**
 * The curves of a JSON market (or trade): {@code "discount_curve": {"tenors": [...], "zero_rates":
 * [...]}} and {@code "dividend_curve": {"tenors": [...], "yields": [...]}}, checked for structure
 * once per market and flattened into the fields a model reads: the rates as the list
 * {@code discount_curve} and the pillars, as written, as {@code discount_curve_pillars}
 * ({@code 3M,1Y,5Y}).
 *
 * <p>Structure faults (not an object, lengths that differ, an unknown tenor word, unsorted or
 * duplicate pillars) and a market with both a flat value and its curve ({@code rate} and
 * {@code discount_curve}: ambiguous) are file-level: {@code file:line: discount_curve: reason (value
 * 'x')}, exit 2. Values out of range are the model's to refuse, trade by trade (exit 3). A trade's
 * own {@code rate} or {@code dividend} overrides its market's curve ({@link #override}).
 */
final class MarketCurves {

    /** One kind of curve: its key, the key of its rates, the flat field it replaces. */
    private record Kind(String key, String rates, String flat) {
    }

    private static final List<Kind> KINDS = List.of(new Kind("discount_curve", "zero_rates", "rate"),
            new Kind("dividend_curve", "yields", "dividend"));

    /** The suffix of the flattened pillars' key. */
    static final String PILLARS = "_pillars";

    private MarketCurves() {
    }

    /** A multi-asset market's dividend curves, one per asset, and the flat list it replaces. */
    static final String PER_ASSET = "dividend_curves";
    private static final Kind PER_ASSET_KIND = new Kind(PER_ASSET, "yields", "dividends");
    /** Separates the assets' pillars in the flattened {@code dividend_curves_pillars}: {@code 6M,2Y;1Y,5Y}. */
    static final String ASSETS = ";";

    /** Checks and flattens the curves of {@code node} (a market or a trade) in place; {@code at} is {@code file:line}. */
    static void flatten(String at, ObjectNode node) throws BadFileException {
        for (Kind k : KINDS) {
            JsonNode c = node.get(k.key());
            if (c == null || c.isNull() || c.isArray()) {
                continue; // absent, or already the flat list of rates
            }
            if (node.hasNonNull(k.flat())) {
                throw bad(at, k.key(), "ambiguous: both " + k.flat() + " and " + k.key() + " are given; give one",
                        node.get(k.flat()).asText());
            }
            List<String> words = new ArrayList<>();
            ArrayNode flat = JsonNodeFactory.instance.arrayNode();
            quotes(at, k, k.key(), "", c, words, flat);
            node.set(k.key(), flat);
            node.set(k.key() + PILLARS, TextNode.valueOf(String.join(",", words)));
        }
        flattenPerAsset(at, node);
    }

    /**
     * {@code "dividend_curves": [{"tenors": [...], "yields": [...]}, ...]}, one curve per asset in
     * the order of {@code spots}: each checked as a {@code dividend_curve}, faults naming the curve
     * ({@code dividend_curves: curve 2: ...}); as many curves as spots where the node has both.
     * Flattened to {@code dividend_curves} (every yield, asset after asset) and
     * {@code dividend_curves_pillars} (each asset's pillars as written, {@code 6M,2Y;1Y,5Y}).
     */
    private static void flattenPerAsset(String at, ObjectNode node) throws BadFileException {
        JsonNode c = node.get(PER_ASSET);
        if (c == null || c.isNull()) {
            return;
        }
        boolean flattened = node.has(PER_ASSET + PILLARS);
        if (!flattened) {
            if (node.hasNonNull("dividends") || node.hasNonNull("dividend") || node.hasNonNull("dividend_curve")) {
                String other = node.hasNonNull("dividends") ? "dividends" : node.hasNonNull("dividend") ? "dividend"
                        : "dividend_curve";
                throw bad(at, PER_ASSET, "ambiguous: both " + other + " and " + PER_ASSET + " are given; give one",
                        node.get(other).toString());
            }
            if (!c.isArray() || c.size() == 0) {
                throw bad(at, PER_ASSET, "must be a list of curves {\"tenors\": [...], \"yields\": [...]}, one per"
                        + " asset", c.toString());
            }
            List<String> assets = new ArrayList<>();
            ArrayNode flat = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < c.size(); i++) {
                List<String> words = new ArrayList<>();
                quotes(at, PER_ASSET_KIND, PER_ASSET, "curve " + (i + 1) + ": ", c.get(i), words, flat);
                assets.add(String.join(",", words));
            }
            node.set(PER_ASSET, flat);
            node.set(PER_ASSET + PILLARS, TextNode.valueOf(String.join(ASSETS, assets)));
        }
        JsonNode spots = node.get("spots");
        int curves = node.get(PER_ASSET + PILLARS).asText().split(ASSETS, -1).length;
        if (spots != null && spots.isArray() && spots.size() != curves) {
            throw bad(at, PER_ASSET, "has " + curves + " curves for " + spots.size() + " spots; give one curve per"
                    + " asset", String.valueOf(curves));
        }
    }

    /**
     * Checks one curve object {@code c} of kind {@code k}, adding its pillars to {@code words} and its
     * rates to {@code flat}; faults name {@code column}, their reason after {@code prefix}.
     */
    private static void quotes(String at, Kind k, String column, String prefix, JsonNode c, List<String> words,
            ArrayNode flat) throws BadFileException {
        if (!c.isObject() || !c.path("tenors").isArray() || !c.path(k.rates()).isArray()) {
            throw bad(at, column, prefix + "must be an object with lists \"tenors\" and \"" + k.rates() + "\"",
                    c.toString());
        }
        List<String> own = new ArrayList<>();
        for (JsonNode w : c.get("tenors")) {
            if (!w.isTextual() && !w.isNumber()) {
                throw bad(at, column, prefix + "a tenor is a word such as 3M or a year fraction", w.toString());
            }
            own.add(w.asText().trim());
        }
        JsonNode rs = c.get(k.rates());
        double[] rates = new double[rs.size()];
        for (int i = 0; i < rates.length; i++) {
            if (!rs.get(i).isNumber()) {
                throw bad(at, column, prefix + k.rates() + "[" + (i + 1) + "] is not a number", rs.get(i).asText());
            }
            rates[i] = rs.get(i).asDouble();
            flat.add(rs.get(i));
        }
        if (c.size() != 2) {
            throw bad(at, column, prefix + "has keys other than \"tenors\" and \"" + k.rates() + "\"", c.toString());
        }
        for (String w : own) {
            if (w.contains(",") || w.contains(ASSETS)) {
                throw bad(at, column, prefix + "a tenor is a word such as 3M or a year fraction", w);
            }
        }
        try {
            CurveQuotes.parse(column, own, rates);
        } catch (CurveException e) {
            throw bad(at, column, prefix + e.error().reason(), e.error().value());
        }
        words.addAll(own);
    }

    /**
     * The trade's own flat {@code rate} or {@code dividend} overrides its market's curve: the
     * merged row drops the market's curve ({@code trade} is the trade as written).
     */
    static void override(JsonNode trade, ObjectNode merged) {
        if (trade.hasNonNull("dividends") && !trade.has(PER_ASSET)) {
            merged.remove(PER_ASSET);
            merged.remove(PER_ASSET + PILLARS);
        }
        for (Kind k : KINDS) {
            if (trade.hasNonNull(k.flat()) && !trade.has(k.key())) {
                merged.remove(k.key());
                merged.remove(k.key() + PILLARS);
            }
        }
    }

    /**
     * The bucket columns of a flattened market's curves, pillars as written: {@code d_discount_curve_<pillar>},
     * then {@code d_dividend_curve_<pillar>} (the names {@code GreekCatalogue} gives a curve's labelled inputs).
     */
    static List<String> bucketColumns(ObjectNode market) {
        List<String> out = new ArrayList<>();
        for (Kind k : KINDS) {
            JsonNode pillars = market.get(k.key() + PILLARS);
            if (market.path(k.key()).isArray() && pillars != null && pillars.isTextual()) {
                for (String p : pillars.asText().split(",", -1)) {
                    out.add("d_" + k.key() + "_" + p);
                }
            }
        }
        return out;
    }

    private static BadFileException bad(String at, String column, String reason, String value) {
        return new BadFileException(at + ": " + column + ": " + reason + " (value '" + Text.oneLine(Text.shorten(value))
                + "')");
    }
}
