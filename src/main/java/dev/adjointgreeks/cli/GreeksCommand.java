package dev.adjointgreeks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code greeks} command line. Exit codes: 0 success, 1 internal error, 2 usage error or
 * unreadable input, 3 a batch finished with rejected rows, 4 the executor gave up on a chunk.
 */
@Command(name = "greeks", mixinStandardHelpOptions = true, versionProvider = GreeksCommand.Version.class,
        description = "Option Greeks by adjoint (reverse-mode) automatic differentiation.",
        subcommands = {PriceCommand.class, BenchCommand.class, BenchReportCommand.class, NnCommand.class, SurrogateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class GreeksCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_REJECTED = 3;
    /** The executor gave up on a chunk after its retries (Spark: spark.task.maxFailures); no output file. */
    public static final int EXIT_EXECUTOR_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Builds the command line with the project's exit-code conventions. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GreeksCommand());
        cl.setExecutionStrategy(GreeksCommand::refuseUnmatched);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_INTERNAL);
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UsageException) {
                cmd.getErr().println("greeks: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (e instanceof dev.adjointgreeks.batch.ExecutorFailedException f) {
                ExecutorFailures.report(f, cmd.getErr());
                return EXIT_EXECUTOR_FAILED;
            }
            cmd.getErr().println("greeks: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /**
     * picocli lets {@code --help} win over words it did not recognise ({@code greeks surrogat --help}
     * printed the top-level help and exited 0); an unknown command is a usage error whatever follows it.
     */
    private static int refuseUnmatched(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Version from the jar manifest, or the development marker. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GreeksCommand.class.getPackage().getImplementationVersion();
            return new String[] {"greeks " + (v == null ? "0.1.0-dev" : v)};
        }
    }
}
