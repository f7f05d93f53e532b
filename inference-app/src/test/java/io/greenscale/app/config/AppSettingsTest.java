package io.greenscale.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.app.compute.EngineChoice;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppSettingsTest {
    static final long HEAP = 4L << 30;

    static AppSettings read(Map<String, String> options, Map<String, String> env) {
        return AppSettings.read(options, env, 2, HEAP);
    }

    @Test
    void withNothingSetTheDefaultsApply() {
        AppSettings s = read(Map.of(), Map.of("HOSTNAME", "inference-7d9f-abcde"));

        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.mode()).isEqualTo(Mode.HTTP);
        assertThat(s.engine()).isEqualTo(EngineChoice.AUTO);
        assertThat(s.concurrency()).isEqualTo(2);
        assertThat(s.engineThreads()).isEqualTo(1);
        assertThat(s.limits().maxN()).isEqualTo(2048);
        assertThat(s.maxBodyBytes()).isEqualTo(4L << 20);
        assertThat(s.queue()).isEqualTo("jobs");
        assertThat(s.workerId()).isEqualTo("inference-7d9f-abcde");
        assertThat(s.redis().toString()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(s.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void anOptionWinsOverItsEnvironmentVariableWhichWinsOverTheDefault() {
        AppSettings s = read(Map.of("--port", "9000"), Map.of("GS_APP_PORT", "7000", "GS_APP_MODE", "worker",
                "GS_APP_MODEL_LOAD_DELAY", "90s", "GS_APP_ENGINE", "open-blas".replace("-", ""), "GS_APP_REDIS", "redis-host:6380"));

        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.mode()).isEqualTo(Mode.WORKER);
        assertThat(s.modelLoadDelay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.engine()).isEqualTo(EngineChoice.OPENBLAS);
        assertThat(s.redis().getHost()).isEqualTo("redis-host");
        assertThat(s.redis().getPort()).isEqualTo(6380);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("port above 65535", Map.of("--port", "70000"), Map.of(), "--port = 70000: must be in [0, 65535]"),
                Arguments.of("port not a number, from the environment", Map.of(), Map.of("GS_APP_PORT", "http"),
                        "GS_APP_PORT = http: must be a whole number in [0, 65535]"),
                Arguments.of("unknown mode", Map.of("--mode", "batch"), Map.of(), "--mode = batch: must be one of http, worker, both"),
                Arguments.of("unknown engine", Map.of("--engine", "tpu"), Map.of(), "--engine = tpu: must be one of auto, cuda, openblas, java"),
                Arguments.of("zero concurrency", Map.of("--concurrency", "0"), Map.of(), "--concurrency = 0: must be in [1, 1024]"),
                Arguments.of("max-n too large", Map.of("--max-n", "20000"), Map.of(), "--max-n = 20000: must be in [1, 16384]"),
                Arguments.of("body size without a number", Map.of("--max-body", "lots"), Map.of(),
                        "--max-body = lots: must be a size such as 4MiB, 512KiB or 1048576, in [1KiB, 1GiB]"),
                Arguments.of("model-load delay not a duration", Map.of(), Map.of("GS_APP_MODEL_LOAD_DELAY", "soon"),
                        "GS_APP_MODEL_LOAD_DELAY = soon: must be a duration such as 90s, 250ms, 5m or 1h, in [0s, 1h]"),
                Arguments.of("service-time scale below 1", Map.of("--service-time-scale", "0.5"), Map.of(),
                        "--service-time-scale = 0.5: must be in [1, 1000]"),
                Arguments.of("service-time cv above 4", Map.of(), Map.of("GS_APP_SERVICE_TIME_CV", "5"),
                        "GS_APP_SERVICE_TIME_CV = 5: must be in [0, 4]"),
                Arguments.of("heartbeat too fast", Map.of("--heartbeat", "10ms"), Map.of(), "--heartbeat = 10ms: must be in [50ms, 1m]"),
                Arguments.of("redis URI of another scheme", Map.of("--redis", "http://x:1"), Map.of(),
                        "--redis = http://x:1: must be redis://HOST[:PORT][/DB] or HOST[:PORT]"),
                Arguments.of("queue name with a space", Map.of("--queue", "my jobs"), Map.of(), "must be a non-empty name without spaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsReportedWithItsNameValueAndRange(String name, Map<String, String> options, Map<String, String> env, String message) {
        assertThatThrownBy(() -> read(options, env)).isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).anyMatch(p -> p.contains(message)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> read(Map.of("--port", "-1", "--mode", "x"), Map.of("GS_APP_CONCURRENCY", "many")))
                .isInstanceOf(SettingsException.class)
                .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(3));
    }

    @Test
    void productsThatCannotFitInTheHeapAreRefusedAtStartUp() {
        assertThatThrownBy(() -> AppSettings.read(Map.of("--max-n", "8192", "--concurrency", "4"), Map.of(), 2, 1L << 30))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--max-n = 8192 with --concurrency = 4 needs 6144 MiB for matrices, more than half of the 1024 MiB heap");
    }

    @Test
    void inASmallHeapTheDefaultMaxNShrinksToWhatFits() {
        AppSettings s = AppSettings.read(Map.of(), Map.of(), 2, 256L << 20);

        assertThat(s.limits().maxN()).isEqualTo(1024);
    }

    static Stream<Arguments> quantities() {
        return Stream.of(
                Arguments.of("90s", Duration.ofSeconds(90)), Arguments.of("250ms", Duration.ofMillis(250)),
                Arguments.of("1.5m", Duration.ofSeconds(90)), Arguments.of("2h", Duration.ofHours(2)),
                Arguments.of("30", Duration.ofSeconds(30)), Arguments.of("PT1M30S", Duration.ofSeconds(90)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("quantities")
    void durationsAreWrittenTheWayOperatorsWriteThem(String text, Duration expected) {
        assertThat(Quantities.duration(text)).isEqualTo(expected);
    }

    @Test
    void sizesAreBinaryWhateverTheSpelling() {
        assertThat(Quantities.bytes("4MiB")).isEqualTo(4L << 20);
        assertThat(Quantities.bytes("4mb")).isEqualTo(4L << 20);
        assertThat(Quantities.bytes("512k")).isEqualTo(512L << 10);
        assertThat(Quantities.bytes("1048576")).isEqualTo(1L << 20);
        assertThat(Quantities.bytes("four")).isNull();
    }
}
