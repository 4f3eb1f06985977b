package dev.adjointgreeks.batch;

import java.util.ArrayList;
import java.util.List;

import dev.adjointgreeks.scenario.ScenarioRow;

/**
 * An executor gave up on a whole chunk: its future failed rather than returning one outcome per
 * trade. On Spark this is a job aborted after a task failed {@code spark.task.maxFailures} times
 * (4 by default on a cluster, 1 in {@code local[N]}); a lost executor alone does not cause it, since
 * Spark re-runs the lost tasks elsewhere. A failure inside pricing is not one of these: it is the
 * trade's rejection ({@link TaskPricer}).
 *
 * <p>The run stops here ({@link BatchPricer#run} throws this): the cause lies in the executor, not
 * in a row, so every later chunk would likely fail alike, and a result file missing a chunk must not
 * look finished. The command line exits with its own code (4) and writes no output file. The
 * exception names the chunk's trades, none of which was priced, so that the rows the executor could
 * not get through can be found in the input.
 */
public final class ExecutorFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** At most this many characters of the executor's reason (Spark appends stack traces). */
    static final int REASON_CHARS = 600;

    /** A trade of the failed chunk: where it is in the input and its id. */
    public record Unpriced(ScenarioRow.Source source, String id) {
        @Override
        public String toString() {
            return source + " (id '" + id + "')";
        }
    }

    private final long chunk;
    private final List<Unpriced> trades;
    private final String reason;

    public ExecutorFailedException(long chunk, List<Unpriced> trades, String reason, Throwable cause) {
        super("the executor failed on chunk " + chunk + " (" + trades.size() + " trades) after its retries: " + reason,
                cause);
        this.chunk = chunk;
        this.trades = List.copyOf(trades);
        this.reason = reason;
    }

    /** The failure of a chunk's future: its trades, and the first line of the executor's reason. */
    static ExecutorFailedException of(long chunk, List<TradeTask> tasks, Throwable cause) {
        List<Unpriced> trades = new ArrayList<>(tasks.size());
        for (TradeTask t : tasks) {
            trades.add(new Unpriced(t.source(), t.id()));
        }
        return new ExecutorFailedException(chunk, trades, reason(cause), cause);
    }

    /** The first line of the cause's message (or its class), without the stack trace Spark appends. */
    static String reason(Throwable cause) {
        String m = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.toString() : cause.getMessage();
        m = m.strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl).strip();
        }
        return m.length() <= REASON_CHARS ? m : m.substring(0, REASON_CHARS) + "...";
    }

    /** The chunk's number, from 0 in input order. */
    public long chunk() {
        return chunk;
    }

    /** The chunk's trades in input order; none of them was priced. */
    public List<Unpriced> trades() {
        return trades;
    }

    /** The executor's reason, one line. */
    public String reason() {
        return reason;
    }
}
