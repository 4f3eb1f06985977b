package dev.adjointgreeks.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import dev.adjointgreeks.io.OutputProbe;

/** Checks an output path before any work is done, so a bad one is exit 2, not a loss of the run's work. */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Throws a usage error naming the option and the path as given when {@code p} cannot be
     * written as a file: proven by creating and removing a file in its directory ({@link OutputProbe}).
     */
    static void check(Path p, String option) {
        if (p.toString().isBlank()) {
            throw new UsageException(option + ": the path is empty");
        }
        try {
            OutputProbe.prove(p);
        } catch (OutputProbe.Unwritable e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    /** Parses a path option's text: empty or invalid text is a usage error. */
    static Path parse(String text, String option) {
        if (text == null || text.isBlank()) {
            throw new UsageException(option + ": the path is empty");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path (value '" + text + "')");
        }
    }
}
