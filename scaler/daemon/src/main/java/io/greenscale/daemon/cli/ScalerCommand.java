package io.greenscale.daemon.cli;

import picocli.CommandLine.Command;

/** {@code greenscale scaler ...}: the daemon users deploy, and its configuration check. */
@Command(name = "scaler",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "The scaler daemon: decides replica counts from queue, CPU, GPU and latency signals and writes them to Kubernetes.",
        subcommands = {ScalerRunCommand.class, ScalerValidateCommand.class})
final class ScalerCommand {
}
