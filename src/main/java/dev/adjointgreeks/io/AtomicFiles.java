package dev.adjointgreeks.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file through a temporary sibling that is renamed over the target only when the
 * writer finished: an interrupted or failed run never leaves a half-written file. Temporary
 * files still open when the JVM exits (normal exit, an error, SIGTERM or SIGINT) are removed by
 * a shutdown hook; only SIGKILL can leave one behind.
 */
public final class AtomicFiles {

    /** Temporary files not yet renamed into place or deleted. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    /** Set by the shutdown hook: no temporary file is created after it ran. Guarded by {@code OPEN}. */
    private static boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // under the same lock as createTemp: a file is either created and registered before the
            // hook, and removed by it, or refused after it; a SIGTERM between the two cannot leave one
            synchronized (OPEN) {
                closing = true;
                for (Path p : OPEN) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // the JVM is going down: nothing better to do
                    }
                }
            }
        }, "remove-temporary-files"));
    }

    private static Path createTemp(Path dir, Path target) throws IOException {
        synchronized (OPEN) {
            if (closing) {
                throw new IOException("the program is shutting down: " + target + " was not written");
            }
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            OPEN.add(tmp);
            return tmp;
        }
    }

    private static void forget(Path tmp) {
        OPEN.remove(tmp);
    }

    /** Temporary files currently open (for tests). */
    static Set<Path> openTemporaryFiles() {
        return Set.copyOf(OPEN);
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = createTemp(dir, target);
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
            forget(tmp);
        }
    }

    /** Opens a temporary sibling for streaming output; {@link Pending#commit()} renames it into place. */
    public static Pending open(Path target) throws IOException {
        return new Pending(target);
    }

    /** A file being written; closed without commit, it disappears. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private boolean committed;

        Pending(Path target) throws IOException {
            this.target = target;
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            this.tmp = createTemp(dir, target);
            this.out = new BufferedOutputStream(Files.newOutputStream(tmp));
        }

        public OutputStream stream() {
            return out;
        }

        public void commit() throws IOException {
            out.close();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            forget(tmp);
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(tmp);
                    forget(tmp);
                }
            }
        }
    }
}
