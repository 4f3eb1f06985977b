package dev.adjointgreeks.batch;

import java.io.IOException;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * Receives a batch's rows in input order: each row exactly once, priced (finite numbers, or an
 * empty value where {@link BatchRule} documents one) or rejected; then the totals rows.
 */
public interface BatchSink {

    void priced(TradeResult result) throws IOException;

    /**
     * A trade's own row (not a scenario row) with the task it was priced from, for writers that need
     * the trade's inputs or market (the long layout, CRIF). By default the same as {@link #priced(TradeResult)}.
     */
    default void priced(TradeResult result, TradeTask task) throws IOException {
        priced(result);
    }

    void rejected(ScenarioRow.Rejected rejection) throws IOException;

    /** A portfolio total ({@code --totals}), after every row. */
    default void total(TradeResult total) throws IOException {
        priced(total);
    }

    /** A problem that changes no row (a shocks file's underlying that matches no trade). */
    default void warning(String message) throws IOException {
    }

    /** Called after each row with the counts so far (for progress reports). */
    default void progress(BatchSummary soFar) {
    }
}
