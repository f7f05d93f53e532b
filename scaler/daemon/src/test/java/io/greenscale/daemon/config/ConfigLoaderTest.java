package io.greenscale.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.policy.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Environment ENV = new Environment(Map.of("POD_NAMESPACE", "greenscale", "POD_NAME", "scaler-7", "REDIS_PASS", "s3cret"));

    /** A valid target with a queue, into which each case splices its change. */
    private static final String TARGET = """
              - namespace: shop
                scaleTargetRef: {kind: Deployment, name: worker}
                queue: {name: jobs}
            """;

    @SuppressWarnings("unchecked")
    static ScalerConfig parse(String yaml) throws Exception {
        return new ConfigLoader(PolicyFactory.standard(), ENV).parse(YAML.readValue(yaml, Map.class));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("tick too short → range named", "tick: 10ms\ntargets:\n" + TARGET,
                        "tick = \"10ms\": must be in [100ms, 1h]"),
                Arguments.of("no targets → required", "tick: 5s\n", "targets: is required"),
                Arguments.of("target without workload → required", "targets:\n  - namespace: shop\n    queue: {name: jobs}\n",
                        "targets[0].scaleTargetRef: is required"),
                Arguments.of("workload name with capitals → object name rule",
                        "targets:\n  - scaleTargetRef: {name: Worker_1}\n    queue: {name: jobs}\n",
                        "targets[0].scaleTargetRef.name = \"Worker_1\": must be a Kubernetes object name"),
                Arguments.of("custom kind without apiVersion → required",
                        "targets:\n  - scaleTargetRef: {kind: Rollout, name: web}\n    queue: {name: jobs}\n",
                        "targets[0].scaleTargetRef.apiVersion: is required for kind Rollout"),
                Arguments.of("unknown mode → allowed modes listed", "targets:\n" + TARGET + "    mode: live\n",
                        "targets[0].mode = \"live\": must be one of active, dry-run, shadow"),
                Arguments.of("unknown queue type → allowed types listed", "targets:\n" + TARGET.replace("{name: jobs}", "{type: kafka}"),
                        "targets[0].queue.type = \"kafka\": must be one of list, stream, none"),
                Arguments.of("stream queue without group → required", "targets:\n" + TARGET.replace("{name: jobs}", "{type: stream, stream: s}"),
                        "targets[0].queue.group: is required"),
                Arguments.of("policy maxReplicas 0 → range from the policy", "targets:\n" + TARGET + "    policy: {maxReplicas: 0}\n",
                        "targets[0].policy.maxReplicas = 0: must be in [1, 100000]"),
                Arguments.of("misspelt key → suggestion", "targets:\n" + TARGET + "    busyAwareScaledown: false\n",
                        "targets[0].busyAwareScaledown: unknown key (did you mean busyAwareScaleDown?)"),
                Arguments.of("redis URL with http scheme → scheme named", "redis: {url: \"http://redis:6379\"}\ntargets:\n" + TARGET,
                        "redis.url = \"http://redis:6379\": must be a URL of scheme redis or rediss with a host"),
                Arguments.of("renew deadline not below lease → why",
                        "leaderElection: {enabled: true, leaseDuration: 10s, renewDeadline: 10s}\ntargets:\n" + TARGET,
                        "leaderElection.renewDeadline = \"10s\": must be less than leaseDuration"),
                Arguments.of("unknown placeholder in a query → allowed ones listed",
                        "targets:\n" + TARGET + "    signals: {gpu: {query: 'avg(x{ns=\"${ns}\"})'}}\n",
                        "unknown placeholder ${ns}; allowed: ${namespace}, ${name}, ${pods}"),
                Arguments.of("policy reading queue signals without a queue → required",
                        "targets:\n  - scaleTargetRef: {name: web}\n",
                        "targets[0].queue: is required: policy greenscale reads queue, arrival_rate, completion_rate"),
                Arguments.of("same workload twice → the first named", "targets:\n" + TARGET + TARGET,
                        "targets[1].scaleTargetRef: shop/deployment/worker is already the target of targets[0]"),
                Arguments.of("missing password file → file named",
                        "redis: {passwordFile: /nonexistent/redis-password}\ntargets:\n" + TARGET,
                        "redis.passwordFile = \"/nonexistent/redis-password\": must be a readable file"),
                Arguments.of("unset password variable → variable named", "redis: {passwordEnv: NOPE}\ntargets:\n" + TARGET,
                        "redis.passwordEnv = \"NOPE\": must name a set environment variable"),
                Arguments.of("p95 query together with histogram → one or the other",
                        "targets:\n" + TARGET + "    signals: {p95: {query: 'x', histogram: y}}\n",
                        "targets[0].signals.p95.query: give either query or histogram/quantile/window, not both"),
                Arguments.of("cpu from prometheus without a query → required",
                        "targets:\n" + TARGET + "    signals: {cpu: {source: prometheus}}\n",
                        "targets[0].signals.cpu.query: is required when source is prometheus"),
                Arguments.of("prometheus timeout as a word → duration format",
                        "prometheus: {timeout: soon}\ntargets:\n" + TARGET,
                        "prometheus.timeout = \"soon\": must be a duration such as 30s, 5m or 250ms, in [10ms, 1m]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalid_configuration_names_key_value_and_range(String name, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).contains(expected)));
    }

    @Test
    void every_problem_is_reported_in_one_run() {
        String yaml = "tick: 1ms\nkubernetes: {maxConcurrentRequests: 0}\ntargets:\n" + TARGET + "    mode: live\n    policy: {minReplicas: 5, maxReplicas: 2}\n";
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("tick = \"1ms\""))
                .anySatisfy(p -> assertThat(p).startsWith("kubernetes.maxConcurrentRequests = 0: must be in [1, 1024]"))
                .anySatisfy(p -> assertThat(p).startsWith("targets[0].mode = \"live\""))
                .anySatisfy(p -> assertThat(p).startsWith("targets[0].policy.minReplicas = 5: must be <= maxReplicas (2)")));
    }

    @Test
    void a_problem_in_defaults_is_reported_once_not_once_per_target() {
        String yaml = "defaults:\n  policy: {maxReplicas: -3}\ntargets:\n" + TARGET + TARGET.replace("worker", "other");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly("defaults.policy.maxReplicas = -3: must be in [1, 100000]"));
    }

    @Test
    void defaults_merge_into_each_target_and_the_target_wins() throws Exception {
        ScalerConfig c = parse("""
                server: {port: 9100}
                redis: {url: "redis://redis.shop:6380/2", passwordEnv: REDIS_PASS, timeout: 300ms}
                prometheus: {url: "http://prom:9090", timeout: 1s, headers: {X-Scope-OrgID: team-a}}
                defaults:
                  mode: dry-run
                  queue: {name: jobs}
                  policy: {maxReplicas: 20, tick: 10s}
                targets:
                  - namespace: shop
                    scaleTargetRef: {kind: StatefulSet, name: gpu-worker}
                    mode: shadow
                    policy: {maxReplicas: 4}
                  - scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}
                    queue: {type: stream, stream: requests, group: web}
                """);
        assertThat(c.tick()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.prometheus().headers()).containsEntry("X-Scope-OrgID", "team-a");
        TargetConfig gpu = c.targets().get(0);
        assertThat(gpu.id()).isEqualTo("shop/statefulset/gpu-worker");
        assertThat(gpu.ref().resource()).isEqualTo("statefulsets");
        assertThat(gpu.mode()).isEqualTo(Mode.SHADOW);
        assertThat(gpu.queue()).isInstanceOfSatisfying(QueueSpec.RedisList.class, q -> {
            assertThat(q.name()).isEqualTo("jobs");
            assertThat(q.redis().host()).isEqualTo("redis.shop");
            assertThat(q.redis().port()).isEqualTo(6380);
            assertThat(q.redis().database()).isEqualTo(2);
            assertThat(q.redis().password()).isEqualTo("s3cret");
            assertThat(q.redis().toString()).doesNotContain("s3cret");
        });
        TargetConfig web = c.targets().get(1);
        assertThat(web.id()).isEqualTo("greenscale/rollout/web");
        assertThat(web.ref().group()).isEqualTo("argoproj.io");
        assertThat(web.ref().resource()).isEqualTo("rollouts");
        assertThat(web.mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(web.queue()).isInstanceOf(QueueSpec.RedisStream.class);
        assertThat(web.cpu()).isInstanceOf(CpuSource.MetricsApi.class);
        assertThat(web.p95().query()).isEqualTo(
                "histogram_quantile(0.95, sum by (namespace, app, le) (rate(greenscale_app_request_duration_seconds_bucket[1m])))");
    }

    @Test
    void leader_identity_defaults_to_the_pod_name_and_namespace_to_the_pod_namespace() throws Exception {
        ScalerConfig c = parse("leaderElection: {enabled: true}\ntargets:\n" + TARGET);
        assertThat(c.leader().identity()).isEqualTo("scaler-7");
        assertThat(c.leader().namespace()).isEqualTo("greenscale");
        assertThat(c.leader().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_yaml_syntax_error_names_file_line_and_column(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scaler.yaml");
        Files.writeString(file, "targets:\n  - scaleTargetRef: {name: web\n  mode: x\n");
        assertThatThrownBy(() -> new ConfigLoader(PolicyFactory.standard(), ENV).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void the_shipped_example_configuration_is_valid() throws Exception {
        Path example = Path.of("examples/scaler.yaml");
        ScalerConfig c = new ConfigLoader(PolicyFactory.standard(), ENV).load(example);
        assertThat(c.targets()).isNotEmpty();
    }
}
