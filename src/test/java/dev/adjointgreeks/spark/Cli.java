package dev.adjointgreeks.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import dev.adjointgreeks.cli.GreeksCommand;
import picocli.CommandLine;

/** Runs {@code greeks} in-process and captures what it prints. */
final class Cli {

    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code;
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cl = GreeksCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
        }
        return new Run(code, bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    /**
     * CSV or JSON-lines output without the wall-clock {@code time_ms} values, the one thing that
     * differs from run to run (whatever the executor).
     */
    static String withoutTimes(String output) {
        StringBuilder sb = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            sb.append(line.startsWith("{") ? line.replaceAll("\"time_ms\":[^,}]*", "\"time_ms\":")
                    : line.replaceAll(",[^,]*$", ",")).append('\n');
        }
        return sb.toString();
    }
}
