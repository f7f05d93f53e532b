package io.greenscale.daemon.target.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A stand-in for the inference app's worker, as its own JVM: it takes the worker options the
 * target passes, answers {@code /readyz} with 503 until {@code --model-load-delay} has passed and
 * 200 after, and on SIGTERM exits 143 after {@code STANDIN_DRAIN_MS}. {@code STANDIN_HANG_ON_TERM=1}
 * makes it ignore SIGTERM (only SIGKILL stops it); {@code STANDIN_CRASH_AFTER_MS} makes it exit 3
 * on its own. JDK only, so it starts in well under a second.
 */
public final class StandInWorker {
    private StandInWorker() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        long loadDelayMs = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--model-load-delay" -> loadDelayMs = Long.parseLong(args[i + 1].replace("ms", ""));
                default -> { }
            }
        }
        long readyAt = System.nanoTime() + Duration.ofMillis(loadDelayMs).toNanos();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        http.createContext("/readyz", exchange -> {
            int status = System.nanoTime() >= readyAt ? 200 : 503;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
        long drainMs = Long.parseLong(System.getenv().getOrDefault("STANDIN_DRAIN_MS", "0"));
        boolean hang = "1".equals(System.getenv("STANDIN_HANG_ON_TERM"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(hang ? Long.MAX_VALUE : drainMs); // a stand-in draining its jobs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String crash = System.getenv("STANDIN_CRASH_AFTER_MS");
        if (crash != null) {
            Thread.sleep(Long.parseLong(crash));
            Runtime.getRuntime().halt(3);
        }
        Thread.currentThread().join();
    }
}
