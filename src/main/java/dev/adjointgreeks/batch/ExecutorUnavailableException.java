package dev.adjointgreeks.batch;

/** An executor that is not on the class path or cannot start; the message says how to get it. */
public final class ExecutorUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExecutorUnavailableException(String message) {
        super(message);
    }

    public ExecutorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
