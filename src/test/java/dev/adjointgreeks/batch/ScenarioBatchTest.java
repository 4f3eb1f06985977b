package dev.adjointgreeks.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.adjointgreeks.engine.Method;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ResultWriter;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.scenario.shock.ShockPlan;
import dev.adjointgreeks.scenario.shock.ShockSet;

/** Market scenarios through the batch API: the unit of work is a trade with all its scenarios. */
class ScenarioBatchTest {

    @TempDir
    Path dir;

    static final String SHOCKS = """
            scenario,underlying,factor,shift,type
            down,*,spot,-0.1,relative
            crash,*,spot,-0.3,relative
            crash,*,vol,-0.22,absolute
            crash,*,heston_v0,0.02,absolute
            rates,*,rate,0.005,absolute
            """;

    /** Every row written as CSV without its time, and every rejection's message, in order. */
    static List<String> lines(BatchPricer batch, TradeExecutor ex) throws Exception {
        List<String> out = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (batch; ex; ResultWriter w = ResultWriter.csv(bytes, batch.valueColumns(), true)) {
            batch.run(ex, new BatchSink() {
                @Override
                public void priced(TradeResult r) throws java.io.IOException {
                    w.write(r.inScenario(r.scenario()));
                    out.add("row");
                }

                @Override
                public void rejected(ScenarioRow.Rejected r) {
                    out.add(r.message());
                }
            });
        }
        List<String> rows = new ArrayList<>();
        for (String line : bytes.toString().split("\n")) {
            rows.add(line.substring(0, line.lastIndexOf(',')));   // time_ms differs run to run
        }
        List<String> merged = new ArrayList<>();
        int r = 1;
        for (String o : out) {
            merged.add(o.equals("row") ? rows.get(r++) : o);
        }
        merged.add(0, rows.get(0));
        return merged;
    }

    @Test
    void rowsAreTheSameOnEveryExecutorAndRejectionsNameTheScenario() throws Exception {
        Path f = dir.resolve("mixed.csv");
        Files.write(f, List.of(BatchPricerTest.HEADER,
                "eu,european,call,bs,100,100,1,0.05,0.01,0.2,,,,,,,,,,,",
                "neg,european,call,bs,100,100,1,0.05,0,-0.2,,,,,,,,,,,",
                "dig,digital,call,bs,100,105,1,0.03,0,0.2,,,,,,10,,,,,",
                "eu,european,put,bs,100,100,1,0.05,0,0.2,,,,,,,,,,,",
                "geo,asian,put,bs,100,100,1,0.05,0.01,0.2,,,,12,geometric,,,,,,",
                "bar,barrier,call,bs,100,100,1,0.05,0,0.25,85,down-out,,,,,,,,,",
                "hes,european,call,heston,100,100,1,0.03,0,,,,,,,,0.04,1.5,0.04,0.3,-0.7"));
        Path j = dir.resolve("multi.json");
        Files.writeString(j, BatchPricerTest.MULTI);
        ShockPlan plan = new ShockPlan(ShockSet.parse("s.csv", new StringReader(SHOCKS)), true, false);
        BatchOptions o = BatchOptions.of(Method.ADJOINT).withPaths(300L).withShocks(plan);
        List<String> local = lines(BatchPricer.open(List.of(f, j), o), new LocalExecutor(3));
        BatchPricerTest.ChunkedExecutor chunked = new BatchPricerTest.ChunkedExecutor();
        List<String> cluster = lines(BatchPricer.open(List.of(f, j), o), chunked);
        assertEquals(local, cluster);
        assertTrue(chunked.seen.size() >= 3);
        assertTrue(local.get(0).startsWith("scenario,id,product,model,method,paths,seed,price,price_stderr,pnl,pnl_stderr,"
                + "pnl_explained,pnl_unexplained,pnl_explained_cross,delta,"), local.get(0));
        // the crash takes a vol of 0.2 below 0; the barrier's 0.25 stays at 0.03; Heston has no vol
        String crash = f + ":2: vol: scenario 'crash' (s.csv:4) makes vol -0.02 (value '0.2')";
        assertTrue(local.contains(crash), String.join("\n", local));
        assertTrue(local.stream().anyMatch(l -> l.startsWith("crash,bar,")), "the barrier survives the crash");
        assertTrue(local.stream().anyMatch(l -> l.startsWith("crash,hes,")));
        // one rejection for a row rejected on input, whatever the number of scenarios
        assertEquals(1, local.stream().filter(l -> l.startsWith(f + ":3:")).count());
        long rows = local.stream().filter(l -> l.startsWith("base,")).count();
        assertEquals(rows, local.stream().filter(l -> l.startsWith("down,")).count(), "every trade in every scenario");
    }
}
