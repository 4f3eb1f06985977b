package dev.adjointgreeks.batch;

import java.io.Serializable;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/** What became of one {@link TradeTask}: its numbers, or the reason it failed. Serializable. */
public sealed interface TaskOutcome extends Serializable permits TaskOutcome.Priced, TaskOutcome.Failed {

    /** The task's {@link TradeTask#index()}. */
    long index();

    /**
     * A priced trade. In a scenario run ({@code --shocks}) {@code result} is its base row and
     * {@code scenarios} holds one outcome per scenario, in the shocks file's order: a row, or a
     * rejection of that (scenario, trade) pair; otherwise {@code scenarios} is empty.
     */
    record Priced(long index, TradeResult result, java.util.List<TaskOutcome> scenarios) implements TaskOutcome {
        public Priced {
            scenarios = java.util.List.copyOf(scenarios);
        }

        public Priced(long index, TradeResult result) {
            this(index, result, java.util.List.of());
        }
    }

    record Failed(long index, ScenarioRow.Rejected rejection) implements TaskOutcome {
    }
}
