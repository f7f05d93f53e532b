package io.greenscale.daemon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The scaler-side commands: {@code policy}, {@code hpa}, {@code scaler}. */
@Command(name = "greenscale",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "GreenScale scaler commands.",
        subcommands = {ScalerCommand.class})
public final class ScalerMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new ScalerMain()).execute(args));
    }
}
