package dev.adjointgreeks.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks an output path before any work is done, so a bad one is exit 2, not a loss of the run's work. */
final class OutputPaths {

    private OutputPaths() {
    }

    /** Throws a usage error naming the option and path when {@code p} cannot be written as a file. */
    static void check(Path p, String option) {
        String shown = p.toString();
        if (shown.isBlank()) {
            throw new UsageException(option + ": the path is empty");
        }
        if (Files.isDirectory(p)) {
            throw new UsageException(option + ": " + shown + " is a directory, not a file");
        }
        if (Files.exists(p) && !Files.isWritable(p)) {
            throw new UsageException(option + ": " + shown + " cannot be written");
        }
        Path dir = p.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();   // AtomicFiles creates missing directories under the first existing one
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException(option + ": cannot write into " + (dir == null ? shown : dir.toString()));
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
