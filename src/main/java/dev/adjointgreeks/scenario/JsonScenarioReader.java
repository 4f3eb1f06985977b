package dev.adjointgreeks.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.io.JsonLimits;
import dev.adjointgreeks.scenario.CsvScenarioReader.BadFileException;
import dev.adjointgreeks.spec.Fields;
import dev.adjointgreeks.spec.FieldException;

/**
 * Reads a JSON scenario file: trades that do not fit a flat row (baskets, exchange options),
 * market data shared by several trades, and run settings.
 *
 * <pre>
 * {
 *   "settings": {"paths": 50000, "seed": 7, "antithetic": true},
 *   "markets": {"tech": {"spots": [100, 95], "vols": [0.2, 0.3], "dividends": [0, 0.01],
 *                        "rate": 0.03, "correlation": [[1, 0.6], [0.6, 1]]}},
 *   "trades": [
 *     {"id": "b1", "product": "basket", "type": "call", "strike": 100, "maturity": 1,
 *      "weights": [0.5, 0.5], "market": "tech"},
 *     {"id": "x1", "product": "exchange", "maturity": 0.5, "market": "tech"},
 *     {"id": "e1", "product": "european", "type": "put", "strike": 100, "maturity": 1,
 *      "spot": 100, "vol": 0.2, "rate": 0.03, "dividend": 0}
 *   ]
 * }
 * </pre>
 * A trade's own fields override its market's. Each trade's line number is kept for messages.
 */
public final class JsonScenarioReader {

    /** The file's trades (or rejections) in order, and its settings object (possibly empty). */
    public record Contents(List<ScenarioRow> rows, FileSettings settings) {
    }

    /**
     * Parser limits ({@link JsonLimits#SCENARIO}): numbers of at most 1,000 digits, nesting at most
     * 100 deep (a scenario needs 4), strings of at most 1 MB. Beyond them the file is refused (exit 2)
     * naming file, line, column and the limit, never a crash.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(JsonLimits.SCENARIO.constraints())
            .build());

    private JsonScenarioReader() {
    }

    public static Contents read(Path file, boolean ignoreUnknownKeys) throws IOException {
        String name = file.toString();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadFileException(name + ": cannot read the file");
        }
        ObjectMapper mapper = MAPPER;
        List<long[]> lines = new ArrayList<>();
        List<JsonNode> trades = new ArrayList<>();
        FileSettings settings = FileSettings.NONE;
        JsonNode markets = mapper.createObjectNode();
        try (JsonParser p = mapper.createParser(file.toFile())) {
            if (p.nextToken() == null) {
                throw new BadFileException(name + ": the file is empty");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadFileException(name + ":" + p.currentTokenLocation().getLineNr()
                        + ": expected a JSON object with \"trades\"");
            }
            boolean sawTrades = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "settings":
                        settings = settings(name, p.currentTokenLocation().getLineNr(), p.readValueAsTree());
                        break;
                    case "markets":
                        markets = markets(name, p);
                        break;
                    case "trades":
                        sawTrades = true;
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new BadFileException(name + ":" + p.currentTokenLocation().getLineNr()
                                    + ": \"trades\" must be an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            lines.add(new long[] {p.currentTokenLocation().getLineNr()});
                            trades.add(p.readValueAsTree());
                        }
                        break;
                    default:
                        if (!ignoreUnknownKeys) {
                            throw new BadFileException(name + ":" + p.currentTokenLocation().getLineNr()
                                    + ": unknown key '" + field + "' (expected settings, markets, trades)");
                        }
                        p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new BadFileException(name + ":" + p.currentTokenLocation().getLineNr()
                        + ": malformed JSON: expected a key or '}'");
            }
            if (!sawTrades) {
                throw new BadFileException(name + ": no \"trades\" array");
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new BadFileException(name + ":" + p.currentTokenLocation().getLineNr()
                        + ": malformed JSON: content after the end of the root object");
            }
        } catch (StreamConstraintsException e) {
            throw new BadFileException(JsonLimits.SCENARIO.describe(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadFileException(name + (at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() : "")
                    + ": malformed JSON: " + Text.oneLine(Text.shorten(String.valueOf(e.getOriginalMessage()))));
        }
        List<ScenarioRow> rows = new ArrayList<>();
        Set<String> keys = Descriptors.jsonKeys();
        for (int i = 0; i < trades.size(); i++) {
            ScenarioRow.Source source = new ScenarioRow.Source(name, lines.get(i)[0]);
            JsonNode t = trades.get(i);
            if (!t.isObject()) {
                rows.add(new ScenarioRow.Rejected(source, null, null, "a trade must be a JSON object", t.toString()));
                continue;
            }
            ObjectNode merged = mapper.createObjectNode();
            JsonNode marketName = t.get("market");
            String id = t.hasNonNull("id") ? t.get("id").asText() : null;
            if (marketName != null) {
                JsonNode market = markets.get(marketName.asText());
                if (market == null || !market.isObject()) {
                    rows.add(new ScenarioRow.Rejected(source, id, "market", "no such market in \"markets\"", marketName.asText()));
                    continue;
                }
                merged.setAll((ObjectNode) market);
            }
            merged.setAll((ObjectNode) t);
            MarketCurves.override(t, merged);
            MarketCurves.flatten(source.toString(), merged); // a trade's own curve, checked as a market's
            MarketSurfaces.override(t, merged);
            MarketSurfaces.flatten(source.toString(), merged);
            String unknown = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext();) {
                String key = it.next().getKey();
                if (!keys.contains(key)) {
                    unknown = key;
                }
            }
            if (unknown != null && !ignoreUnknownKeys) {
                throw new BadFileException(source + ": unknown key '" + unknown + "' (use --ignore-unknown-columns to skip it)");
            }
            try {
                RecordedFields recorded = RecordedFields.recording(new JsonFields(merged));
                rows.add(new ScenarioRow.Parsed(source, TradeFactory.create(recorded), recorded.freeze()));
            } catch (FieldException e) {
                rows.add(new ScenarioRow.Rejected(source, id, e.column(), e.reason(), e.value()));
            } catch (IllegalArgumentException e) {
                // a refusal TradeFactory did not turn into a field error: still this row's, never the batch's
                rows.add(new ScenarioRow.Rejected(source, id, "row", String.valueOf(e.getMessage()), null));
            }
        }
        return new Contents(rows, settings);
    }

    /**
     * The {@code markets} object, each market's curves checked and flattened where it is written
     * ({@link MarketCurves}, {@link MarketSurfaces}: a bad curve or surface names the market's line).
     */
    private static JsonNode markets(String file, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return p.readValueAsTree();
        }
        ObjectNode out = MAPPER.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String market = p.currentName();
            p.nextToken();
            long line = p.currentTokenLocation().getLineNr();
            JsonNode m = p.readValueAsTree();
            if (m instanceof ObjectNode o) {
                MarketCurves.flatten(file + ":" + line, o);
                MarketSurfaces.flatten(file + ":" + line, o);
            }
            out.set(market, m);
        }
        return out;
    }

    /** Settings a file may give, typed strictly. */
    public static final List<String> SETTINGS = List.of("paths", "seed", "antithetic", "sobol");

    private static FileSettings settings(String file, long line, JsonNode s) throws BadFileException {
        String at = file + ":" + line + ": ";
        if (!s.isObject()) {
            throw new BadFileException(at + "settings: must be a JSON object (value '" + s + "')");
        }
        Long paths = null;
        Long seed = null;
        Boolean anti = null;
        Boolean sobol = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String col = "settings." + e.getKey();
            switch (e.getKey()) {
                case "paths" -> {
                    paths = integer(at, col, v);
                    if (paths < 2 || paths > Limits.MAX_PATHS) {
                        throw new BadFileException(at + col + ": must be between 2 and " + Limits.MAX_PATHS
                                + " (value '" + v + "')");
                    }
                }
                case "seed" -> seed = integer(at, col, v);
                case "antithetic" -> anti = bool(at, col, v);
                case "sobol" -> sobol = bool(at, col, v);
                default -> throw new BadFileException(at + col + ": unknown setting (expected "
                        + String.join(", ", SETTINGS) + ")");
            }
        }
        return new FileSettings(paths, seed, anti, sobol);
    }

    private static long integer(String at, String col, JsonNode v) throws BadFileException {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadFileException(at + col + ": must be a whole number (value '" + v + "')");
        }
        return v.asLong();
    }

    private static boolean bool(String at, String col, JsonNode v) throws BadFileException {
        if (!v.isBoolean()) {
            throw new BadFileException(at + col + ": must be true or false (value '" + v + "')");
        }
        return v.asBoolean();
    }

    /** Fields of one JSON trade. */
    private static final class JsonFields implements Fields {
        private final JsonNode node;

        JsonFields(JsonNode node) {
            this.node = node;
        }

        @Override
        public String text(String column) {
            JsonNode v = node.get(column);
            if (v == null || v.isNull()) {
                return null;
            }
            String s = v.isValueNode() ? v.asText() : v.toString();
            return s.isBlank() ? null : s;
        }

        @Override
        public double[] numbers(String column) {
            JsonNode v = node.get(column);
            if (v == null || v.isNull()) {
                throw new FieldException(column, "is required", null);
            }
            if (!v.isArray()) {
                throw new FieldException(column, "must be a list of numbers", v.toString());
            }
            if (v.size() > Limits.MAX_LIST) {
                throw new FieldException(column, "has more than " + Limits.MAX_LIST + " entries", null);
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode e = v.get(i);
                if (!e.isNumber()) {
                    throw new FieldException(column + "[" + (i + 1) + "]", "is not a number", e.asText());
                }
                out[i] = e.asDouble();
                if (!Double.isFinite(out[i])) {
                    throw new FieldException(column + "[" + (i + 1) + "]", "is not finite", e.asText());
                }
            }
            return out;
        }

        @Override
        public double[][] matrix(String column) {
            JsonNode v = node.get(column);
            if (v == null || !v.isArray()) {
                throw new FieldException(column, "must be a list of rows", v == null ? null : v.toString());
            }
            if (v.size() > Limits.MAX_ASSETS) {
                throw new FieldException(column, "has more than " + Limits.MAX_ASSETS + " rows", null);
            }
            double[][] m = new double[v.size()][];
            for (int i = 0; i < m.length; i++) {
                JsonNode row = v.get(i);
                if (!row.isArray()) {
                    throw new FieldException(column + "[" + (i + 1) + "]", "must be a list of numbers", row.toString());
                }
                m[i] = new double[row.size()];
                for (int j = 0; j < m[i].length; j++) {
                    if (!row.get(j).isNumber()) {
                        throw new FieldException(column + "[" + (i + 1) + "][" + (j + 1) + "]", "is not a number",
                                row.get(j).asText());
                    }
                    m[i][j] = row.get(j).asDouble();
                    if (!Double.isFinite(m[i][j])) {
                        throw new FieldException(column + "[" + (i + 1) + "][" + (j + 1) + "]", "is not finite",
                                row.get(j).asText());
                    }
                }
            }
            return m;
        }
    }
}
