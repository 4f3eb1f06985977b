package dev.adjointgreeks.scenario;

import java.io.Serializable;

import dev.adjointgreeks.engine.Trade;

/** What a scenario reader yields for each trade it meets: the trade, or why it was rejected. */
public sealed interface ScenarioRow permits ScenarioRow.Parsed, ScenarioRow.Rejected {

    /** Where a row came from: the file and the first line of its record. */
    record Source(String file, long line) implements Serializable {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    Source source();

    /**
     * A row that built a trade. {@code fields} are the values the trade was built from; they are
     * serializable and rebuild the same trade wherever it is priced ({@link TradeFactory#create}).
     */
    record Parsed(Source source, Trade trade, RecordedFields fields) implements ScenarioRow {
    }

    /**
     * A row that will not be priced: {@code file:line: column: reason (value 'x')}. The column is
     * an input column, an output column (a result that is not finite), or {@code row} for a problem
     * with the whole row. The value is kept raw; {@link #message()} escapes it onto one line.
     */
    record Rejected(Source source, String id, String column, String reason, String value)
            implements ScenarioRow, Serializable {

        public Rejected {
            if (column == null) {
                column = "row";
            }
        }

        public String message() {
            StringBuilder sb = new StringBuilder().append(source.file()).append(':').append(source.line())
                    .append(": ").append(column).append(": ").append(Text.oneLine(reason));
            if (value != null) {
                sb.append(" (value '").append(Text.oneLine(Text.shorten(value))).append("')");
            }
            return sb.toString();
        }
    }
}
