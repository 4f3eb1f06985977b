package dev.adjointgreeks.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.engine.GreeksEngine;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/** The batch API on its own, without the command line. */
class BatchPricerTest {

    static final String HEADER = "id,product,type,model,spot,strike,maturity,rate,dividend,vol,barrier,barrier_kind,"
            + "rebate,fixings,averaging,payout,heston_v0,heston_kappa,heston_theta,heston_xi,heston_rho";

    static final String MULTI = """
            {"settings": {"paths": 300, "seed": 9},
             "markets": {"m": {"spots": [100, 95], "vols": [0.2, 0.3], "dividends": [0, 0.01], "rate": 0.03,
                               "correlation": [[1, 0.5], [0.5, 1]]}},
             "trades": [
               {"id": "b", "product": "basket", "type": "call", "strike": 100, "maturity": 1, "weights": [0.5, 0.5],
                "market": "m"},
               {"id": "x", "product": "exchange", "maturity": 0.5, "market": "m"},
               {"id": "bad", "product": "basket", "type": "call", "strike": 100, "maturity": 1, "weights": [1, 0],
                "market": "nowhere"},
               {"id": "v", "product": "european", "type": "put", "strike": 100, "maturity": 1, "spot": 100,
                "vol": 0.2, "rate": 0.05, "dividend": 0}
             ]}
            """;

    @TempDir
    Path dir;

    Path csv(String name, String... rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(List.of(rows));
        Path f = dir.resolve(name);
        Files.write(f, lines);
        return f;
    }

    Path mixed() throws IOException {
        return csv("mixed.csv",
                "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,",
                "neg,european,call,bs,100,100,1,0.05,0,-0.2,,,,,,,,,,,",
                "dig,digital,call,bs,100,105,1,0.03,0,0.2,,,,,,10,,,,,",
                "eu,european,put,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,",
                "geo,asian,put,bs,100,100,1,0.05,0.01,0.2,,,,12,geometric,,,,,,",
                "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,,,,,,,,,",
                "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7");
    }

    /** Collects what a run hands out, in order. */
    static final class Collect implements BatchSink {
        final List<Object> rows = new ArrayList<>();
        final List<TradeResult> totals = new ArrayList<>();

        @Override
        public void priced(TradeResult r) {
            rows.add(r);
        }

        @Override
        public void rejected(ScenarioRow.Rejected r) {
            rows.add(r);
        }

        @Override
        public void total(TradeResult t) {
            totals.add(t);
        }

        Map<String, Map<String, Double>> valuesById() {
            Map<String, Map<String, Double>> m = new LinkedHashMap<>();
            for (Object o : rows) {
                if (o instanceof TradeResult r) {
                    m.put(r.id(), r.values());
                }
            }
            return m;
        }
    }

    static Collect run(BatchPricer batch, TradeExecutor ex) throws Exception {
        Collect c = new Collect();
        try (batch; ex) {
            batch.run(ex, c);
        }
        return c;
    }

    @Test
    void rowsComeOutInInputOrderAsResultsOrRejectionValues() throws Exception {
        Path f = mixed();
        Collect c = run(BatchPricer.open(List.of(f), BatchOptions.of(Method.ADJOINT).withPaths(200L)),
                new LocalExecutor(2));
        assertEquals(7, c.rows.size());
        List<String> kinds = c.rows.stream().map(o -> o instanceof TradeResult r ? r.id()
                : "rejected:" + ((ScenarioRow.Rejected) o).column()).toList();
        assertEquals(List.of("eu", "rejected:vol", "dig", "rejected:id", "geo", "bar", "hes"), kinds);
        ScenarioRow.Rejected vol = (ScenarioRow.Rejected) c.rows.get(1);
        assertEquals(f.toString(), vol.source().file());
        assertEquals(3, vol.source().line());
        assertEquals("-0.2", vol.value());
        assertTrue(vol.reason().startsWith("must be in [0, 5]"), vol.reason());
        ScenarioRow.Rejected dup = (ScenarioRow.Rejected) c.rows.get(3);
        assertEquals(5, dup.source().line());
        assertEquals("duplicate id in this run", dup.reason());
    }

    /** An executor with large chunks, completed out of order, like a cluster would. */
    static class ChunkedExecutor implements TradeExecutor {
        final List<Chunk> seen = new ArrayList<>();

        @Override
        public Future<List<TaskOutcome>> submit(Chunk chunk) {
            seen.add(roundTrip(chunk));
            return CompletableFuture.supplyAsync(() -> roundTrip(TaskPricer.price(roundTrip(chunk))));
        }

        @Override
        public int chunkSize() {
            return 3;
        }

        @Override
        public int chunksInFlight() {
            return 2;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void resultsDoNotDependOnTheExecutorOrItsChunks() throws Exception {
        Path f = mixed();
        Path j = dir.resolve("multi.json");
        Files.writeString(j, MULTI);
        BatchOptions o = BatchOptions.of(Method.ADJOINT).withTotals(true);
        Collect local = run(BatchPricer.open(List.of(f, j), o.withPaths(300L)), new LocalExecutor(3));
        ChunkedExecutor chunked = new ChunkedExecutor();
        Collect cluster = run(BatchPricer.open(List.of(f, j), o.withPaths(300L)), chunked);
        assertEquals(local.valuesById(), cluster.valuesById());
        assertEquals(local.rows.size(), cluster.rows.size());
        assertEquals(local.totals.stream().map(TradeResult::values).toList(),
                cluster.totals.stream().map(TradeResult::values).toList());
        assertTrue(chunked.seen.size() >= 3, "several numbered chunks: " + chunked.seen.size());
        for (int i = 0; i < chunked.seen.size(); i++) {
            assertEquals(i, chunked.seen.get(i).number());
        }
    }

    @Test
    void aJsonFilesSettingsApplyUnlessTheCallerSetsThem() throws Exception {
        Path j = dir.resolve("multi.json");
        Files.writeString(j, MULTI);
        Collect c = run(BatchPricer.open(List.of(j), BatchOptions.of(Method.ADJOINT)), new LocalExecutor(1));
        TradeResult first = (TradeResult) c.rows.get(0);
        assertEquals(300, first.paths());
        Collect d = run(BatchPricer.open(List.of(j), BatchOptions.of(Method.ADJOINT).withPaths(400L)),
                new LocalExecutor(1));
        assertEquals(400, ((TradeResult) d.rows.get(0)).paths());
        ScenarioRow.Rejected market = (ScenarioRow.Rejected) c.rows.get(2);
        assertEquals("market", market.column());
        assertEquals(j + ":8: market: no such market in \"markets\" (value 'nowhere')", market.message());
    }

    @Test
    void aChunkWhoseExecutorGivesUpStopsTheRunNamingItsTrades() throws Exception {
        Path f = mixed();
        TradeExecutor failing = new ChunkedExecutor() {
            @Override
            public Future<List<TaskOutcome>> submit(Chunk chunk) {
                if (chunk.number() == 1) {
                    return CompletableFuture.failedFuture(new IllegalStateException("lost executor\n\tat a.b.C(C.java:1)"));
                }
                return super.submit(chunk);
            }
        };
        Collect c = new Collect();
        ExecutorFailedException e;
        try (BatchPricer batch = BatchPricer.open(List.of(f), BatchOptions.of(Method.ADJOINT).withPaths(200L));
             failing) {
            e = assertThrows(ExecutorFailedException.class, () -> batch.run(failing, c));
        }
        // chunks of 3: [eu, dig, geo] was written with the two rejections between; [bar, hes] was not priced
        assertEquals(List.of("eu", "rejected:vol", "dig", "rejected:id", "geo"), c.rows.stream()
                .map(o -> o instanceof TradeResult r ? r.id() : "rejected:" + ((ScenarioRow.Rejected) o).column()).toList());
        assertEquals(1, e.chunk());
        assertEquals(List.of(f + ":7 (id 'bar')", f + ":8 (id 'hes')"),
                e.trades().stream().map(ExecutorFailedException.Unpriced::toString).toList());
        assertEquals("lost executor", e.reason(), "the first line only, no stack trace");
        assertTrue(e.getMessage().startsWith("the executor failed on chunk 1 (2 trades) after its retries: lost executor"),
                e.getMessage());
    }

    @Test
    void theDriverHoldsAtMostChunksInFlightOfABigBook() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add("t" + i + ",european,call,bs,100," + (80 + i % 40) + ",1,0.03,0,0.2,,,,,,,,,,,");
        }
        Path f = csv("big.csv", rows.toArray(String[]::new));
        int[] outstanding = {0, 0};   // now, most
        long[] trades = {0};
        TradeExecutor counting = new ChunkedExecutor() {
            @Override
            public Future<List<TaskOutcome>> submit(Chunk chunk) {
                outstanding[0]++;
                outstanding[1] = Math.max(outstanding[1], outstanding[0]);
                trades[0] += chunk.size();
                CompletableFuture<List<TaskOutcome>> priced = CompletableFuture.supplyAsync(() -> TaskPricer.price(chunk));
                return new CompletableFuture<>() {
                    @Override
                    public List<TaskOutcome> get() throws InterruptedException, java.util.concurrent.ExecutionException {
                        List<TaskOutcome> o = priced.get();
                        outstanding[0]--;
                        return o;
                    }

                    @Override
                    public boolean isDone() {
                        return priced.isDone();
                    }
                };
            }

            @Override
            public int chunkSize() {
                return 7;
            }
        };
        Collect c = run(BatchPricer.open(List.of(f), BatchOptions.of(Method.ADJOINT).withPaths(20L)), counting);
        assertEquals(3_000, c.rows.size());
        assertEquals(3_000, c.valuesById().size(), "every trade once");
        assertEquals(3_000, trades[0]);
        assertEquals(0, outstanding[0]);
        assertEquals(counting.chunksInFlight(), outstanding[1], "chunks submitted and not yet collected, at most");
    }

    @Test
    void aResultThatIsNotFiniteRejectsItsRowNamingTheOutput() {
        TradeResult r = new TradeResult("t", "european", "bs", "adjoint", 10, 1,
                Map.of("price", 1.0, "delta", Double.POSITIVE_INFINITY), 1.0, 1.0, null);
        ScenarioRow.Rejected x = BatchRule.violation(r, new ScenarioRow.Source("f.csv", 4));
        assertEquals("f.csv:4: delta: is not finite: inputs outside the model's numerical range (value 'Infinity')",
                x.message());
        TradeResult z = new TradeResult("t", "european", "bs", "compare", 10, 1,
                Map.of("price_adjoint", 1.0, "price_z_analytic", Double.NEGATIVE_INFINITY, "time_analytic_ms", 0.1),
                1.0, 1.0, null);
        assertNull(BatchRule.violation(z, new ScenarioRow.Source("f.csv", 4)), "a z-score over a zero error is undefined");
        assertTrue(Double.isNaN(BatchRule.emptyUndefined(z).get("price_z_analytic")));
    }

    @Test
    void aFileThatTurnsMalformedRejectsItsRemainderAndTheNextFileIsPriced() throws Exception {
        Path broken = csv("broken.csv", "a,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,",
                "\"b,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,", "c,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        Path good = csv("good.csv", "d,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        Collect c = run(BatchPricer.open(List.of(broken, good), BatchOptions.of(Method.ANALYTIC)), new LocalExecutor(1));
        assertEquals(3, c.rows.size());
        ScenarioRow.Rejected rest = (ScenarioRow.Rejected) c.rows.get(1);
        assertEquals(3, rest.source().line());
        assertEquals("row", rest.column());
        assertTrue(rest.reason().startsWith("malformed CSV; the rest of the file is not read"), rest.reason());
        assertEquals("d", ((TradeResult) c.rows.get(2)).id());
    }

    @Test
    void wholeFileProblemsAreFoundBeforeAnythingIsPriced() throws IOException {
        Path good = csv("good.csv", "d,european,call,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,");
        Path settings = dir.resolve("s.json");
        Files.writeString(settings, "{\"settings\": {\"paths\": 100, \"colour\": 1}, \"trades\": []}");
        BatchInputException e = assertThrows(BatchInputException.class,
                () -> BatchPricer.open(List.of(good, settings), BatchOptions.of(Method.ADJOINT)));
        assertEquals(settings + ":1: settings.colour: unknown setting (expected paths, seed, antithetic, sobol)",
                e.getMessage());
    }

    @Test
    void executorsAreFoundByNameAndAMissingOneSaysHowToGetIt() throws Exception {
        assertTrue(TradeExecutors.names().contains("local"));
        try (TradeExecutor ex = TradeExecutors.create("local", ExecutorOptions.local(1))) {
            assertInstanceOf(LocalExecutor.class, ex);
        }
        if (!TradeExecutors.names().contains("spark")) {
            ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                    () -> TradeExecutors.create("spark", ExecutorOptions.local(1)));
            assertTrue(e.getMessage().contains("-Pspark"), e.getMessage());
        }
        ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                () -> TradeExecutors.create("carrier-pigeon", ExecutorOptions.local(1)));
        assertTrue(e.getMessage().contains("unknown executor 'carrier-pigeon' (available: local"), e.getMessage());
    }

    @Test
    void whatCrossesToExecutorsRoundTripsForEveryProductAndModel() throws Exception {
        Path f = csv("all.csv",
                "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,",
                "dig,digital,put,bs,100,105,1,0.03,0,0.2,,,,,,10,,,,,",
                "asi,asian,call,bs,100,100,1,0.05,0.01,0.2,,,,12,arithmetic,,,,,,",
                "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,1,,,,,,,,",
                "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7",
                "hdig,digital,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7");
        Path j = dir.resolve("multi.json");
        Files.writeString(j, MULTI);
        ChunkedExecutor ex = new ChunkedExecutor();
        run(BatchPricer.open(List.of(f, j), BatchOptions.of(Method.ADJOINT).withPaths(100L)), ex);
        int trades = 0;
        for (Chunk chunk : ex.seen) {
            for (TradeTask t : chunk.tasks()) {
                TradeTask back = roundTrip(t);
                TradeResult a = GreeksEngine.price(t.trade(), Method.ADJOINT, t.settings());
                TradeResult b = GreeksEngine.price(back.trade(), Method.ADJOINT, back.settings());
                assertEquals(a.values(), b.values(), t.id());
                assertEquals(a.model(), b.model());
                trades++;
            }
        }
        assertEquals(9, trades);
    }

    @Test
    void aProgramCanHandRowsItParsedItself() throws Exception {
        Map<String, String> eu = Map.of("id", "mine", "product", "european", "type", "call", "spot", "100",
                "strike", "100", "maturity", "1", "rate", "0.05", "dividend", "0", "vol", "0.2");
        dev.adjointgreeks.scenario.RecordedFields fields = dev.adjointgreeks.scenario.RecordedFields.recording(eu::get);
        ScenarioRow.Source at = new ScenarioRow.Source("my-book", 1);
        List<ScenarioRow> rows = List.of(
                new ScenarioRow.Parsed(at, dev.adjointgreeks.scenario.TradeFactory.create(fields), fields.freeze()),
                new ScenarioRow.Rejected(new ScenarioRow.Source("my-book", 2), "other", "spot", "is stale", "99"));
        Collect c = run(BatchPricer.of(List.of(BatchInput.of("my-book", rows, dev.adjointgreeks.scenario.FileSettings.NONE)),
                BatchOptions.of(Method.ANALYTIC)), new LocalExecutor(1));
        assertEquals("mine", ((TradeResult) c.rows.get(0)).id());
        assertEquals("my-book:2: spot: is stale (value '99')", ((ScenarioRow.Rejected) c.rows.get(1)).message());
    }

    @Test
    void theReadmeBatchExampleWorks() throws Exception {
        List<TradeResult> priced = new ArrayList<>();
        List<ScenarioRow.Rejected> rejected = new ArrayList<>();
        try (BatchPricer batch = BatchPricer.open(List.of(Path.of("scenarios/demo.csv")),
                     BatchOptions.of(Method.ADJOINT).withPaths(200L));
             TradeExecutor executor = TradeExecutors.create("local", ExecutorOptions.local(2))) {
            BatchSummary s = batch.run(executor, new BatchSink() {
                public void priced(TradeResult r) {
                    priced.add(r);
                }

                public void rejected(ScenarioRow.Rejected r) {
                    rejected.add(r);
                }
            });
            assertEquals(priced.size(), s.priced());
        }
        assertEquals(List.of(), rejected);
        assertTrue(priced.size() > 5);
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
