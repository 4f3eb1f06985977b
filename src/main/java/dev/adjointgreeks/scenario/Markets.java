package dev.adjointgreeks.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.io.JsonLimits;
import dev.adjointgreeks.scenario.CsvScenarioReader.BadFileException;

/**
 * Named markets: the {@code markets} section of a JSON scenario file, or a markets file that holds
 * only that section ({@code {"markets": {"spx": {...}}}}, given to a CSV book with
 * {@code --market}). Each market is an object of the fields a trade takes unless it gives its own
 * (spots, vols, a flat rate or a curve, currency and SIMM tags); its curves are checked and
 * flattened once, where they are written ({@link MarketCurves}). One parser serves both files, and
 * {@link #merge} is the one rule by which a trade (a JSON trade, or a CSV row) overrides its market.
 *
 * <p>A markets file is checked whole before anything is priced, and every fault is file-level
 * (exit 2) naming file, line and column: malformed JSON, a key besides {@code markets}, a market
 * that is not an object or is named twice, an unknown key in a market, a curve's structure. A JSON
 * scenario's section keeps that file's looser habits (a market that is not an object rejects the
 * trades that name it; messages give the line).
 */
public final class Markets {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(JsonLimits.SCENARIO.constraints())
            .build());

    /** A file without markets. */
    static final Markets NONE = new Markets(JsonNodeFactory.instance.objectNode());

    private final JsonNode section;

    private Markets(JsonNode section) {
        this.section = section;
    }

    /** The market called {@code name}, or null if there is none (or it is not an object). */
    ObjectNode market(String name) {
        JsonNode m = section.get(name);
        return m instanceof ObjectNode o ? o : null;
    }

    /**
     * A trade on its market: the market's fields, then the trade's own over them; a trade's flat
     * {@code rate} or {@code dividend} drops its market's curve ({@link MarketCurves#override}).
     *
     * @param market the market, or null for a trade that names none
     */
    static ObjectNode merge(ObjectNode market, ObjectNode trade) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (market != null) {
            merged.setAll(market);
        }
        merged.setAll(trade);
        MarketCurves.override(trade, merged);
        MarketSurfaces.override(trade, merged);
        return merged;
    }

    /**
     * The bucket columns a trade on one of these markets may report ({@code d_discount_curve_5Y},
     * {@code d_dividend_curve_3M}): each market's pillars as written, markets in file order.
     */
    public List<String> bucketColumns() {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode m : section) {
            if (m instanceof ObjectNode o) {
                out.addAll(MarketCurves.bucketColumns(o));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads the {@code markets} section of a JSON scenario file, the parser on its first token:
     * each market's curves checked and flattened, a fault naming the market's line.
     */
    static Markets section(String file, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return new Markets(p.readValueAsTree());
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
        return new Markets(out);
    }

    /**
     * Reads a markets file: one JSON object whose only key is {@code markets}, an object of named
     * market objects. Unknown keys in a market are refused unless {@code ignoreUnknownKeys}.
     *
     * @throws BadFileException naming file, line and column (exit 2)
     */
    public static Markets read(Path file, boolean ignoreUnknownKeys) throws BadFileException {
        String name = file.toString();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadFileException(name + ": cannot read the markets file");
        }
        Markets markets = null;
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            if (p.nextToken() == null) {
                throw new BadFileException(name + ": the markets file is empty");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw bad(name, p, "expected a JSON object with \"markets\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (!p.currentName().equals("markets")) {
                    throw bad(name, p, "unknown key '" + Text.oneLine(Text.shorten(p.currentName()))
                            + "' (a markets file has only \"markets\")");
                }
                if (markets != null) {
                    throw bad(name, p, "\"markets\" appears twice");
                }
                p.nextToken();
                markets = strictSection(name, p, ignoreUnknownKeys);
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw bad(name, p, "malformed JSON: expected a key or '}'");
            }
            if (p.nextToken() != null) {
                throw bad(name, p, "malformed JSON: content after the end of the root object");
            }
        } catch (StreamConstraintsException e) {
            throw new BadFileException(JsonLimits.SCENARIO.describe(file));
        } catch (JsonProcessingException e) {
            throw new BadFileException(where(name, e.getLocation()) + ": malformed JSON: "
                    + Text.oneLine(Text.shorten(String.valueOf(e.getOriginalMessage()))));
        } catch (BadFileException e) {
            throw e;
        } catch (IOException e) {
            throw new BadFileException(name + ": cannot read the markets file: " + e.getMessage());
        }
        if (markets == null) {
            throw new BadFileException(name + ": no \"markets\" object");
        }
        return markets;
    }

    /** A markets file's section: every market an object, named once, with known keys and sound curves. */
    private static Markets strictSection(String file, JsonParser p, boolean ignoreUnknownKeys) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw bad(file, p, "\"markets\" must be an object of named markets");
        }
        Set<String> keys = Descriptors.jsonKeys();
        ObjectNode out = MAPPER.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String market = p.currentName();
            p.nextToken();
            String at = where(file, p.currentTokenLocation());
            String shown = Text.oneLine(Text.shorten(market));
            if (out.has(market)) {
                throw new BadFileException(at + ": market '" + shown + "' appears twice");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BadFileException(at + ": market '" + shown + "' must be a JSON object");
            }
            ObjectNode m = p.readValueAsTree();
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!keys.contains(key)) {
                    unknown.add(Text.oneLine(Text.shorten(key)));
                }
            }
            if (!unknown.isEmpty() && !ignoreUnknownKeys) {
                throw new BadFileException(at + ": market '" + shown + "': unknown key" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + " (use --ignore-unknown-columns to skip them)");
            }
            MarketCurves.flatten(at, m);
            MarketSurfaces.flatten(at, m);
            out.set(market, m);
        }
        return new Markets(out);
    }

    private static BadFileException bad(String file, JsonParser p, String reason) {
        return new BadFileException(where(file, p.currentTokenLocation()) + ": " + reason);
    }

    /** {@code file:line:column}, or the file alone where the parser knows no place. */
    private static String where(String file, JsonLocation at) {
        return at == null || at.getLineNr() <= 0 ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }
}
