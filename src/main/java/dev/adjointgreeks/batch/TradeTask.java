package dev.adjointgreeks.batch;

import java.io.Serializable;

import dev.adjointgreeks.engine.RunSettings;
import dev.adjointgreeks.engine.Trade;
import dev.adjointgreeks.scenario.RecordedFields;
import dev.adjointgreeks.scenario.ScenarioRow;
import dev.adjointgreeks.scenario.TradeFactory;

/**
 * One validated trade on its way to an executor: its place in the input, where it came from, the
 * fields it was built from and the run settings that apply to it (a JSON file's settings folded
 * in). Serializable; {@link #trade()} rebuilds the trade the driver validated, bit for bit.
 *
 * @param index    position among all rows of the run (rejected rows included), from 0
 * @param source   file and first line of the row
 * @param id       the trade id
 * @param fields   the recorded fields the trade is rebuilt from
 * @param settings paths, seed and variance reduction for this trade (its own columns take precedence)
 */
public record TradeTask(long index, ScenarioRow.Source source, String id, RecordedFields fields, RunSettings settings)
        implements Serializable {

    /** Rebuilds the trade. */
    public Trade trade() {
        return TradeFactory.create(fields);
    }
}
