package io.greenscale.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The analysis commands: compare, simulate, report, calibrate, experiment. */
@Command(name = "greenscale", mixinStandardHelpOptions = true,
        description = "GreenScale analysis commands.", subcommands = {CompareCommand.class})
public final class AnalysisMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new AnalysisMain());
    }
}
