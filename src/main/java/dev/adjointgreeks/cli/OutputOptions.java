package dev.adjointgreeks.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine.Option;

/**
 * Where and how {@code greeks price} and {@code greeks surrogate price} write their rows: a picocli
 * mixin, so that both commands spell, check and document the options the same way.
 */
final class OutputOptions {

    @Option(names = "--out", paramLabel = "F", description = "Write here (atomically) instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "csv|jsonl", defaultValue = "csv",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    /** True for jsonl, false for csv; any other format is a usage error. */
    boolean jsonl() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "jsonl" -> true;
            default -> throw new UsageException("--format must be csv or jsonl, not '" + format + "'");
        };
    }

    /** Refuses a bad {@code --out} before any work: a directory or an unwritable place is exit 2. */
    void checkOut() {
        if (out != null) {
            OutputPaths.check(out, "--out");
        }
    }

    /** Standard output that a writer may close without closing System.out (closing it flushes). */
    static OutputStream stdout() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                System.out.write(b, off, len);
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {
                System.out.flush();
            }
        };
    }
}
