package io.greenscale.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code local:} section: worker processes on this machine instead of a Kubernetes workload. */
class LocalTargetConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Environment ENV = new Environment(Map.of("GS_HOME", "/opt/greenscale"));

    @SuppressWarnings("unchecked")
    static ScalerConfig parse(String yaml, Environment env) throws Exception {
        return new ConfigLoader(PolicyFactory.standard(), env).parse(YAML.readValue(yaml, Map.class));
    }

    @Test
    void a_local_target_is_named_by_its_workers_and_starts_the_app_through_the_launcher() throws Exception {
        TargetConfig t = parse("""
                targets:
                  - queue: {name: jobs}
                    local:
                      name: infer
                      maxWorkers: 3
                      initialReplicas: 2
                      coldStart: 20s
                      serviceTimeMin: 500ms
                      concurrency: 2
                      cpuRequest: 100m
                      terminationGrace: 10s
                      env: {GS_JAVA_OPTS: "-Xmx96m"}
                      fileSd: /tmp/sd/workers.json
                      eventLog: /tmp/run/workers.jsonl
                    policy: {maxReplicas: 3}
                """, ENV).targets().getFirst();

        assertThat(t.isLocal()).isTrue();
        assertThat(t.id()).isEqualTo("local/localworkers/infer");
        LocalSpec local = t.local();
        assertThat(local.command()).containsExactly("/opt/greenscale/greenscale", "app");
        assertThat(local.maxWorkers()).isEqualTo(3);
        assertThat(local.initialReplicas()).isEqualTo(2);
        assertThat(local.coldStart()).isEqualTo(Duration.ofSeconds(20));
        assertThat(local.serviceTimeMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(local.concurrency()).isEqualTo(2);
        assertThat(local.cpuRequestMilli()).isEqualTo(100);
        assertThat(local.env()).containsEntry("GS_JAVA_OPTS", "-Xmx96m");
        assertThat(local.fileSd()).isEqualTo(Path.of("/tmp/sd/workers.json"));
        assertThat(local.metricsResolution()).as("metrics-server's default").isEqualTo(Duration.ofSeconds(15));
    }

    static Stream<Arguments> invalid() {
        String queue = "    queue: {name: jobs}\n";
        return Stream.of(
                Arguments.of("both a Kubernetes workload and local workers → one or the other",
                        "targets:\n  - scaleTargetRef: {name: web}\n" + queue + "    local: {}\n",
                        "targets[0].scaleTargetRef: give either scaleTargetRef (a Kubernetes workload) or local"),
                Arguments.of("no queue → the workers need one",
                        "targets:\n  - local: {}\n    policy: {queue: {enabled: false}, cpu: {target: 0.7}}\n",
                        "targets[0].queue: a local target needs a Redis list queue"),
                Arguments.of("a stream queue → a list is needed",
                        "targets:\n  - local: {}\n    queue: {type: stream, stream: s, group: g}\n",
                        "targets[0].queue: a local target needs a Redis list queue"),
                Arguments.of("CPU request in the wrong unit → quantity named",
                        "targets:\n  - local: {cpuRequest: 2Gi}\n" + queue,
                        "targets[0].local.cpuRequest = \"2Gi\": must be a CPU quantity in (0, 1024] cores, e.g. 250m or 0.25"),
                Arguments.of("more initial workers than the machine bound → range",
                        "targets:\n  - local: {maxWorkers: 2, initialReplicas: 3}\n" + queue,
                        "targets[0].local.initialReplicas = 3: must be in [0, 2]"),
                Arguments.of("service-time scale below 1 → range",
                        "targets:\n  - local: {serviceTimeScale: 0.5}\n" + queue,
                        "targets[0].local.serviceTimeScale = 0.5: must be in [1, 1000]"),
                Arguments.of("a worker name with capitals → rule", "targets:\n  - local: {name: Infer}\n" + queue,
                        "targets[0].local.name = \"Infer\": must be lower-case letters, digits and '-'"),
                Arguments.of("misspelt key → suggestion", "targets:\n  - local: {coldstart: 5s}\n" + queue,
                        "targets[0].local.coldstart: unknown key (did you mean coldStart?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalid_local_sections_name_key_value_and_what_is_allowed(String name, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml, ENV)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).contains(expected)));
    }

    @Test
    void without_gs_home_the_app_command_must_be_given() {
        assertThatThrownBy(() -> parse("targets:\n  - local: {}\n    queue: {name: jobs}\n", new Environment(Map.of())))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("targets[0].local.command: is required: GS_HOME is not set")));
    }

    @Test
    void the_default_bound_is_what_this_machine_holds() throws Exception {
        LocalSpec local = parse("targets:\n  - local: {command: [app]}\n    queue: {name: jobs}\n", ENV).targets().getFirst().local();
        assertThat(local.maxWorkers()).isBetween(1, Runtime.getRuntime().availableProcessors() * LocalSpecs.WORKERS_PER_CORE);
        assertThat(local.command()).isEqualTo(List.of("app"));
    }
}
