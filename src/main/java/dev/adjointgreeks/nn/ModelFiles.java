package dev.adjointgreeks.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

    public static TrainedModel load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new BadModelException(file + ": cannot read the model file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadModelException(file + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadModelException(file + ": not a model file (expected a JSON object)");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadModelException(file + ": not a model file of format " + FORMAT + " (format '"
                    + root.path("format").asText() + "')");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new BadModelException(file + ": model format version " + root.path("version")
                    + " is not supported (this program reads version " + VERSION + ")");
        }
        try {
            String[] inputs = strings(root, "inputs");
            int[] sizes = new int[root.path("sizes").size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = root.path("sizes").get(i).asInt();
            }
            String[] actWords = strings(root, "activations");
            Activation[] acts = new Activation[actWords.length];
            for (int i = 0; i < acts.length; i++) {
                acts[i] = Activation.parse(actWords[i]);
            }
            JsonNode norm = root.path("normalization");
            Normalization n = new Normalization(numbers(norm, "input_mean"), numbers(norm, "input_std"),
                    number(norm, "output_mean"), number(norm, "output_std"));
            Mlp net = new Mlp(sizes, acts, numbers(root, "parameters"));
            return new TrainedModel(inputs, root.path("target").asText(), n, net);
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
            s[i] = a.get(i).asText();
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
        }
        return d;
    }

    private static double number(JsonNode root, String key) {
        JsonNode v = root.path(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
        return v.asDouble();
    }
}
