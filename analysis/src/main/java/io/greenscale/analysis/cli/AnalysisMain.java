package io.greenscale.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The analysis commands: compare, simulate, report, calibrate, experiment. */
@Command(name = "greenscale", mixinStandardHelpOptions = true,
        description = "GreenScale analysis commands.", subcommands = {ReportCommand.class})
public final class AnalysisMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalysisMain()).execute(args));
    }
}
