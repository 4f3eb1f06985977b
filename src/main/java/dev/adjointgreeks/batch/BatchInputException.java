package dev.adjointgreeks.batch;

/**
 * Input the batch cannot start on (exit code 2): an unreadable, empty or malformed file, an
 * unknown column or setting, an output path that cannot be written. Raised before anything is
 * priced; the message names the file and, where there is one, the line and column.
 */
public final class BatchInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public BatchInputException(String message) {
        super(message);
    }

    public BatchInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
