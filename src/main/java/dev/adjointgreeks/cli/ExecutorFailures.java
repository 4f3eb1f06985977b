package dev.adjointgreeks.cli;

import java.io.PrintWriter;

import dev.adjointgreeks.batch.ExecutorFailedException;

/**
 * What a user sees when the executor gave up on a chunk (exit 4): the reason in one line, that the
 * run stopped with no output file, and each of the chunk's trades by file, line and id, none of
 * them priced. No stack trace: the cause lies in the cluster (or in a trade that brings an executor
 * down every time), and the executor's own logs hold the details.
 */
final class ExecutorFailures {

    private ExecutorFailures() {
    }

    static void report(ExecutorFailedException e, PrintWriter err) {
        err.println("greeks: " + e.getMessage());
        err.println("greeks: the run stopped: no output file was written (on stdout, the rows before this chunk "
                + "were printed); the chunk's " + e.trades().size() + " trades, none of them priced:");
        for (ExecutorFailedException.Unpriced t : e.trades()) {
            err.println("greeks: not priced: " + t);
        }
        err.flush();
    }
}
