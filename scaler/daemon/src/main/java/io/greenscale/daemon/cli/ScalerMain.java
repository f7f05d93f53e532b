package io.greenscale.daemon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The scaler-side commands: {@code policy}, {@code hpa}, {@code scaler}. */
@Command(name = "greenscale",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "GreenScale scaler commands.",
        subcommands = {PolicyCommand.class})
public final class ScalerMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new ScalerMain());
    }
}
