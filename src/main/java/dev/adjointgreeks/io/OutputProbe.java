package dev.adjointgreeks.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves, before any work, that a file can be written where {@link AtomicFiles} will write it: a
 * file is created and removed in the target's directory (the directories {@code AtomicFiles}
 * would create are created for the proof and removed again). Permission bits are not enough: a
 * directory can look writable and still refuse a new file ({@code /proc}, a read-only mount seen by
 * root, a full disk), and {@code root} sees every directory as writable.
 *
 * <p>Every output option of the command line goes through {@link #prove} (in {@code
 * cli.OutputPaths}), so a new option gets the check by calling it.
 */
public final class OutputProbe {

    private OutputProbe() {
    }

    /** Why an output path cannot be written; the message names the path as given. */
    public static final class Unwritable extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;
        private final String reason;

        Unwritable(Path path, String reason) {
            super(path + " " + reason);
            this.path = path;
            this.reason = reason;
        }

        /** The path as the user gave it. */
        public Path path() {
            return path;
        }

        /** What is wrong, in words that follow the path ("is a directory, not a file"). */
        public String reason() {
            return reason;
        }
    }

    /**
     * Returns normally when {@code target} can be written as a file; throws naming {@code target}
     * as given, and the directory at fault when it is not the target's own name.
     */
    public static void prove(Path target) throws Unwritable {
        if (Files.isDirectory(target)) {
            throw new Unwritable(target, "is a directory, not a file");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new Unwritable(target, "cannot be written (the file is read-only)");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new Unwritable(target, "cannot be written (no directory)");
        }
        List<Path> missing = new ArrayList<>();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            missing.add(existing);
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new Unwritable(target, "cannot be written (no directory of it exists)");
        }
        if (!Files.isDirectory(existing)) {
            throw new Unwritable(target, "cannot be written: " + existing + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, "." + target.getFileName() + ".", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new Unwritable(target, "cannot be written: no file can be created in "
                    + (missing.isEmpty() ? dir : existing) + " (" + why(e) + ")");
        } finally {
            for (Path m : missing) {   // deepest first: AtomicFiles creates them again when it writes
                try {
                    Files.deleteIfExists(m);
                } catch (IOException e) {
                    // a directory someone else filled meanwhile stays
                }
            }
        }
    }

    /** The operating system's reason in words, not a Java class name. */
    static String why(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the directory accepts no new file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof SecurityException) {
            return "not allowed";
        }
        return e.getMessage() == null ? "refused" : e.getMessage();
    }
}
