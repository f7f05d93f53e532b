package io.greenscale.analysis.cli;

import io.greenscale.policy.config.ConfigException;
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
        CommandLine cli = new CommandLine(new AnalysisMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException c) {
                commandLine.getErr().println(commandLine.getCommandName() + ": invalid input:");
                c.problems().forEach(problem -> commandLine.getErr().println("  " + problem));
                return 1;
            }
            throw e;
        });
        return cli;
    }
}
