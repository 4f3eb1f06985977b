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

    void rejected(ScenarioRow.Rejected rejection) throws IOException;

    /** A portfolio total ({@code --totals}), after every row. */
    default void total(TradeResult total) throws IOException {
        priced(total);
    }

    /** Called after each row with the counts so far (for progress reports). */
    default void progress(BatchSummary soFar) {
    }
}
