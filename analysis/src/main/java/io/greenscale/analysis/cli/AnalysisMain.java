package io.greenscale.analysis.cli;

import io.greenscale.policy.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The analysis commands: compare, simulate, report, calibrate, experiment. */
@Command(name = "greenscale", mixinStandardHelpOptions = true,
        description = "GreenScale analysis commands.", subcommands = {CompareCommand.class, SimulateCommand.class, ReportCommand.class,
                ExperimentCommand.class, CalibrateCommand.class})
public final class AnalysisMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AnalysisMain());
        // Durations as people write them (30s, 5m, 250ms), as in every configuration file.
        cli.registerConverter(java.time.Duration.class, text -> {
            java.time.Duration d = io.greenscale.policy.config.Durations.parse(text);
            if (d == null || d.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration such as 30s, 5m, 1h30m or 250ms");
            }
            return d;
        });
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
