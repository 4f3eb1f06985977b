package dev.adjointgreeks.scenario;

import dev.adjointgreeks.engine.Trade;

/** What a scenario reader yields for each trade it meets: the trade, or why it was rejected. */
public sealed interface ScenarioRow permits ScenarioRow.Parsed, ScenarioRow.Rejected {

    /** Where a row came from. */
    record Source(String file, long line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    Source source();

    record Parsed(Source source, Trade trade) implements ScenarioRow {
    }

    /** A row that will not be priced: {@code file:line: column: reason (value 'x')}. */
    record Rejected(Source source, String id, String column, String reason, String value) implements ScenarioRow {
        public String message() {
            StringBuilder sb = new StringBuilder().append(source).append(": ");
            if (column != null) {
                sb.append(column).append(": ");
            }
            sb.append(reason);
            if (value != null) {
                sb.append(" (value '").append(value).append("')");
            }
            return sb.toString();
        }
    }
}
