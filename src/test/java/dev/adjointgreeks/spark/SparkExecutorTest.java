package dev.adjointgreeks.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.batch.BatchOptions;
import dev.adjointgreeks.batch.BatchPricer;
import dev.adjointgreeks.batch.BatchSink;
import dev.adjointgreeks.batch.BatchSummary;
import dev.adjointgreeks.batch.LocalExecutor;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Spark's output equals the local executor's, byte for byte once the wall-clock {@code time_ms}
 * values are set aside: the command line end to end on the test JVM's shared {@code local[2]}
 * context, and the batch API with small partitions and chunks.
 */
class SparkExecutorTest {

    static final String DIR = "src/test/resources/dev/adjointgreeks/spark/";
    static final String CSV = DIR + "mixed.csv";
    static final String JSON = DIR + "mixed.json";

    @BeforeAll
    static void startSpark() {
        SharedSpark.context();
    }

    private static Cli.Run price(String executor, String... more) {
        List<String> args = new ArrayList<>(List.of("price", CSV, JSON, "--paths", "500", "--quiet"));
        args.addAll(List.of(more));
        args.addAll(List.of("--executor", executor));
        if (executor.equals("spark")) {
            args.addAll(List.of("--spark-master", SharedSpark.MASTER));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertSameRun(Cli.Run local, Cli.Run spark) {
        assertEquals(local.exit(), spark.exit(), () -> "exit codes; spark's stderr:\n" + spark.err());
        assertEquals(local.err(), spark.err(), "rejections on stderr");
        assertFalse(local.out().isEmpty());
        assertEquals(Cli.withoutTimes(local.out()), Cli.withoutTimes(spark.out()));
    }

    @Test
    void sparkWritesWhatLocalWritesForBadRowsJsonBasketsAndTotals() {
        Cli.Run local = price("local", "--totals");
        Cli.Run spark = price("spark", "--totals");
        assertSameRun(local, spark);
        assertEquals(3, spark.exit(), "rows were rejected");
        assertEquals(7, spark.err().lines().count(), spark.err());
        assertTrue(spark.out().contains("\nbasket-call,basket,bs-multi,"), spark.out());
        assertTrue(spark.out().contains("\nTOTAL,total,"), spark.out());
    }

    @Test
    void aCsvBookOnAMarketsFileCarriesItsCurvesToTheExecutors() {
        // --market: each row's recorded fields hold its market's curves, so an executor rebuilds the same trade
        List<Cli.Run> runs = new ArrayList<>();
        for (String executor : List.of("local", "spark")) {
            runs.add(Cli.run("price", "scenarios/curves-book.csv", "--market", "scenarios/markets.json", "--paths", "64",
                    "--quiet", "--layout", "long", "--totals", "--executor", executor, "--spark-master", SharedSpark.MASTER));
        }
        assertEquals(0, runs.get(1).exit(), runs.get(1).err());
        assertEquals(runs.get(0).out(), runs.get(1).out(), "the long layout has no wall-clock column: equal as text");
        assertTrue(runs.get(1).out().contains("\nTOTAL,spx-usd,discount_curve,30Y,"), runs.get(1).out());
    }

    @Test
    void sparkWritesWhatLocalWritesInJsonLines() {
        assertSameRun(price("local", "--format", "jsonl", "--totals"), price("spark", "--format", "jsonl", "--totals"));
    }

    @Test
    void aTradeThatFailsOnAnExecutorIsRejectedAloneWithItsReason() {
        // the analytic method has no closed form for an arithmetic Asian or a Heston digital: found only by pricing
        Cli.Run local = price("local", "--method", "analytic");
        Cli.Run spark = price("spark", "--method", "analytic");
        assertSameRun(local, spark);
        assertTrue(spark.err().contains("mixed.csv:8: method: "), spark.err());
        assertTrue(spark.out().contains("\ngeo-asian,asian,bs,analytic,"), spark.out());
    }

    @Test
    void smallPartitionsAndPartialChunksKeepInputOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("first-150.csv");
        try (Stream<String> lines = Files.lines(Path.of("scenarios/portfolio-1000.csv"))) {
            Files.write(file, lines.limit(152).collect(Collectors.toList()));
        }
        BatchOptions options = BatchOptions.of(Method.ADJOINT).withPaths(200L).withTotals(true)
                .withGreeks(java.util.Set.of("delta", "vega"));
        List<String> local;
        try (TradeExecutor ex = new LocalExecutor(2)) {
            local = run(file, options, ex);
        }
        SparkExecutor spark = new SparkExecutor(SharedSpark.context(), false, 3);
        assertEquals(48, spark.chunkSize(), "16 trades per partition, 3 partitions: 150 trades are 4 chunks");
        List<String> remote = run(file, options, spark);
        spark.close();
        assertEquals(150 + 5, remote.size(), "150 trades, then totals for 4 underlyings and overall");
        assertEquals(local, remote);
        assertFalse(SharedSpark.context().sc().isStopped(), "an executor leaves a context it does not own running");
    }

    /** Every row as text (time aside), in the order the sink saw it. */
    private static List<String> run(Path file, BatchOptions options, TradeExecutor ex)
            throws IOException, InterruptedException, dev.adjointgreeks.batch.BatchInputException {
        List<String> rows = new ArrayList<>();
        try (BatchPricer batch = BatchPricer.open(List.of(file), options)) {
            BatchSummary s = batch.run(ex, new BatchSink() {
                @Override
                public void priced(TradeResult r) {
                    rows.add(r.id() + " " + r.seed() + " " + r.paths() + " " + r.values());
                }

                @Override
                public void rejected(ScenarioRow.Rejected r) {
                    rows.add(r.message());
                }
            });
            assertEquals(150, s.priced() + s.rejected());
        }
        return rows;
    }
}
