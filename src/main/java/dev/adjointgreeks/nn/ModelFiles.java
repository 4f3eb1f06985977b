package dev.adjointgreeks.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.io.AtomicFiles;

/**
 * Saves and loads a {@link TrainedModel} as JSON (format {@value #FORMAT}, version {@value #VERSION}):
 * architecture, activations, parameters, normalisation and names. Doubles are written in their
 * shortest exact decimal form, so a round trip is exact. Files are written atomically.
 */
public final class ModelFiles {

    public static final String FORMAT = "adjoint-greeks-mlp";
    public static final int VERSION = 1;

    /** A model file that cannot be used: malformed, of another format or version, inconsistent. */
    public static final class BadModelException extends IOException {
        private static final long serialVersionUID = 1L;

        public BadModelException(String message) {
            super(message);
        }
    }

    private ModelFiles() {
    }

    public static void save(TrainedModel m, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode inputs = root.putArray("inputs");
        for (String s : m.inputNames()) {
            inputs.add(s);
        }
        root.put("target", m.target());
        ArrayNode sizes = root.putArray("sizes");
        for (int s : m.network().sizes()) {
            sizes.add(s);
        }
        ArrayNode acts = root.putArray("activations");
        for (Activation a : m.network().activations()) {
            acts.add(a.word());
        }
        ObjectNode norm = root.putObject("normalization");
        Normalization n = m.normalization();
        ArrayNode mean = norm.putArray("input_mean");
        ArrayNode std = norm.putArray("input_std");
        for (int i = 0; i < n.inputMean().length; i++) {
            mean.add(n.inputMean()[i]);
            std.add(n.inputStd()[i]);
        }
        norm.put("output_mean", n.outputMean());
        norm.put("output_std", n.outputStd());
        ArrayNode params = root.putArray("parameters");
        for (double p : m.network().parameters()) {
            params.add(p);
        }
        byte[] bytes = mapper.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Strict reading: duplicate keys and anything after the root object make the file malformed. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Loads a model strictly: format and version exactly ({@code "version": 1}, not {@code "1"} or
     * 1.5), whole-number sizes, finite parameters, unique non-empty names, a target that is not an
     * input, positive standard deviations, nothing after the root object.
     */
    public static TrainedModel load(Path file) throws IOException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new BadModelException(file + ": cannot read the model file");
        }
        JsonNode root;
        try {
            root = READER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new BadModelException(dev.adjointgreeks.io.JsonLimits.DEFAULTS.describe(file));
        } catch (JsonProcessingException e) {
            throw new BadModelException(file + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadModelException(file + ": not a model file (expected a JSON object)");
        }
        if (!root.path("format").isTextual() || !FORMAT.equals(root.path("format").asText())) {
            throw new BadModelException(file + ": not a model file of format " + FORMAT + " (format "
                    + root.path("format") + ")");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() != VERSION) {
            throw new BadModelException(file + ": model format version " + version
                    + " is not supported (this program reads version " + VERSION + ", a whole number)");
        }
        try {
            String[] inputs = names(root, "inputs");
            JsonNode target = root.path("target");
            if (!target.isTextual() || target.asText().isBlank()) {
                throw new IllegalArgumentException("'target' must be a non-empty name");
            }
            if (java.util.Arrays.asList(inputs).contains(target.asText())) {
                throw new IllegalArgumentException("the target '" + target.asText() + "' is also an input");
            }
            JsonNode sizeList = root.path("sizes");
            if (!sizeList.isArray()) {
                throw new IllegalArgumentException("'sizes' must be a list of whole numbers");
            }
            int[] sizes = new int[sizeList.size()];
            for (int i = 0; i < sizes.length; i++) {
                JsonNode v = sizeList.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
                    throw new IllegalArgumentException("'sizes' entry " + (i + 1) + " must be a whole number >= 1 (value "
                            + v + ")");
                }
                sizes[i] = v.asInt();
            }
            String[] actWords = strings(root, "activations");
            Activation[] acts = new Activation[actWords.length];
            for (int i = 0; i < acts.length; i++) {
                acts[i] = Activation.parse(actWords[i]);
            }
            JsonNode norm = root.path("normalization");
            double[] std = numbers(norm, "input_std");
            for (int i = 0; i < std.length; i++) {
                if (!(std[i] > 0)) {
                    throw new IllegalArgumentException("'input_std' entry " + (i + 1) + " must be > 0");
                }
            }
            double outStd = number(norm, "output_std");
            if (!(outStd > 0)) {
                throw new IllegalArgumentException("'output_std' must be > 0");
            }
            Normalization n = new Normalization(numbers(norm, "input_mean"), std, number(norm, "output_mean"), outStd);
            Mlp net = new Mlp(sizes, acts, numbers(root, "parameters"));
            return new TrainedModel(inputs, target.asText(), n, net);
        } catch (IllegalArgumentException e) {
            throw new BadModelException(file + ": inconsistent model: " + e.getMessage());
        }
    }

    private static String[] strings(JsonNode root, String key) {
        JsonNode a = root.path(key);
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        String[] s = new String[a.size()];
        for (int i = 0; i < s.length; i++) {
            if (!a.get(i).isTextual()) {
                throw new IllegalArgumentException("'" + key + "' entry " + (i + 1) + " must be a string");
            }
            s[i] = a.get(i).asText();
        }
        return s;
    }

    /** Non-empty, unique names. */
    private static String[] names(JsonNode root, String key) {
        String[] s = strings(root, key);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : s) {
            if (n.isBlank()) {
                throw new IllegalArgumentException("'" + key + "' has an empty name");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("'" + key + "' names '" + n + "' twice");
            }
        }
        return s;
    }

    private static double[] numbers(JsonNode root, String key) {
        JsonNode a = root.path(key);
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list of numbers");
        }
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + key + "' entry " + (i + 1) + " is not a number");
            }
            d[i] = a.get(i).asDouble();
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("'" + key + "' entry " + (i + 1) + " is not finite (value "
                        + a.get(i).asText() + ")");
            }
        }
        return d;
    }

    private static double number(JsonNode root, String key) {
        JsonNode v = root.path(key);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("'" + key + "' must be a finite number");
        }
        return v.asDouble();
    }
}
