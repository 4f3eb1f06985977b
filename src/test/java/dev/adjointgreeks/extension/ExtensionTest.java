package dev.adjointgreeks.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.batch.BatchInputException;
import dev.adjointgreeks.batch.BatchOptions;
import dev.adjointgreeks.batch.BatchPricer;
import dev.adjointgreeks.batch.BatchSink;
import dev.adjointgreeks.batch.LocalExecutor;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.closedform.BlackScholesFormula;
import dev.adjointgreeks.closedform.CallPut;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.ModelTypes;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.model.Underlying;
import dev.adjointgreeks.product.ProductTypes;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.scenario.shock.ShockPlan;
import dev.adjointgreeks.scenario.shock.ShockSet;
import dev.adjointgreeks.spark.SharedSpark;
import dev.adjointgreeks.spark.SparkExecutor;

/**
 * A model and a product added from outside the main tree, each with one descriptor and one
 * registration call, and then handled like the built-ins everywhere: the CSV header and JSON keys,
 * the range check and its rejection, the shock factors, the Greek columns, every method, and the
 * Spark executor's serialised tasks. Numbers are checked against independent truth: the CEV model
 * at {@code beta = 1} against the Black-Scholes closed form, the lookback against a European on the
 * same paths, the closed form, and a plain discrete-monitoring simulation.
 */
class ExtensionTest {

    private static final long PATHS = 10_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        ModelTypes.register(new CevModel.Descriptor());
        ProductTypes.register(new Lookback.Descriptor());
    }

    @AfterAll
    static void unregister() {
        ModelTypes.unregister("cev");
        ProductTypes.unregister("lookback");
    }

    /** A batch run's priced rows by id (and scenario), and its rejection lines. */
    record Run(Map<String, TradeResult> rows, List<String> rejections) {
        TradeResult row(String key) {
            TradeResult r = rows.get(key);
            assertTrue(r != null, () -> "no row " + key + " among " + rows.keySet() + "; rejections " + rejections);
            return r;
        }
    }

    private static Run run(List<Path> files, BatchOptions options, TradeExecutor ex)
            throws IOException, InterruptedException, BatchInputException {
        Map<String, TradeResult> rows = new LinkedHashMap<>();
        List<String> rejections = new ArrayList<>();
        try (BatchPricer batch = BatchPricer.open(files, options)) {
            batch.run(ex, new BatchSink() {
                @Override
                public void priced(TradeResult r) {
                    rows.put(r.scenario() == null || r.scenario().equals(TradeResult.BASE) ? r.id()
                            : r.id() + "@" + r.scenario(), r);
                }

                @Override
                public void rejected(ScenarioRow.Rejected r) {
                    rejections.add(r.message());
                }
            });
        }
        return new Run(rows, rejections);
    }

    private static Run run(Path file, BatchOptions options) throws Exception {
        try (TradeExecutor ex = new LocalExecutor(2)) {
            return run(List.of(file), options, ex);
        }
    }

    private static BatchOptions options(Method m) {
        return options(m, PATHS);
    }

    private static BatchOptions options(Method m, long paths) {
        return BatchOptions.of(m).withPaths(paths).withSeed(7L);
    }

    private static void within(double expected, double actual, double stderr, double sigmas, String what) {
        assertTrue(stderr > 0, what + ": a standard error");
        assertTrue(Math.abs(actual - expected) <= sigmas * stderr,
                what + ": " + actual + " vs " + expected + " (" + Math.abs(actual - expected) / stderr + " SE)");
    }

    /**
     * Adjoint and bump-and-revalue on the same paths agree within 4 standard errors of the per-path
     * difference plus the central difference's truncation (bump 1e-4 relative: bounded by 1e-6 of
     * the Greek's size), the rule of the engine's own tests.
     */
    private static void sameOnSamePaths(String what, TradeResult compare, String greek) {
        double adjoint = compare.get(greek + "_adjoint");
        double diff = adjoint - compare.get(greek + "_bump");
        double z = compare.get(greek + "_z");
        double seDiff = diff == 0.0 || Double.isNaN(z) ? 0.0 : Math.abs(diff / z);
        double truncation = 1e-6 * Math.max(1.0, Math.abs(adjoint));
        assertTrue(Math.abs(diff) <= 4 * seDiff + truncation, what + " " + greek + ": adjoint " + adjoint + " vs bump "
                + compare.get(greek + "_bump") + ", difference " + diff + " > 4 x " + seDiff + " + " + truncation);
    }

    // ------------------------------------------------------------------ (a) a model with a new input

    private static final String CEV_HEADER = "id,product,type,model,spot,strike,maturity,rate,dividend,vol,cev_beta,steps";

    private Path cevCsv() throws IOException {
        Path f = dir.resolve("cev.csv");
        Files.write(f, List.of(CEV_HEADER,
                "cev-1,european,call,cev,100,100,1,0.05,0.01,0.2,1,20",
                "cev-half,european,call,cev,100,100,1,0.05,0.01,2,0.5,20",
                "cev-bad,european,call,cev,100,100,1,0.05,0.01,0.2,1.5,20",
                "bs-1,european,call,bs,100,100,1,0.05,0.01,0.2,,20"));
        return f;
    }

    private Path cevJson() throws IOException {
        Path f = dir.resolve("cev.json");
        Files.writeString(f, "{\"trades\": [\n"
                + "{\"id\": \"cev-1\", \"product\": \"european\", \"type\": \"call\", \"model\": \"cev\", \"spot\": 100,"
                + " \"strike\": 100, \"maturity\": 1, \"rate\": 0.05, \"dividend\": 0.01, \"vol\": 0.2, \"cev_beta\": 1,"
                + " \"steps\": 20},\n"
                + "{\"id\": \"cev-half\", \"product\": \"european\", \"type\": \"call\", \"model\": \"cev\", \"spot\": 100,"
                + " \"strike\": 100, \"maturity\": 1, \"rate\": 0.05, \"dividend\": 0.01, \"vol\": 2, \"cev_beta\": 0.5,"
                + " \"steps\": 20},\n"
                + "{\"id\": \"cev-bad\", \"product\": \"european\", \"type\": \"call\", \"model\": \"cev\", \"spot\": 100,"
                + " \"strike\": 100, \"maturity\": 1, \"rate\": 0.05, \"dividend\": 0.01, \"vol\": 0.2, \"cev_beta\": 0,"
                + " \"steps\": 20}\n"
                + "]}\n");
        return f;
    }

    @Test
    void aCevModelIsPricedFromCsvAndJsonUnderEveryMethodAndItsRangeIsChecked() throws Exception {
        Path csv = cevCsv();
        BlackScholesFormula.Greeks bs = BlackScholesFormula.greeks(CallPut.CALL, 100, 100, 1, 0.05, 0.01, 0.2);

        Run adjoint = run(csv, options(Method.ADJOINT));
        assertEquals(List.of(csv + ":4: cev_beta: must be in (0, 1] under the cev model (README, Input ranges)"
                + " (value '1.5')"), adjoint.rejections());
        TradeResult one = adjoint.row("cev-1");
        assertEquals("cev", one.model());
        // beta = 1 is Black-Scholes: the closed form within 4 standard errors
        within(bs.price(), one.get("price"), one.get("price_stderr"), 4, "price at beta = 1");
        within(bs.delta(), one.get("delta"), one.get("delta_stderr"), 4, "delta at beta = 1");
        within(bs.vega(), one.get("vega"), one.get("vega_stderr"), 4, "vega at beta = 1");
        // the new input's Greek, named from its role, next to the built-in ones
        List<String> greeks = new ArrayList<>(one.values().keySet());
        assertTrue(greeks.containsAll(List.of("delta", "gamma", "vega", "theta", "d_strike", "d_cev_beta",
                "d_cev_beta_stderr")), greeks.toString());
        assertTrue(Double.isFinite(one.get("d_cev_beta")) && one.get("d_cev_beta_stderr") > 0);
        // a lower beta with the same local vol at the spot (2 x 100^-0.5 = 0.2) prices near Black-Scholes
        TradeResult half = adjoint.row("cev-half");
        assertTrue(Math.abs(half.get("price") - bs.price()) < 0.1 * bs.price(), half.values().toString());

        Run bump = run(csv, options(Method.BUMP));
        assertEquals(adjoint.rejections(), bump.rejections());
        within(one.get("d_cev_beta"), bump.row("cev-1").get("d_cev_beta"),
                Math.hypot(one.get("d_cev_beta_stderr"), bump.row("cev-1").get("d_cev_beta_stderr")), 4,
                "bump against adjoint d_cev_beta");

        Run compare = run(csv, options(Method.COMPARE));
        for (String id : List.of("cev-1", "cev-half")) {
            for (String g : List.of("price", "delta", "vega", "d_cev_beta")) {
                sameOnSamePaths(id, compare.row(id), g);
            }
        }

        // the same trades from JSON: the same numbers, and the rejection at its own line and column
        Path json = cevJson();
        Run fromJson = run(json, options(Method.ADJOINT));
        assertEquals(one.values(), fromJson.row("cev-1").values());
        assertEquals(half.values(), fromJson.row("cev-half").values());
        assertEquals(1, fromJson.rejections().size(), fromJson.rejections().toString());
        assertTrue(fromJson.rejections().get(0).startsWith(json + ":4: cev_beta: must be in (0, 1] under the cev model"),
                fromJson.rejections().toString());
    }

    @Test
    void aShocksFileMovesTheNewInputAndRefusesAShockOutsideItsRange() throws Exception {
        Path csv = cevCsv();
        Path shocks = dir.resolve("shocks.csv");
        Files.write(shocks, List.of("scenario,underlying,factor,shift,type",
                "beta-down,*,cev_beta,-0.25,absolute",
                "beta-up,*,cev_beta,0.1,absolute"));
        Run r = run(csv, options(Method.ADJOINT).withShocks(new ShockPlan(ShockSet.read(shocks), false, false)));
        TradeResult base = r.row("cev-1");
        TradeResult down = r.row("cev-1@beta-down");
        // at beta = 0.75 the local vol at 100 is 0.2 x 100^-0.25 = 0.063: the call loses most of its time value
        assertTrue(down.get("price") < base.get("price") - 3, down.values() + " vs " + base.values());
        assertEquals(down.get("price") - base.get("price"), down.get("pnl"), 1e-9);
        // a Black-Scholes trade has no cev_beta: the shock leaves it alone
        assertEquals(0.0, r.row("bs-1@beta-down").get("pnl"));
        assertTrue(r.rejections().contains(csv + ":2: cev_beta: scenario 'beta-up' (" + shocks
                + ":3) makes cev_beta 1.1 (value '1')"), r.rejections().toString());
        assertTrue(r.rejections().contains(csv + ":4: cev_beta: must be in (0, 1] under the cev model"
                + " (README, Input ranges) (value '1.5')"), r.rejections().toString());
    }

    @Test
    void theNewModelCrossesToSparkExecutorsAndComesBackIdentical() throws Exception {
        Path csv = cevCsv();
        BatchOptions options = BatchOptions.of(Method.ADJOINT).withPaths(2000L).withSeed(7L);
        Run local = run(csv, options);
        SparkExecutor spark = new SparkExecutor(SharedSpark.context(), false, 2);
        Run remote;
        try {
            remote = run(List.of(csv), options, spark);
        } finally {
            spark.close();
        }
        assertEquals(local.rejections(), remote.rejections());
        assertEquals(local.rows().keySet(), remote.rows().keySet());
        for (String id : local.rows().keySet()) {
            assertEquals(local.row(id).values(), remote.row(id).values(), id);
        }
    }

    // ------------------------------------------------------------------ (b) a product with a field of its own

    @Test
    void aLookbackIsPricedUnderEverySingleAssetModel() throws Exception {
        String header = "id,product,type,model,spot,strike,maturity,rate,dividend,vol,heston_v0,heston_kappa,"
                + "heston_theta,heston_xi,heston_rho,cev_beta,lookback_start,steps,seed";
        Map<String, String> markets = new LinkedHashMap<>();
        // strike 95: a maximum that includes today's spot of 100 is never at the payoff's kink
        markets.put("bs", "bs,100,95,1,0.05,0,0.2,,,,,,");
        markets.put("heston", "heston,100,95,1,0.05,0,,0.04,1.5,0.04,0.3,-0.7,");
        markets.put("bachelier", "bachelier,100,95,1,0.05,0,20,,,,,,");
        markets.put("cev", "cev,100,95,1,0.05,0,2,,,,,,0.5");
        // every model that prices a single-asset product from a CSV row (localvol reads a vol_surface,
        // JSON market data only: its products are tested in engine.LocalVolMonteCarloTest)
        List<String> csvModels = new ArrayList<>(ModelTypes.wordsFor(Underlying.SINGLE_ASSET));
        csvModels.remove(dev.adjointgreeks.model.LocalVolModel.WORD);
        assertEquals(csvModels, new ArrayList<>(markets.keySet()),
                "a market for every model that prices a single-asset product");
        List<String> lines = new ArrayList<>(List.of(header));
        int seed = 100;
        for (Map.Entry<String, String> m : markets.entrySet()) {
            seed++;
            lines.add("lb-" + m.getKey() + ",lookback,," + m.getValue() + ",0,50," + seed);
            lines.add("eu-" + m.getKey() + ",european,call," + m.getValue() + ",,50," + seed);
        }
        lines.add("lb-last,lookback,," + markets.get("bs") + ",0.99,50,201");
        lines.add("lb-half,lookback,," + markets.get("bs") + ",0.5,50,202");
        lines.add("lb-bad,lookback,," + markets.get("bs") + ",2,50,203");
        Path f = dir.resolve("lookback.csv");
        Files.write(f, lines);

        Run r = run(f, options(Method.ADJOINT, 5000));
        assertEquals(List.of(f + ":" + lines.size() + ": lookback_start: must lie in [0, maturity) (maturity 1.0)"
                + " (value '2')"), r.rejections());
        for (String model : markets.keySet()) {
            TradeResult lb = r.row("lb-" + model);
            TradeResult eu = r.row("eu-" + model);
            assertEquals(model.equals("bs") ? "bs" : model, lb.model());
            // the same paths: the running maximum is never below the final spot
            assertTrue(lb.get("price") >= eu.get("price"), model + ": " + lb.get("price") + " < " + eu.get("price"));
            assertTrue(lb.get("price") > eu.get("price") + 3 * lb.get("price_stderr"), model);
            assertTrue(Double.isFinite(lb.get("delta")) && Double.isFinite(lb.get("d_strike")), model);
            assertTrue(!lb.has("d_lookback_start"), "a contract term is not differentiated");
        }
        // monitoring the last date only is the European: the closed form within 4 standard errors
        TradeResult last = r.row("lb-last");
        BlackScholesFormula.Greeks bs = BlackScholesFormula.greeks(CallPut.CALL, 100, 95, 1, 0.05, 0, 0.2);
        within(bs.price(), last.get("price"), last.get("price_stderr"), 4, "lookback on the last date");
        within(bs.delta(), last.get("delta"), last.get("delta_stderr"), 4, "its delta");
        // from mid-life: a plain simulation of the same discrete monitoring
        TradeResult half = r.row("lb-half");
        double[] ref = discreteLookback(100, 95, 1, 0.05, 0.2, 50, 25, 400_000);
        within(ref[0], half.get("price"), Math.hypot(ref[1], half.get("price_stderr")), 4, "lookback from t = 0.5");

        // the bump engine agrees with the adjoint on the new product
        Path one = dir.resolve("lookback-bs.csv");
        Files.write(one, List.of(header, lines.get(1)));
        Run compare = run(one, options(Method.COMPARE, 5000));
        for (String g : List.of("price", "delta", "vega", "d_strike")) {
            sameOnSamePaths("lb-bs", compare.row("lb-bs"), g);
        }
    }

    /**
     * {@code e^{-rT} E[max(max_{k >= first} S_k - K, 0)]} under Black-Scholes with exact lognormal
     * steps, by a plain simulation in doubles independent of the library: price and standard error.
     */
    static double[] discreteLookback(double s0, double k, double t, double r, double vol, int steps, int first,
            int paths) {
        Random rng = new Random(20261206L);
        double dt = t / steps;
        double drift = (r - 0.5 * vol * vol) * dt;
        double sd = vol * Math.sqrt(dt);
        double sum = 0;
        double sum2 = 0;
        for (int p = 0; p < paths; p++) {
            double x = Math.log(s0);
            double m = first == 0 ? s0 : Double.NEGATIVE_INFINITY;
            for (int d = 1; d <= steps; d++) {
                x += drift + sd * rng.nextGaussian();
                if (d >= first) {
                    m = Math.max(m, Math.exp(x));
                }
            }
            double v = Math.exp(-r * t) * Math.max(m - k, 0);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / paths;
        return new double[] {mean, Math.sqrt((sum2 / paths - mean * mean) / (paths - 1))};
    }
}
