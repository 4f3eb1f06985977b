package dev.adjointgreeks.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.adjointgreeks.model.BlackScholesModel;
import dev.adjointgreeks.model.HestonModel;
import dev.adjointgreeks.model.MultiAssetModel;
import dev.adjointgreeks.product.Asian;
import dev.adjointgreeks.product.Averaging;
import dev.adjointgreeks.product.Basket;
import dev.adjointgreeks.product.Digital;
import dev.adjointgreeks.product.European;
import dev.adjointgreeks.product.OptionType;

/**
 * Trades without a closed form for their Greeks, and their reference values: computed once with
 * many paths by {@link #main} (an independent seed), stored with standard errors in
 * {@code src/test/resources/reference/reference.json}.
 */
final class ReferenceTrades {

    static final long REFERENCE_PATHS = 4_000_000;
    static final long REFERENCE_SEED = 1_000_003;

    static final MultiAssetModel THREE_ASSETS = new MultiAssetModel(new double[] {100, 90, 110},
            new double[] {0.2, 0.3, 0.25}, new double[] {0.01, 0.02, 0.0}, 0.04,
            new double[][] {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}});
    static final HestonModel HESTON = new HestonModel(100, 0.04, 1.5, 0.04, 0.3, -0.7, 0.03, 0.01);

    static List<Trade> trades() {
        return List.of(
                new Trade("asian-arith-call", new Asian(OptionType.CALL, 100, 1, 12, Averaging.ARITHMETIC),
                        new BlackScholesModel(100, 0.2, 0.05, 0.01)),
                new Trade("asian-arith-put", new Asian(OptionType.PUT, 105, 0.5, 6, Averaging.ARITHMETIC),
                        new BlackScholesModel(100, 0.3, 0.03, 0.0)),
                new Trade("basket-call", new Basket(OptionType.CALL, 100, 1, new double[] {0.5, 0.3, 0.2}), THREE_ASSETS),
                new Trade("basket-put", new Basket(OptionType.PUT, 95, 0.5, new double[] {0.2, 0.2, 0.6}), THREE_ASSETS),
                new Trade("heston-call", new European(OptionType.CALL, 100, 1), HESTON, 0, 50, null, 1, null),
                new Trade("heston-digital-put", new Digital(OptionType.PUT, 95, 1, 1.0), HESTON, 0, 50, null, 1, null));
    }

    static RunSettings referenceSettings() {
        return RunSettings.defaults(REFERENCE_PATHS, REFERENCE_SEED).withThreads(2);
    }

    /** Reference values by trade id: name to {value, stderr}. */
    static Map<String, Map<String, double[]>> load() throws IOException {
        try (InputStream in = ReferenceTrades.class.getResourceAsStream("/reference/reference.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
            root.get("trades").fields().forEachRemaining(t -> {
                Map<String, double[]> m = new LinkedHashMap<>();
                t.getValue().fields().forEachRemaining(g -> m.put(g.getKey(),
                        new double[] {g.getValue().get(0).asDouble(), g.getValue().get(1).asDouble()}));
                out.put(t.getKey(), m);
            });
            return out;
        }
    }

    /** Regenerates the reference file (about two minutes on two cores). */
    public static void main(String[] args) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("paths", REFERENCE_PATHS);
        root.put("seed", REFERENCE_SEED);
        root.put("method", "adjoint");
        Map<String, Object> trades = new LinkedHashMap<>();
        for (Trade t : trades()) {
            TradeResult r = GreeksEngine.price(t, Method.ADJOINT, referenceSettings());
            Map<String, double[]> m = new LinkedHashMap<>();
            for (String k : r.values().keySet()) {
                if (!k.endsWith("_stderr")) {
                    m.put(k, new double[] {r.get(k), r.get(k + "_stderr")});
                }
            }
            trades.put(t.id(), m);
            System.err.printf("%s: %.0f ms%n", t.id(), r.timeMs());
        }
        root.put("trades", trades);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(Path.of(args.length > 0 ? args[0] : "src/test/resources/reference/reference.json").toFile(), root);
    }
}
