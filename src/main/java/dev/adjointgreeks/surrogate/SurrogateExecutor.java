package dev.adjointgreeks.surrogate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.adjointgreeks.batch.Chunk;
import dev.adjointgreeks.batch.TaskOutcome;
import dev.adjointgreeks.batch.TradeExecutor;
import dev.adjointgreeks.batch.TradeTask;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * A {@link TradeExecutor} that prices with a surrogate instead of Monte Carlo, so that
 * {@code greeks surrogate price} reads, checks, orders and rejects rows through the same batch
 * pipeline as {@code greeks price}. A trade that is not the trained one, or lies outside the
 * trained domain (unless extrapolation is allowed, then with a warning), becomes a rejection
 * naming the field. Chunks are priced at once on the caller's thread: a network evaluation takes
 * microseconds.
 */
public final class SurrogateExecutor implements TradeExecutor {

    private final SurrogatePricer pricer;
    private final long seed;
    private final boolean allowExtrapolation;
    private final Consumer<String> warnings;

    public SurrogateExecutor(Surrogate s, boolean allowExtrapolation, Consumer<String> warnings) {
        this.pricer = new SurrogatePricer(s);
        this.seed = s.training().seed();
        this.allowExtrapolation = allowExtrapolation;
        this.warnings = warnings;
    }

    public List<String> greekNames() {
        return pricer.greekNames();
    }

    @Override
    public Future<List<TaskOutcome>> submit(Chunk chunk) {
        List<TaskOutcome> out = new ArrayList<>(chunk.size());
        for (TradeTask task : chunk.tasks()) {
            out.add(price(task));
        }
        return CompletableFuture.completedFuture(out);
    }

    private TaskOutcome price(TradeTask task) {
        Trade trade;
        try {
            trade = task.trade();
        } catch (RuntimeException e) {
            return failed(task, null, e.getMessage(), null);
        }
        SurrogatePricer.Mismatch m = pricer.mismatch(trade);
        if (m != null) {
            return failed(task, m.column(), m.reason(), m.value());
        }
        long t0 = System.nanoTime();
        SurrogatePricer.Priced p = pricer.price(trade);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!p.outside().isEmpty()) {
            String what = String.join("; ", p.outside());
            if (!allowExtrapolation) {
                return failed(task, what.substring(0, what.indexOf(' ')),
                        "outside the trained domain: " + what + " (--allow-extrapolation prices it anyway)", null);
            }
            warnings.accept(task.source() + ": warning: extrapolating: " + what);
        }
        // the _stderr columns are left out: written as empty cells (absent JSON keys)
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("price", p.price());
        values.putAll(p.greeks());
        return new TaskOutcome.Priced(task.index(), new TradeResult(trade.id(), trade.product().kind(),
                trade.modelName(), "surrogate", 0, seed, values, ms, trade.quantity(), trade.underlying()));
    }

    private static TaskOutcome failed(TradeTask task, String column, String reason, String value) {
        return new TaskOutcome.Failed(task.index(), new ScenarioRow.Rejected(task.source(), task.id(), column, reason, value));
    }

    @Override
    public int chunkSize() {
        return 256;
    }

    @Override
    public int chunksInFlight() {
        return 2;
    }

    @Override
    public void close() {
    }
}
