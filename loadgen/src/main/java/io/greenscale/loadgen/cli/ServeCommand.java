package io.greenscale.loadgen.cli;

import io.greenscale.loadgen.serve.StallingServer;
import io.greenscale.policy.config.Durations;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loadgen serve}: a trivial local HTTP server, optionally stalling, to check the generator against. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve 200 {\"ok\":true} on 127.0.0.1 for checking the generator (and wrk) against.",
                "With --stall 1s --every 5s every request waits out a 1-second pause every 5 seconds, which shows "
                        + "the difference between open-loop and closed-loop latency."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--stall", defaultValue = "0s", converter = DurationConverter.class,
            description = "Pause length, e.g. 1s (default: no pause).")
    Duration stall;

    @Option(names = "--every", defaultValue = "5s", converter = DurationConverter.class,
            description = "Pause period (default ${DEFAULT-VALUE}).")
    Duration every;

    @Override
    public Integer call() throws InterruptedException {
        StallingServer server = stall.isZero() ? StallingServer.start(port) : StallingServer.stalling(port, stall, every);
        System.err.println("serving " + server.url() + (stall.isZero() ? "" : " (stalling " + Durations.format(stall)
                + " of every " + Durations.format(every) + ")") + "; Ctrl-C stops");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
