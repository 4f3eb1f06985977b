package dev.adjointgreeks.batch;

import java.io.Serializable;

import dev.adjointgreeks.engine.TradeResult;
import dev.adjointgreeks.scenario.ScenarioRow;

/** What became of one {@link TradeTask}: its numbers, or the reason it failed. Serializable. */
public sealed interface TaskOutcome extends Serializable permits TaskOutcome.Priced, TaskOutcome.Failed {

    /** The task's {@link TradeTask#index()}. */
    long index();

    record Priced(long index, TradeResult result) implements TaskOutcome {
    }

    record Failed(long index, ScenarioRow.Rejected rejection) implements TaskOutcome {
    }
}
