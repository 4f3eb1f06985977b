package dev.adjointgreeks.surrogate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.adjointgreeks.io.AtomicFiles;
import dev.adjointgreeks.nn.Activation;
import dev.adjointgreeks.nn.Mlp;
import dev.adjointgreeks.nn.Normalization;

/**
 * Surrogate model files: JSON of kind {@value #KIND}, version {@value #VERSION} (distinct from the
 * {@code adjoint-greeks-mlp} files of {@code greeks nn}). They hold the spec document, the
 * network, the normalisation, the training record and a preview of the training samples. Doubles
 * are written in their shortest exact form, so a round trip is exact; files are written atomically.
 *
 * <p>Loading is strict: another kind or version, a missing, mistyped or unknown key, a
 * non-finite number or sizes that do not fit together is an error naming the field.
 */
public final class SurrogateFiles {

    public static final String KIND = "adjoint-greeks-surrogate";
    public static final int VERSION = 1;

    private static final Set<String> TOP = Set.of("kind", "version", "spec", "training", "network", "normalization",
            "preview");
    private static final Set<String> TRAINING = Set.of("samples", "seed", "mode", "epochs", "gradient", "loss",
            "data_seconds", "train_seconds", "second_order");
    /** Keys a model file may leave out: written only when set (older files have none). */
    private static final Set<String> OPTIONAL = Set.of("training.second_order");
    private static final Set<String> NETWORK = Set.of("sizes", "activations", "parameters");
    private static final Set<String> NORMALIZATION = Set.of("input_mean", "input_std", "output_mean", "output_std");

    private SurrogateFiles() {
    }

    public static void save(Surrogate s, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("kind", KIND);
        root.put("version", VERSION);
        root.set("spec", s.specDocument());
        ObjectNode t = root.putObject("training");
        Surrogate.Training tr = s.training();
        t.put("samples", tr.samples());
        t.put("seed", tr.seed());
        t.put("mode", tr.mode());
        t.put("epochs", tr.epochs());
        t.put("gradient", tr.gradient());
        t.put("loss", tr.loss());
        t.put("data_seconds", tr.dataSeconds());
        t.put("train_seconds", tr.trainSeconds());
        if (tr.secondOrder() > 0) {
            t.put("second_order", tr.secondOrder());
        }
        ObjectNode net = root.putObject("network");
        ArrayNode sizes = net.putArray("sizes");
        for (int v : s.network().sizes()) {
            sizes.add(v);
        }
        ArrayNode acts = net.putArray("activations");
        for (Activation a : s.network().activations()) {
            acts.add(a.word());
        }
        ArrayNode params = net.putArray("parameters");
        for (double p : s.network().parameters()) {
            params.add(p);
        }
        ObjectNode norm = root.putObject("normalization");
        Normalization n = s.normalization();
        ArrayNode mean = norm.putArray("input_mean");
        ArrayNode std = norm.putArray("input_std");
        for (int i = 0; i < n.inputMean().length; i++) {
            mean.add(n.inputMean()[i]);
            std.add(n.inputStd()[i]);
        }
        norm.put("output_mean", n.outputMean());
        norm.put("output_std", n.outputStd());
        ArrayNode preview = root.putArray("preview");
        for (double[] row : s.preview()) {
            ArrayNode r = preview.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        byte[] bytes = mapper.writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static Surrogate load(Path file) throws IOException {
        String src = file.toString();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new SpecException(src + ": cannot read the model file");
        }
        JsonNode root;
        try {
            root = SpecFiles.strictMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SpecException(dev.adjointgreeks.io.JsonLimits.DEFAULTS.describe(file));
        } catch (JsonProcessingException e) {
            throw new SpecException(src + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(src + ": not a surrogate model file (expected a JSON object)");
        }
        JsonNode kind = root.get("kind");
        if (kind == null || !KIND.equals(kind.asText())) {
            String other = root.has("format") ? root.get("format").asText() : kind == null ? "none" : kind.asText();
            throw new SpecException(src + ": kind: not a surrogate model file (kind '" + other + "', expected '" + KIND
                    + "'" + ("adjoint-greeks-mlp".equals(other) ? "; this is a 'greeks nn' model" : "") + ")");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
            throw new SpecException(src + ": version: " + version + " is not supported (this program reads version "
                    + VERSION + ")");
        }
        keys(src, "", root, TOP);
        SurrogateSpec spec = SpecFiles.parse(src + ": spec", root.get("spec"));
        JsonNode t = object(src, "training", root.get("training"));
        keys(src, "training.", t, TRAINING);
        String mode = SpecFiles.text(src, "training.mode", t.get("mode"));
        if (!mode.equals("differential") && !mode.equals("standard")) {
            throw new SpecException(src + ": training.mode: '" + mode + "' (expected differential or standard)");
        }
        Surrogate.Training training = new Surrogate.Training(whole(src, "training.samples", t.get("samples"), 1),
                t.path("seed").isIntegralNumber() ? t.get("seed").asLong() : wholeFail(src, "training.seed"),
                mode.equals("differential"), whole(src, "training.epochs", t.get("epochs"), 1),
                SpecFiles.text(src, "training.gradient", t.get("gradient")),
                SpecFiles.number(src, "training.loss", t.get("loss")),
                SpecFiles.number(src, "training.data_seconds", t.get("data_seconds")),
                SpecFiles.number(src, "training.train_seconds", t.get("train_seconds")),
                t.has("second_order") ? SpecFiles.number(src, "training.second_order", t.get("second_order")) : 0.0);
        JsonNode net = object(src, "network", root.get("network"));
        keys(src, "network.", net, NETWORK);
        JsonNode sz = array(src, "network.sizes", net.get("sizes"));
        int[] sizes = new int[sz.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = whole(src, "network.sizes[" + i + "]", sz.get(i), 1);
        }
        if (sizes.length < 2 || sizes[0] != spec.inputs() || sizes[sizes.length - 1] != 1) {
            throw new SpecException(src + ": network.sizes: a surrogate of " + spec.inputs()
                    + " varying inputs needs sizes [" + spec.inputs() + ", ..., 1]");
        }
        JsonNode ac = array(src, "network.activations", net.get("activations"));
        Activation[] acts = new Activation[ac.size()];
        for (int i = 0; i < acts.length; i++) {
            try {
                acts[i] = Activation.parse(SpecFiles.text(src, "network.activations[" + i + "]", ac.get(i)));
            } catch (IllegalArgumentException e) {
                throw new SpecException(src + ": network.activations[" + i + "]: " + e.getMessage());
            }
        }
        double[] params = numbers(src, "network.parameters", net.get("parameters"));
        Mlp mlp;
        try {
            mlp = new Mlp(sizes, acts, params);
        } catch (IllegalArgumentException e) {
            throw new SpecException(src + ": network: " + e.getMessage());
        }
        JsonNode no = object(src, "normalization", root.get("normalization"));
        keys(src, "normalization.", no, NORMALIZATION);
        double[] mean = numbers(src, "normalization.input_mean", no.get("input_mean"));
        double[] std = numbers(src, "normalization.input_std", no.get("input_std"));
        if (mean.length != spec.inputs() || std.length != spec.inputs()) {
            throw new SpecException(src + ": normalization: needs " + spec.inputs() + " input means and deviations");
        }
        Normalization norm;
        try {
            norm = new Normalization(mean, std, SpecFiles.number(src, "normalization.output_mean", no.get("output_mean")),
                    SpecFiles.number(src, "normalization.output_std", no.get("output_std")));
        } catch (IllegalArgumentException e) {
            throw new SpecException(src + ": normalization: " + e.getMessage());
        }
        JsonNode pv = array(src, "preview", root.get("preview"));
        double[][] preview = new double[pv.size()][];
        for (int i = 0; i < preview.length; i++) {
            preview[i] = numbers(src, "preview[" + i + "]", pv.get(i));
            if (preview[i].length != spec.inputs() + 1) {
                throw new SpecException(src + ": preview[" + i + "]: needs " + (spec.inputs() + 1) + " numbers");
            }
        }
        try {
            return new Surrogate(root.get("spec"), spec, mlp, norm, training, preview);
        } catch (IllegalArgumentException e) {
            throw new SpecException(src + ": " + e.getMessage());
        }
    }

    private static long wholeFail(String src, String field) throws SpecException {
        throw new SpecException(src + ": " + field + ": missing or not a whole number");
    }

    private static void keys(String src, String prefix, JsonNode o, Set<String> allowed) throws SpecException {
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new SpecException(src + ": " + prefix + k + ": unknown key");
            }
        }
        for (String k : allowed) {
            if (!o.has(k) && !OPTIONAL.contains(prefix + k)) {
                throw new SpecException(src + ": " + prefix + k + ": missing");
            }
        }
    }

    private static JsonNode object(String src, String field, JsonNode v) throws SpecException {
        if (v == null || !v.isObject()) {
            throw new SpecException(src + ": " + field + ": missing or not an object");
        }
        return v;
    }

    private static JsonNode array(String src, String field, JsonNode v) throws SpecException {
        if (v == null || !v.isArray()) {
            throw new SpecException(src + ": " + field + ": missing or not a list");
        }
        return v;
    }

    private static int whole(String src, String field, JsonNode v, int min) throws SpecException {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw new SpecException(src + ": " + field + ": missing or not a whole number >= " + min);
        }
        return v.asInt();
    }

    private static double[] numbers(String src, String field, JsonNode v) throws SpecException {
        array(src, field, v);
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw new SpecException(src + ": " + field + "[" + i + "]: not a finite number");
            }
            d[i] = e.asDouble();
        }
        return d;
    }
}
