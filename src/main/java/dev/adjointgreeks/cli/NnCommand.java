package dev.adjointgreeks.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greeks nn}: train and use neural networks on the AD engine. */
@Command(name = "nn", mixinStandardHelpOptions = true, description = "Neural networks trained by reverse-mode AD.",
        subcommands = {NnTrainCommand.class, NnPredictCommand.class})
final class NnCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: train or predict");
    }
}
