package dev.adjointgreeks.surrogate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.mc.PricingProblem;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Reads surrogate specs. A spec is a JSON scenario document of exactly one trade (read by the same
 * reader as {@code greeks price}, markets included) with a {@code "surrogate"} object beside
 * {@code "trades"}:
 *
 * <pre>
 * "surrogate": {
 *   "name": "bs-call",
 *   "vary": [{"input": "spot", "lower": 30, "upper": 260, "draw": "lognormal", "mu": -0.045, "sigma": 0.3}],
 *   "labels": "pathwise",            (or "closed-form"; default pathwise)
 *   "antithetic": true,              (default true)
 *   "hidden": [20, 20, 20, 20],      (default)
 *   "test": {"points": 100, "lower": 35, "upper": 165, "seed": 0}
 * }
 * </pre>
 *
 * A lognormal draw is {@code value * exp(mu + sigma z)} around the trade's own value of the input,
 * kept within the domain. Every key is checked: an unknown key, a missing or mistyped value, an
 * input the trade does not have, or a lower bound not below its upper bound is an error naming the
 * field.
 */
public final class SpecFiles {

    private static final Set<String> TOP = Set.of("surrogate", "trades", "markets", "settings");
    private static final Set<String> SURROGATE = Set.of("name", "vary", "labels", "antithetic", "hidden", "test");
    private static final Set<String> VARY = Set.of("input", "lower", "upper", "draw", "mu", "sigma");
    private static final Set<String> TEST = Set.of("points", "lower", "upper", "seed");

    private SpecFiles() {
    }

    /** JSON with nothing after the root value and no duplicate keys. */
    static ObjectMapper strictMapper() {
        return new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Reads a spec file. */
    public static SurrogateSpec read(Path file) throws IOException {
        return parse(file.toString(), document(file));
    }

    /** A spec file's JSON document (parse it with {@link #parse}). */
    public static JsonNode document(Path file) throws IOException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new SpecException(file + ": cannot read the spec file");
        }
        try {
            return strictMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SpecException(dev.adjointgreeks.io.JsonLimits.DEFAULTS.describe(file));
        } catch (JsonProcessingException e) {
            throw new SpecException(file + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a built-in example's spec from the classpath. */
    public static SurrogateSpec example(String name) throws IOException {
        return parse(name + ".json", exampleDocument(name));
    }

    /** A built-in example's spec document. */
    public static JsonNode exampleDocument(String name) throws IOException {
        String resource = "/dev/adjointgreeks/surrogate/examples/" + name + ".json";
        try (InputStream in = Examples.names().contains(name) ? SpecFiles.class.getResourceAsStream(resource) : null) {
            if (in == null) {
                throw new SpecException("--example: unknown example '" + name + "' (expected "
                        + String.join(", ", Examples.names()) + ")");
            }
            return strictMapper().readTree(in);
        }
    }

    /** The spec document itself, as a model file stores it. */
    public static SurrogateSpec parse(String source, JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new SpecException(source + ": a spec must be a JSON object with \"surrogate\" and \"trades\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new SpecException(source + ": unknown key '" + k + "' (expected surrogate, trades, markets, settings)");
            }
        }
        JsonNode s = root.get("surrogate");
        if (s == null || !s.isObject()) {
            throw new SpecException(source + ": surrogate: missing (an object naming the varying inputs)");
        }
        checkKeys(source, "surrogate", s, SURROGATE);
        Trade trade = trade(source, root);
        PricingProblem problem = trade.problem();
        JsonNode v = s.get("vary");
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new SpecException(source + ": surrogate.vary: must be a non-empty list of inputs");
        }
        List<InputRange> vary = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String f = "surrogate.vary[" + i + "]";
            JsonNode e = v.get(i);
            if (!e.isObject()) {
                throw new SpecException(source + ": " + f + ": must be an object");
            }
            checkKeys(source, f, e, VARY);
            String input = text(source, f + ".input", e.get("input"));
            int k = problem.indexOf(input);
            if (k < 0) {
                throw new SpecException(source + ": " + f + ".input: '" + input + "' is not an input of this trade (inputs: "
                        + String.join(", ", problem.inputNames()) + ")");
            }
            for (InputRange r : vary) {
                if (r.name().equals(input)) {
                    throw new SpecException(source + ": " + f + ".input: '" + input + "' varies twice");
                }
            }
            double lower = number(source, f + ".lower", e.get("lower"));
            double upper = number(source, f + ".upper", e.get("upper"));
            if (!(lower < upper)) {
                throw new SpecException(source + ": " + f + ".lower: " + lower + " is not below the upper bound " + upper);
            }
            String draw = e.has("draw") ? text(source, f + ".draw", e.get("draw")) : "uniform";
            try {
                InputRange.Draw d = InputRange.Draw.parse(draw);
                if (d == InputRange.Draw.UNIFORM) {
                    if (e.has("mu") || e.has("sigma")) {
                        throw new SpecException(source + ": " + f + ": mu and sigma belong to a lognormal draw");
                    }
                    vary.add(InputRange.uniform(input, lower, upper));
                } else {
                    double center = problem.inputValues()[k];
                    double mu = number(source, f + ".mu", e.get("mu"));
                    double sigma = number(source, f + ".sigma", e.get("sigma"));
                    if (!(sigma > 0)) {
                        throw new SpecException(source + ": " + f + ".sigma: must be > 0 (value " + sigma + ")");
                    }
                    if (!(center > 0)) {
                        throw new SpecException(source + ": " + f + ".draw: a lognormal draw needs a positive "
                                + input + " in the trade");
                    }
                    vary.add(InputRange.lognormal(input, lower, upper, center, mu, sigma));
                }
            } catch (IllegalArgumentException ex) {
                throw new SpecException(source + ": " + f + ".draw: " + ex.getMessage());
            }
        }
        SurrogateSpec.Labels labels = SurrogateSpec.Labels.PATHWISE;
        if (s.has("labels")) {
            try {
                labels = SurrogateSpec.Labels.parse(text(source, "surrogate.labels", s.get("labels")));
            } catch (IllegalArgumentException ex) {
                throw new SpecException(source + ": surrogate.labels: " + ex.getMessage());
            }
        }
        boolean antithetic = true;
        if (s.has("antithetic")) {
            if (!s.get("antithetic").isBoolean()) {
                throw new SpecException(source + ": surrogate.antithetic: must be true or false");
            }
            antithetic = s.get("antithetic").asBoolean();
        }
        int[] hidden = SurrogateSpec.defaultHidden();
        if (s.has("hidden")) {
            JsonNode h = s.get("hidden");
            if (!h.isArray() || h.isEmpty()) {
                throw new SpecException(source + ": surrogate.hidden: must be a non-empty list of layer widths");
            }
            hidden = new int[h.size()];
            for (int i = 0; i < hidden.length; i++) {
                if (!h.get(i).canConvertToInt() || !h.get(i).isIntegralNumber() || h.get(i).asInt() < 1) {
                    throw new SpecException(source + ": surrogate.hidden[" + i + "]: must be a whole number >= 1");
                }
                hidden[i] = h.get(i).asInt();
            }
        }
        SurrogateSpec.TestSet test = test(source, s.get("test"), vary);
        String name = s.has("name") ? text(source, "surrogate.name", s.get("name")) : trade.id();
        try {
            return new SurrogateSpec(name, trade, vary, labels, antithetic, hidden, test);
        } catch (IllegalArgumentException ex) {
            throw new SpecException(source + ": surrogate: " + ex.getMessage());
        }
    }

    private static SurrogateSpec.TestSet test(String source, JsonNode t, List<InputRange> vary) throws SpecException {
        if (t == null) {
            InputRange first = vary.get(0);
            return new SurrogateSpec.TestSet(vary.size() == 1 ? 100 : 4096, first.lower(), first.upper(), 0);
        }
        if (!t.isObject()) {
            throw new SpecException(source + ": surrogate.test: must be an object");
        }
        checkKeys(source, "surrogate.test", t, TEST);
        JsonNode pts = t.get("points");
        if (pts == null || !pts.isIntegralNumber() || pts.asLong() < 2 || pts.asLong() > 10_000_000) {
            throw new SpecException(source + ": surrogate.test.points: must be a whole number >= 2");
        }
        double lower = t.has("lower") ? number(source, "surrogate.test.lower", t.get("lower")) : vary.get(0).lower();
        double upper = t.has("upper") ? number(source, "surrogate.test.upper", t.get("upper")) : vary.get(0).upper();
        if (!(lower < upper)) {
            throw new SpecException(source + ": surrogate.test.lower: " + lower + " is not below the upper bound " + upper);
        }
        long seed = 0;
        if (t.has("seed")) {
            if (!t.get("seed").isIntegralNumber()) {
                throw new SpecException(source + ": surrogate.test.seed: must be a whole number");
            }
            seed = t.get("seed").asLong();
        }
        return new SurrogateSpec.TestSet(pts.asInt(), lower, upper, seed);
    }

    /**
     * The one trade, by the scenario reader of {@code greeks price}. The reader takes a file, so the
     * document's trade part is handed to it as one.
     */
    private static Trade trade(String source, JsonNode root) throws IOException {
        JsonNode trades = root.get("trades");
        if (trades == null || !trades.isArray() || trades.size() != 1) {
            throw new SpecException(source + ": trades: a spec names exactly one trade");
        }
        ObjectNode doc = new ObjectMapper().createObjectNode();
        for (String k : List.of("trades", "markets", "settings")) {
            if (root.has(k)) {
                doc.set(k, root.get(k));
            }
        }
        Path tmp = Files.createTempFile("surrogate-spec", ".json");
        try {
            new ObjectMapper().writeValue(tmp.toFile(), doc);
            List<ScenarioRow> rows = JsonScenarioReader.read(tmp, false).rows();
            ScenarioRow row = rows.get(0);
            if (row instanceof ScenarioRow.Rejected r) {
                throw new SpecException(source + ": trades[0]" + (r.column() != null ? "." + r.column() : "") + ": "
                        + r.reason() + (r.value() != null ? " (value '" + r.value() + "')" : ""));
            }
            return ((ScenarioRow.Parsed) row).trade();
        } catch (IOException e) {
            if (e instanceof SpecException) {
                throw e;
            }
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new SpecException(source + ": trades[0]: " + m.replace(tmp.toString() + ":", "").replace(tmp.toString(), "").trim());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void checkKeys(String source, String where, JsonNode o, Set<String> allowed) throws SpecException {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            String k = it.next().getKey();
            if (!allowed.contains(k)) {
                throw new SpecException(source + ": " + where + "." + k + ": unknown key (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    static String text(String source, String field, JsonNode v) throws SpecException {
        if (v == null || !v.isTextual()) {
            throw new SpecException(source + ": " + field + ": missing or not a string");
        }
        return v.asText();
    }

    static double number(String source, String field, JsonNode v) throws SpecException {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new SpecException(source + ": " + field + ": missing or not a finite number");
        }
        return v.asDouble();
    }
}
