package dev.adjointgreeks.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.adjointgreeks.surrogate.Surrogate;
import dev.adjointgreeks.surrogate.SurrogateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greeks surrogate}: pricing networks trained on simulated payoffs and their pathwise differentials. */
@Command(name = "surrogate", mixinStandardHelpOptions = true,
        description = "Surrogate pricing networks trained on simulated payoffs and their adjoint (pathwise) "
                + "differentials (differential machine learning, Huge and Savine 2020).",
        subcommands = {SurrogateTrainCommand.class, SurrogatePriceCommand.class, SurrogateReportCommand.class})
final class SurrogateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: train, price or report");
    }

    static Surrogate load(Path model) {
        try {
            return SurrogateFiles.load(model);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** CPU time of the whole process (all threads), or -1 where the platform does not say. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
