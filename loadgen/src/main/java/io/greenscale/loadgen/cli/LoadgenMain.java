package io.greenscale.loadgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greenscale loadgen}: open-loop load tests from the command line. */
@Command(name = "greenscale loadgen", mixinStandardHelpOptions = true,
        description = "Open-loop, coordinated-omission-free load generator.", subcommands = {})
public final class LoadgenMain {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadgenMain()).execute(args));
    }
}
