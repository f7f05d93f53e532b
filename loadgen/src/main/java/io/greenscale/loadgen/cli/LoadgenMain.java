package io.greenscale.loadgen.cli;

import io.netty.util.ResourceLeakDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greenscale loadgen}: open-loop load tests from the command line. */
@Command(name = "greenscale loadgen", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Open-loop, coordinated-omission-free load generator for HTTP services and Redis queues.",
        subcommands = {RunCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class LoadgenMain {

    public static void main(String[] args) {
        // Netty samples buffers for leak reports by default, taking a stack trace for each sample:
        // measurable CPU at tens of thousands of requests per second. Tests keep it on.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code: 0 ok, 1 target never reachable, 2 usage error. */
    public static int execute(String... args) {
        return new CommandLine(new LoadgenMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
