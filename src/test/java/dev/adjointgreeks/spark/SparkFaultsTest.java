package dev.adjointgreeks.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.batch.BatchOptions;
import dev.adjointgreeks.batch.BatchPricer;
import dev.adjointgreeks.batch.BatchSink;
import dev.adjointgreeks.batch.ExecutorFailedException;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * When Spark gives up: a task that fails on every attempt, outside the per-trade catch (the
 * failure drill of {@link SparkExecutor#DRILL}), aborts its chunk's job. The run stops with exit 4,
 * names every trade of that chunk, and leaves no output file, temporary or final. (In
 * {@code local[2]} a task has one attempt; on a cluster, {@code spark.task.maxFailures}: see
 * {@code src/test/sh/spark-executor-loss.sh} for a lost executor whose tasks are re-run.)
 */
class SparkFaultsTest {

    @BeforeAll
    static void startSpark() {
        SharedSpark.context();
    }

    private static <T> T withDrill(String tradeId, java.util.function.Supplier<T> body) {
        System.setProperty(SparkExecutor.DRILL, tradeId);
        try {
            return body.get();
        } finally {
            System.clearProperty(SparkExecutor.DRILL);
        }
    }

    @Test
    void aTaskThatFailsEveryAttemptStopsTheRunWithExit4NamingItsChunksTrades(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");
        Cli.Run local = Cli.run("price", SparkExecutorTest.CSV, "--paths", "200", "--quiet");
        assertEquals(3, local.exit(), local.err());
        Cli.Run spark = withDrill("dig-call", () -> Cli.run("price", SparkExecutorTest.CSV, "--paths", "200", "--quiet",
                "--executor", "spark", "--spark-master", SharedSpark.MASTER, "--partitions", "1", "--out", out.toString()));
        assertEquals(4, spark.exit(), spark.err());
        assertFalse(Files.exists(out), "no output file");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temporary file left");
        }
        assertEquals("", spark.out());
        String err = spark.err();
        assertTrue(err.startsWith("greeks: the executor failed on chunk 0 ("), err);
        assertTrue(err.contains("failure drill: the task holding trade 'dig-call' fails"), err);
        assertTrue(err.contains("no output file was written"), err);
        assertFalse(err.contains("\tat "), "no stack trace:\n" + err);
        // one chunk of 16 holds every valid trade of the file: each is named once, with its line
        List<String> named = err.lines().filter(l -> l.startsWith("greeks: not priced: "))
                .map(l -> l.replaceAll("^greeks: not priced: [^ ]*mixed\\.csv:[0-9]+ \\(id '(.*)'\\)$", "$1")).toList();
        List<String> valid = local.out().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertEquals(valid, named);
        assertTrue(err.contains("greeks: not priced: " + SparkExecutorTest.CSV + ":6 (id 'dig-call')"), err);
    }

    @Test
    void theBatchApiThrowsWithTheChunksTradesAfterWritingTheChunksBeforeIt(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,product,type,spot,strike,maturity,rate,dividend,vol"));
        for (int i = 0; i < 40; i++) {
            lines.add("t" + i + ",european,call,100," + (90 + i) + ",1,0.03,0,0.2");
        }
        Path f = dir.resolve("forty.csv");
        Files.write(f, lines);
        List<String> written = new ArrayList<>();
        ExecutorFailedException e = withDrill("t20", () -> {
            SparkExecutor spark = new SparkExecutor(SharedSpark.context(), false, 1);   // chunks of 16
            try (BatchPricer batch = BatchPricer.open(List.of(f), BatchOptions.of(Method.ADJOINT).withPaths(200L))) {
                return assertThrows(ExecutorFailedException.class, () -> batch.run(spark, new BatchSink() {
                    @Override
                    public void priced(TradeResult r) {
                        written.add(r.id());
                    }

                    @Override
                    public void rejected(ScenarioRow.Rejected r) {
                        written.add(r.message());
                    }
                }));
            } catch (dev.adjointgreeks.batch.BatchInputException x) {
                throw new AssertionError(x);
            } finally {
                spark.close();
            }
        });
        List<String> first = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            (i < 16 ? first : failed).add(i < 16 ? "t" + i : f + ":" + (i + 2) + " (id 't" + i + "')");
        }
        assertEquals(first, written, "chunk 0 was written; nothing of chunk 1 or after");
        assertEquals(1, e.chunk());
        assertEquals(failed, e.trades().stream().map(ExecutorFailedException.Unpriced::toString).toList());
        assertTrue(e.reason().startsWith("Job aborted due to stage failure"), e.reason());
        assertTrue(e.reason().contains("failure drill"), e.reason());
        assertFalse(SharedSpark.context().sc().isStopped());
    }
}
