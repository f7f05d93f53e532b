package io.greenscale.daemon.target.local;

import io.greenscale.daemon.config.LocalSpec;
import io.greenscale.daemon.config.RedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Starts one worker process; the target's tests pass one that starts a stand-in instead of the app. */
interface Spawner {

    Worker spawn(LocalSpec spec, RedisConnection redis, String queue, Instant now) throws IOException;

    /** Where a worker's stdout and stderr go. */
    default Path logFile(LocalSpec spec, String workerId) {
        return spec.logDir().resolve(workerId + ".log");
    }

    /** The app's worker: {@link WorkerCommand}, on a free loopback port, output appended to its log file. */
    static Spawner processes() {
        return new Spawner() {
            private long ordinal;

            @Override
            public Worker spawn(LocalSpec spec, RedisConnection redis, String queue, Instant now) throws IOException {
                String id = spec.name() + "-" + suffix();
                int port = freePort();
                Files.createDirectories(spec.logDir());
                ProcessBuilder pb = new ProcessBuilder(WorkerCommand.of(spec, id, port, redis, queue))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(spec, id).toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().putAll(spec.env());
                Process process = pb.start();
                return new Worker(id, ++ordinal, port, process, now);
            }
        };
    }

    /** Five characters like a pod name's suffix, so a restarted scaler never reuses a worker id (and its processing list). */
    static String suffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
