package io.greenscale.daemon.target.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.daemon.config.LocalSpec;
import io.greenscale.daemon.config.RedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    @Test
    void makes_the_app_a_queue_worker_of_this_target_with_the_configured_emulation() {
        LocalSpec spec = new LocalSpec("infer", List.of("/opt/gs/greenscale", "app"), List.of("--engine", "java"), Map.of(), 1, 4,
                Duration.ofSeconds(30), Duration.ofMillis(1500), 2.5, 2, 250, Duration.ofSeconds(20), Duration.ofSeconds(15),
                null, null, Path.of("/tmp/logs"));
        RedisConnection redis = new RedisConnection("127.0.0.1", 6390, 2, null, null, false, null, Duration.ofSeconds(1), 4);

        assertThat(WorkerCommand.of(spec, "infer-b7x2k", 41234, redis, "jobs-7")).containsExactly(
                "/opt/gs/greenscale", "app", "--mode", "worker", "--port", "41234", "--worker-id", "infer-b7x2k",
                "--redis", "redis://127.0.0.1:6390/2", "--queue", "jobs-7", "--concurrency", "2",
                "--model-load-delay", "30000ms", "--service-time-min", "1500ms", "--service-time-scale", "2.5",
                "--shutdown-grace", "18000ms", "--engine", "java");
    }

    @Test
    void the_app_drains_within_the_grace_less_a_margin_to_give_back_what_is_left() {
        assertThat(WorkerCommand.appGrace(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(28));
        assertThat(WorkerCommand.appGrace(Duration.ofSeconds(1))).isEqualTo(Duration.ZERO);
    }
}
