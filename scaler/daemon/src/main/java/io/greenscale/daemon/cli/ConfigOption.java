package io.greenscale.daemon.cli;

import io.greenscale.daemon.config.ConfigLoader;
import io.greenscale.daemon.config.Environment;
import io.greenscale.daemon.config.PolicyFactory;
import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.policy.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option, and loading it with every problem listed. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The scaler's YAML configuration.")
    Path file;

    /** The validated configuration, or null after printing every problem to {@code err}. */
    ScalerConfig load(PrintWriter err) {
        try {
            return new ConfigLoader(PolicyFactory.standard(), Environment.system()).load(file);
        } catch (ConfigException e) {
            err.println(file + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + ":");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return null;
        }
    }
}
