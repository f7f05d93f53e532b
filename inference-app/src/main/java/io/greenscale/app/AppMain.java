package io.greenscale.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greenscale app}: the inference app (also the container entrypoint). */
@Command(name = "greenscale app", mixinStandardHelpOptions = true, description = "The GreenScale inference app.")
public final class AppMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "the inference app is not built yet");
    }
}
