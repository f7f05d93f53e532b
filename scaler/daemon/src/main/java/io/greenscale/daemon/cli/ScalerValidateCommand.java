package io.greenscale.daemon.cli;

import io.greenscale.daemon.config.ScalerConfig;
import io.greenscale.daemon.config.TargetConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scaler validate --config FILE}: exit 0 with a summary, or 1 with every problem. Contacts no server. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a configuration file without contacting any server: exit 0 if valid, 1 listing every problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid (a summary of the targets is printed)", "1:invalid (every problem is listed: key, value, allowed range)",
                "2:usage error"})
final class ScalerValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ScalerConfig loaded = config.load(spec.commandLine().getErr());
        if (loaded == null) {
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.println(config.file + ": valid; tick " + io.greenscale.policy.config.Durations.format(loaded.tick()) + ", "
                + loaded.targets().size() + " target" + (loaded.targets().size() == 1 ? "" : "s") + ":");
        for (TargetConfig t : loaded.targets()) {
            out.println("  " + t.id() + "  mode=" + t.mode().label() + "  policy=" + t.policy().name()
                    + "  reads=" + t.policy().inputs().stream().map(s -> s.key()).sorted().toList());
        }
        out.flush();
        return 0;
    }
}
