package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import io.greenscale.loadgen.record.RunSummary;
import io.greenscale.loadgen.serve.StallingServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that stalls for 1 s of every 5 s. Open loop at a steady rate, a fifth of the requests
 * arrive during a stall and wait for its end, uniformly up to 1 s: the share slower than x is
 * (1 - x) / 5, so p99 is 0.95 s and p90 is 0.5 s. A closed loop sees only the one request per
 * user caught in each stall, so its p99 stays fast and only its max shows the stall.
 */
class CoordinatedOmissionTest {
    static final Duration STALL = Duration.ofSeconds(1);
    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration RUN = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void openLoopP99ReflectsTheStall() throws Exception {
        try (StallingServer server = StallingServer.stalling(0, STALL, EVERY);
             HttpTarget target = new HttpTarget(URI.create(server.url()), "GET", List.of(), Duration.ofSeconds(5), 64)) {
            // A warm JIT keeps the generator's own start-up out of the tail.
            RunSummary s = Runs.run(new LoadRun.Open(Arrivals.uniform(new ConstantProfile(200, RUN)), RUN, null),
                    target, 64, Duration.ofSeconds(5), new LoadRun.Warmup(Duration.ofSeconds(1), 200), tmp.resolve("open")).summary();

            assertThat(s.requests().completed()).isEqualTo(2000);
            // 0.95 s and 0.5 s in theory; the bounds leave room for a loaded machine, not for a missed stall.
            assertThat(s.latencyMs().p99()).isBetween(800.0, 1600.0);
            assertThat(s.latencyMs().p90()).isBetween(350.0, 1000.0);
            assertThat(s.latencyMs().p50()).isLessThan(100.0);
        }
    }

    @Test
    void closedLoopOfTheSameHidesTheStall() throws Exception {
        try (StallingServer server = StallingServer.stalling(0, STALL, EVERY);
             HttpTarget target = new HttpTarget(URI.create(server.url()), "GET", List.of(), Duration.ofSeconds(5), 64)) {
            RunSummary s = Runs.run(new LoadRun.Closed(2, Duration.ofMillis(10), RUN, null),
                    target, 64, Duration.ofSeconds(5), tmp.resolve("closed")).summary();

            assertThat(s.closedLoop()).isTrue();
            assertThat(s.requests().completed()).as("about 100/s per user outside the stalls").isGreaterThan(800);
            assertThat(s.latencyMs().p99()).as("the stall hides behind the waiting users").isLessThan(100.0);
            assertThat(s.latencyMs().max()).as("only the few requests caught in a stall show it").isGreaterThan(300.0);
        }
    }
}
