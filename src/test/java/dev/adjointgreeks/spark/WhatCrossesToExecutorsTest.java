package dev.adjointgreeks.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;

import dev.adjointgreeks.batch.Chunk;
import dev.adjointgreeks.batch.TaskOutcome;
import dev.adjointgreeks.batch.TaskPricer;
import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.CsvScenarioReader;
import dev.adjointgreeks.scenario.JsonScenarioReader;
import dev.adjointgreeks.scenario.ScenarioRow;
import scala.reflect.ClassTag$;

/**
 * What crosses to executors and back (chunks of validated trades, then outcomes) survives Java
 * serialization, plain and through Spark's own serializer, for every product under every model it
 * takes: the rebuilt trade prices to the same numbers, bit for bit.
 */
class WhatCrossesToExecutorsTest {

    static final Set<String> PRODUCTS = Set.of("european", "digital", "asian", "barrier", "basket", "exchange");
    static final Set<String> MODELS = Set.of("bs", "heston", "bs-multi");

    /** Every valid row of the mixed test files and of the shipped scenarios, as tasks. */
    static List<TradeTask> tasks() throws IOException {
        List<ScenarioRow> rows = new ArrayList<>();
        for (String csv : List.of(SparkExecutorTest.CSV, "scenarios/demo.csv", "scenarios/heston.csv")) {
            try (CsvScenarioReader r = new CsvScenarioReader(Path.of(csv), false)) {
                r.forEachRemaining(rows::add);
            }
        }
        for (String json : List.of(SparkExecutorTest.JSON, "scenarios/multi-asset.json")) {
            rows.addAll(JsonScenarioReader.read(Path.of(json), false).rows());
        }
        RunSettings settings = RunSettings.defaults(64, 11).withThreads(1);   // few paths: the numbers only need to repeat
        List<TradeTask> tasks = new ArrayList<>();
        for (ScenarioRow row : rows) {
            if (row instanceof ScenarioRow.Parsed p) {
                tasks.add(new TradeTask(tasks.size(), p.source(), p.trade().id(), p.fields(), settings));
            }
        }
        return tasks;
    }

    @SuppressWarnings("unchecked")
    static <T> T javaRoundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    static <T> T sparkRoundTrip(T value) {
        SerializerInstance s = new JavaSerializer(new SparkConf(false)).newInstance();
        ByteBuffer b = s.serialize(value, ClassTag$.MODULE$.apply(Object.class));
        return s.deserialize(b, ClassTag$.MODULE$.apply(Object.class));
    }

    /** An outcome as text: the numbers and where they came from, not the wall-clock time. */
    static String numbers(TaskOutcome o) {
        if (o instanceof TaskOutcome.Priced p) {
            TradeResult r = p.result();
            return o.index() + " " + r.id() + " " + r.product() + " " + r.model() + " " + r.seed() + " " + r.paths()
                    + " " + r.quantity() + " " + r.underlying() + " " + r.values();
        }
        return o.index() + " " + ((TaskOutcome.Failed) o).rejection();
    }

    @Test
    void everyProductUnderEveryModelPricesTheSameAfterARoundTrip() throws Exception {
        List<TradeTask> tasks = tasks();
        Set<String> products = new TreeSet<>();
        Set<String> models = new TreeSet<>();
        Set<String> pairs = new TreeSet<>();
        for (TradeTask t : tasks) {
            TaskOutcome direct = TaskPricer.price(t, Method.ADJOINT);
            TradeTask viaJava = javaRoundTrip(t);
            TradeTask viaSpark = sparkRoundTrip(t);
            assertEquals(t.trade().toString().replaceAll("\\[D@\\w+", "[D"),
                    viaJava.trade().toString().replaceAll("\\[D@\\w+", "[D"), t.id());
            assertEquals(numbers(direct), numbers(TaskPricer.price(viaJava, Method.ADJOINT)), t.id());
            assertEquals(numbers(direct), numbers(TaskPricer.price(viaSpark, Method.ADJOINT)), t.id());
            assertEquals(numbers(direct), numbers(javaRoundTrip(direct)), t.id());
            TaskOutcome.Priced p = assertInstanceOf(TaskOutcome.Priced.class, direct, t.id());
            products.add(p.result().product());
            models.add(p.result().model());
            pairs.add(p.result().product() + "/" + p.result().model());
        }
        assertEquals(PRODUCTS, products);
        assertEquals(MODELS, models);
        assertEquals(Set.of("european/bs", "european/heston", "digital/bs", "digital/heston", "asian/bs",
                "barrier/bs", "basket/bs-multi", "exchange/bs-multi"), pairs);
    }

    @Test
    void aChunkAndItsOutcomesRoundTripWhole() throws Exception {
        List<TradeTask> tasks = tasks().subList(0, 12);
        Chunk chunk = new Chunk(7, Method.ADJOINT, tasks);
        Chunk back = sparkRoundTrip(javaRoundTrip(chunk));
        assertEquals(7, back.number());
        assertEquals(Method.ADJOINT, back.method());
        assertEquals(tasks.size(), back.size());
        List<String> direct = new ArrayList<>();
        for (TaskOutcome o : TaskPricer.price(chunk)) {
            direct.add(numbers(o));
        }
        // exactly what an executor runs: the function shipped to it, itself serialized
        SparkExecutor.PriceTasks fn = javaRoundTrip(new SparkExecutor.PriceTasks(Method.ADJOINT));
        List<String> shipped = new ArrayList<>();
        for (Iterator<TaskOutcome> it = fn.call(back.tasks().iterator()); it.hasNext(); ) {
            shipped.add(numbers(sparkRoundTrip(it.next())));
        }
        assertEquals(direct, shipped);
    }

    @Test
    void aRejectionMadeOnAnExecutorRoundTrips() throws Exception {
        TradeTask asian = tasks().stream().filter(t -> t.id().equals("asian")).findFirst().orElseThrow();
        TaskOutcome failed = TaskPricer.price(asian, Method.ANALYTIC);   // no closed form for an arithmetic Asian
        TaskOutcome.Failed back = assertInstanceOf(TaskOutcome.Failed.class, sparkRoundTrip(javaRoundTrip(failed)));
        assertEquals(((TaskOutcome.Failed) failed).rejection(), back.rejection());
        assertEquals("method", back.rejection().column());
    }
}
