package dev.adjointgreeks.scenario;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.adjointgreeks.model.MarketInputs;
import dev.adjointgreeks.model.SurfaceInput;
import dev.adjointgreeks.scenario.CsvScenarioReader.BadFileException;
import dev.adjointgreeks.surface.StrikeKind;
import dev.adjointgreeks.surface.SurfaceAxes;
import dev.adjointgreeks.surface.SurfaceException;
import dev.adjointgreeks.surface.VolSurface;

/**
 * The implied-volatility surface of a JSON market (or trade): {@code "vol_surface": {"expiries":
 * [...], "strikes": [...] (or "moneyness": [...]), "vols": [[...], ...]}}, rows expiries and columns
 * strikes, checked for structure once per market and flattened into the fields a model reads
 * ({@link MarketInputs#SURFACE}): the quotes row-major as the list {@code vol_surface}, the axes'
 * labels as written, comma-joined, as {@code vol_surface_expiries} and {@code vol_surface_strikes},
 * and {@code vol_surface_axis} ({@code strike} or {@code moneyness}).
 *
 * <p>Structure faults (not an object, unknown keys, unsorted or non-positive axes, an unknown tenor
 * word, ragged rows, lengths that differ, a vol that is not a positive number) and a market with both
 * {@code vol} and {@code vol_surface} (ambiguous) are file-level: {@code file:line: column: reason
 * (value 'x')}, exit 2. Arbitrage depends on the trade's forwards and is the model's to refuse,
 * trade by trade (exit 3). A trade's own {@code vol} overrides its market's surface ({@link #override}).
 */
final class MarketSurfaces {

    private static final String KEY = MarketInputs.VOL_SURFACE.field();
    private static final String FLAT = MarketInputs.VOL.field();

    private MarketSurfaces() {
    }

    /** Checks and flattens the surface of {@code node} (a market or a trade) in place; {@code at} is {@code file:line}. */
    static void flatten(String at, ObjectNode node) throws BadFileException {
        JsonNode c = node.get(KEY);
        if (c == null || c.isNull() || c.isArray()) {
            return; // absent, or already the flat list of quotes
        }
        if (node.hasNonNull(FLAT)) {
            throw bad(at, KEY, "ambiguous: both " + FLAT + " and " + KEY + " are given; give one",
                    node.get(FLAT).asText());
        }
        boolean strikes = c.path("strikes").isArray();
        boolean moneyness = c.path("moneyness").isArray();
        if (!c.isObject() || !c.path("expiries").isArray() || strikes == moneyness || !c.path("vols").isArray()) {
            throw bad(at, KEY, "must be an object with lists \"expiries\", \"vols\" and one of \"strikes\" or"
                    + " \"moneyness\"", c.toString());
        }
        if (c.size() != 3) {
            throw bad(at, KEY, "has keys other than \"expiries\", \"" + (strikes ? "strikes" : "moneyness")
                    + "\" and \"vols\"", c.toString());
        }
        StrikeKind kind = strikes ? StrikeKind.ABSOLUTE : StrikeKind.MONEYNESS;
        List<String> expiries = labels(at, SurfaceException.EXPIRIES, c.get("expiries"), "an expiry is a tenor such as"
                + " 6M or a year fraction");
        List<String> axis = labels(at, kind.column(), c.get(strikes ? "strikes" : "moneyness"), "a strike is a number");
        JsonNode rows = c.get("vols");
        double[][] vols = new double[rows.size()][];
        ArrayNode flat = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < vols.length; i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray()) {
                throw bad(at, SurfaceException.VOLS, "row " + (i + 1) + " is not a list of vols", row.toString());
            }
            vols[i] = new double[row.size()];
            for (int j = 0; j < vols[i].length; j++) {
                if (!row.get(j).isNumber()) {
                    throw bad(at, SurfaceException.VOLS, "vols[" + (i + 1) + "][" + (j + 1) + "] is not a number",
                            row.get(j).toString());
                }
                vols[i][j] = row.get(j).asDouble();
                flat.add(row.get(j));
            }
        }
        try {
            VolSurface.checkQuotes(SurfaceAxes.parse(expiries, axis, kind), vols);
        } catch (SurfaceException e) {
            // a fault without its own value (a row too short) quotes the list it was found in
            String list = e.column().equals(SurfaceException.VOLS) ? "vols"
                    : e.column().equals(SurfaceException.EXPIRIES) ? "expiries" : strikes ? "strikes" : "moneyness";
            throw bad(at, e.column(), e.getMessage(), e.value() != null ? e.value() : c.get(list).toString());
        }
        node.set(KEY, flat);
        node.set(MarketInputs.VOL_SURFACE_EXPIRIES.field(), TextNode.valueOf(String.join(",", expiries)));
        node.set(MarketInputs.VOL_SURFACE_STRIKES.field(), TextNode.valueOf(String.join(",", axis)));
        node.set(MarketInputs.VOL_SURFACE_AXIS.field(), TextNode.valueOf(strikes ? SurfaceInput.AXIS_STRIKE
                : SurfaceInput.AXIS_MONEYNESS));
    }

    private static List<String> labels(String at, String column, JsonNode list, String what) throws BadFileException {
        List<String> out = new ArrayList<>();
        for (JsonNode w : list) {
            if ((!w.isTextual() && !w.isNumber()) || w.asText().contains(",") || w.asText().contains("/")) {
                throw bad(at, column, what, w.toString());
            }
            out.add(w.asText().trim());
        }
        return out;
    }

    /**
     * The trade's own flat {@code vol} overrides its market's surface: the merged row drops the
     * market's surface ({@code trade} is the trade as written).
     */
    static void override(JsonNode trade, ObjectNode merged) {
        if (trade.hasNonNull(FLAT) && !trade.has(KEY)) {
            for (var i : MarketInputs.SURFACE) {
                merged.remove(i.field());
            }
        }
    }

    private static BadFileException bad(String at, String column, String reason, String value) {
        return new BadFileException(at + ": " + column + ": " + reason + " (value '" + Text.oneLine(Text.shorten(value))
                + "')");
    }
}
