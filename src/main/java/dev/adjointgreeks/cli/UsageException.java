package dev.adjointgreeks.cli;

/** Bad input the user can fix (a missing file, a malformed file, a bad option value): exit 2, no stack trace. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
