package dev.adjointgreeks.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Spec files and model files: the examples as shipped, exact round trips, strict loading. */
class SpecAndModelFilesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExamplesAreTheSpecFilesInScenarios() throws Exception {
        for (String name : Examples.names()) {
            Path file = Path.of("scenarios/surrogate/" + name + ".json");
            assertEquals(new ObjectMapper().readTree(file.toFile()), SpecFiles.exampleDocument(name), name);
            SurrogateSpec s = SpecFiles.read(file);
            assertEquals(name, s.name());
        }
        SurrogateSpec bs = Examples.byName("bs-call");
        InputRange spot = bs.vary().get(0);
        assertEquals("spot", spot.name());
        assertEquals(30, spot.lower());
        assertEquals(260, spot.upper());
        assertEquals(100, spot.center());
        assertEquals(-0.045, spot.mu());
        assertEquals(0.3, spot.sigma());
        assertEquals(new SurrogateSpec.TestSet(100, 35, 165, 0), bs.test());
        // the basket: 7 spots uniform on [50, 150], strike 110, basket normal vol sqrt(w' Sigma w) = 20
        SurrogateSpec basket = Examples.byName("bachelier-basket-7");
        assertEquals(7, basket.inputs());
        dev.adjointgreeks.mc.PricingProblem p = basket.trade().problem();
        double[] x = p.inputValues();
        double[] w = ((dev.adjointgreeks.product.Basket) p.product()).weights();
        double var = 0;
        for (int i = 0; i < 7; i++) {
            assertEquals("spot_" + (i + 1), basket.vary().get(i).name());
            assertEquals(InputRange.Draw.UNIFORM, basket.vary().get(i).draw());
            for (int j = 0; j < 7; j++) {
                double rho = corr(p, x, i, j);
                var += w[i] * w[j] * x[p.indexOf("vol_" + (i + 1))] * x[p.indexOf("vol_" + (j + 1))] * rho;
            }
        }
        assertEquals(20, Math.sqrt(var), 1e-3);
        assertEquals(110, x[p.indexOf("strike")]);
        assertEquals(4096, basket.test().points());
    }

    private static double corr(dev.adjointgreeks.mc.PricingProblem p, double[] x, int i, int j) {
        if (i == j) {
            return 1;
        }
        return x[p.indexOf("corr_" + (Math.min(i, j) + 1) + "_" + (Math.max(i, j) + 1))];
    }

    private Path spec(String surrogate, String trade) throws Exception {
        Path f = Files.createTempFile(dir, "spec", ".json");
        Files.writeString(f, "{\"surrogate\": " + surrogate + ", \"trades\": [" + trade + "]}");
        return f;
    }

    static final String TRADE = "{\"id\": \"t\", \"product\": \"european\", \"type\": \"call\", \"model\": \"bs\", "
            + "\"spot\": 100, \"strike\": 110, \"maturity\": 1, \"rate\": 0, \"dividend\": 0, \"vol\": 0.2}";

    @Test
    void badSpecsNameTheField() throws Exception {
        String[][] cases = {
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 300, \"upper\": 260}]}", TRADE, "surrogate.vary[0].lower"},
            {"{\"vary\": [{\"input\": \"volatility\", \"lower\": 0.1, \"upper\": 0.3}]}", TRADE, "surrogate.vary[0].input"},
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": 260, \"spread\": 1}]}", TRADE,
                "surrogate.vary[0].spread"},
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": 260}], \"labels\": \"magic\"}", TRADE,
                "surrogate.labels"},
            {"{\"vary\": []}", TRADE, "surrogate.vary"},
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": 260, \"draw\": \"lognormal\", \"mu\": 0, "
                + "\"sigma\": -1}]}", TRADE, "surrogate.vary[0].sigma"},
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": \"x\"}]}", TRADE, "surrogate.vary[0].upper"},
            {"{\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": 260}]}",
                TRADE.replace("european", "swaption"), "trades[0].product"},
        };
        for (String[] c : cases) {
            Path f = spec(c[0], c[1]);
            SpecException e = assertThrows(SpecException.class, () -> SpecFiles.read(f), c[2]);
            assertTrue(e.getMessage().startsWith(f + ": " + c[2]), e.getMessage());
        }
        Path f = dir.resolve("two.json");
        Files.writeString(f, "{\"surrogate\": {\"vary\": [{\"input\": \"spot\", \"lower\": 30, \"upper\": 260}]}, "
                + "\"trades\": [" + TRADE + ", " + TRADE + "], \"extra\": 1}");
        assertTrue(assertThrows(SpecException.class, () -> SpecFiles.read(f)).getMessage().contains("unknown key 'extra'"));
    }

    static Surrogate small() throws Exception {
        return Surrogates.train(SpecFiles.exampleDocument("bs-call"), Examples.byName("bs-call"), 300,
                new SurrogateTrainer.Settings(3, true, SurrogateTrainer.GradientMethod.TAPE, 4, 1), null);
    }

    @Test
    void aModelFileRoundTripsExactlyAndPricesTheSame() throws Exception {
        Surrogate s = small();
        Path f = dir.resolve("m.json");
        SurrogateFiles.save(s, f);
        Surrogate back = SurrogateFiles.load(f);
        assertArrayEquals(s.network().parameters(), back.network().parameters(), 0.0);
        assertArrayEquals(s.normalization().inputStd(), back.normalization().inputStd(), 0.0);
        assertEquals(s.training(), back.training());
        double[] a = new double[2];
        double[] b = new double[2];
        s.evaluator().priceAndGreeks(new double[] {104}, a);
        back.evaluator().priceAndGreeks(new double[] {104}, b);
        assertArrayEquals(a, b, 0.0);
        assertEquals(SurrogateFiles.KIND, new ObjectMapper().readTree(f.toFile()).get("kind").asText());
        // the hand-written reverse sweep through the network equals the tape's
        double[] t = new double[2];
        for (double spot : new double[] {35, 80, 104, 165, 250}) {
            s.evaluator().priceAndGreeks(new double[] {spot}, a);
            s.evaluator().priceAndGreeksByTape(new double[] {spot}, t, new dev.adjointgreeks.ad.Tape());
            assertEquals(t[0], a[0], 1e-12 * Math.max(1, Math.abs(t[0])));
            assertEquals(t[1], a[1], 1e-12);
        }
    }

    @Test
    void modelFilesAreLoadedStrictly() throws Exception {
        Surrogate s = small();
        Path good = dir.resolve("good.json");
        SurrogateFiles.save(s, good);
        ObjectMapper mapper = new ObjectMapper();
        String[][] edits = {
            {"kind", "\"adjoint-greeks-mlp\"", "kind"},
            {"version", "2", "version"},
            {"training.mode", "\"fast\"", "training.mode"},
            {"training.samples", "0", "training.samples"},
            {"network.sizes", "[2, 20, 1]", "network.sizes"},
            {"network.parameters", "[1, 2]", "network"},
            {"normalization.input_std", "[0]", "normalization"},
            {"training.colour", "1", "training.colour"},
            {"spec.surrogate.vary", "[]", "spec"},
        };
        for (String[] e : edits) {
            ObjectNode root = (ObjectNode) mapper.readTree(good.toFile());
            String[] path = e[0].split("\\.");
            ObjectNode at = root;
            for (int i = 0; i < path.length - 1; i++) {
                at = (ObjectNode) at.get(path[i]);
            }
            at.set(path[path.length - 1], mapper.readTree(e[1]));
            Path bad = dir.resolve("bad.json");
            mapper.writeValue(bad.toFile(), root);
            SpecException x = assertThrows(SpecException.class, () -> SurrogateFiles.load(bad), e[0]);
            assertTrue(x.getMessage().startsWith(bad + ": " + e[2]), e[0] + ": " + x.getMessage());
        }
        ObjectNode root = (ObjectNode) mapper.readTree(good.toFile());
        root.remove("preview");
        Path bad = dir.resolve("missing.json");
        mapper.writeValue(bad.toFile(), root);
        assertTrue(assertThrows(SpecException.class, () -> SurrogateFiles.load(bad)).getMessage().contains("preview: missing"));
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, Files.readString(good) + " {}");
        assertTrue(assertThrows(SpecException.class, () -> SurrogateFiles.load(trailing)).getMessage()
                .contains("malformed JSON"));
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, Files.readString(good).substring(0, 200));
        assertTrue(assertThrows(SpecException.class, () -> SurrogateFiles.load(truncated)).getMessage()
                .contains("malformed JSON"));
    }
}
