package io.greenscale.policy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenscale.policy.config.ConfigException;
import io.greenscale.policy.limit.SelectPolicy;
import io.greenscale.policy.limit.StepPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GreenScaleConfigReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cpu target above 10                         | cpu: {target: 14}                        | policy.cpu.target = 14: must be in (0, 10]
            utilisation target of zero                  | queue: {utilizationTarget: 0}           | policy.queue.utilizationTarget = 0: must be in (0, 1]
            negative per-replica rate                   | queue: {perReplicaRate: -2}             | policy.queue.perReplicaRate = -2: must be in (0, ∞)
            a word where a number belongs               | tolerance: lots                         | policy.tolerance = "lots": must be a number in [0, 1)
            an unparsable duration                      | tick: soon                              | policy.tick = "soon": must be a duration such as 30s, 5m or 250ms, in [1s, 10m]
            a tick too long                             | tick: 1h                                | policy.tick = "1h": must be in [1s, 10m]
            a fractional replica count                  | maxReplicas: 2.5                        | policy.maxReplicas = 2.5: must be a whole number in [1, 100000]
            minReplicas above maxReplicas               | '{minReplicas: 8, maxReplicas: 4}'      | policy.minReplicas = 8: must be <= maxReplicas (4)
            minReplicas zero                            | minReplicas: 0                          | policy.minReplicas = 0: must be in [1, 100000]
            a typo in a key                             | queue: {drainTarg: 30s}                 | policy.queue.drainTarg: unknown key (did you mean drainTarget?)
            an unknown select policy                    | scaleUp: {select: biggest}              | policy.scaleUp.select = "biggest": must be one of max, min, disabled
            a recurrence rise that is no rise           | recurrence: {minRise: 1}                | policy.recurrence.minRise = 1: must be in (1, ∞)
            a surge payback out of range                | queue: {surgePayback: 11}               | policy.queue.surgePayback = 11: must be in [0, 10]
            a step policy without a type                | 'scaleDown: {policies: [{value: 2}]}'   | policy.scaleDown.policies[0].type: is required (pods or percent)
            a step period over 30 minutes               | 'scaleUp: {policies: [{type: pods, value: 2, period: 1h}]}' | policy.scaleUp.policies[0].period = "1h": must be in [1s, 30m]
            latency enabled without an SLO              | latency: {enabled: true}                | policy.latency.slo: is required when latency is enabled
            every signal disabled                       | queue: {enabled: false}                 | policy: no signal is enabled
            staleAfter shorter than the tick            | '{tick: 10s, staleAfter: 5s}'           | policy.staleAfter = "5s": must be at least tick (10s)
            a gpu role that does not exist              | gpu: {target: 0.8, role: boss}          | policy.gpu.role = "boss": must be one of auto, confirm, full
            """)
    void names_key_value_and_allowed_range(String name, String yaml, String message) {
        assertThatThrownBy(() -> Configs.yaml(yaml))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).anySatisfy(p -> assertThat(p).startsWith(message)));
    }

    @Test
    void reports_every_problem_at_once() {
        assertThatThrownBy(() -> Configs.yaml("cpu: {target: 0}\nqueue: {utilizationTarget: 2}\ntick: never"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3));
    }

    @Test
    void defaults_are_complete_and_sensible() {
        GreenScaleConfig c = GreenScaleConfigReader.defaults();
        assertThat(c.tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.queue().enabled()).isTrue();
        assertThat(c.cpu().enabled()).isFalse();
        assertThat(c.latency().enabled()).isFalse();
        assertThat(c.scaleUp().policies()).containsExactly(StepPolicy.percent(100, Duration.ofSeconds(15)), StepPolicy.pods(4, Duration.ofSeconds(15)));
        assertThat(c.scaleDown().select()).isEqualTo(SelectPolicy.MAX);
        assertThat(c.forecast().horizon()).as("follows the learned cold start").isNull();
    }

    @Test
    void new_pods_get_at_least_one_cold_start_to_drain_a_backlog() {
        GreenScaleConfig.Queue q = Configs.yaml("queue: {drainTarget: 30s}").queue();
        assertThat(q.drainWindow(Duration.ofSeconds(90))).as("a 90 s cold start: drain over 90 s").isEqualTo(Duration.ofSeconds(90));
        assertThat(q.drainWindow(Duration.ofSeconds(10))).as("a quick start: the drain target").isEqualTo(Duration.ofSeconds(30));
        GreenScaleConfig.Queue half = Configs.yaml("queue: {surgePayback: 0.5}").queue();
        assertThat(half.drainWindow(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(45));
        GreenScaleConfig.Queue off = Configs.yaml("queue: {surgePayback: 0}").queue();
        assertThat(off.drainWindow(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void percentages_and_fractions_read_alike() {
        assertThat(Configs.yaml("cpu: {target: 70%}").cpu().target()).isEqualTo(0.7);
        assertThat(Configs.yaml("cpu: {target: 0.7}").cpu().target()).isEqualTo(0.7);
    }

    @Test
    void the_shipped_example_parses_and_documents_every_key() throws Exception {
        Path example = Path.of("examples/policy.yaml");
        GreenScaleConfig c = Configs.yaml(Files.readString(example));
        assertThat(c).isNotNull();
        String text = Files.readString(example);
        for (String key : new String[] {"tick", "minReplicas", "maxReplicas", "staleAfter", "coldStart", "concurrencyPerReplica",
                "tolerance", "drainTarget", "perReplicaRate", "utilizationTarget", "alphaUp", "alphaDown", "role", "slo",
                "maxStepFactor", "settle", "stabilizationWindow", "cooldown", "select", "policies",
                "maxConsecutiveSteps", "backlogDrainTime", "p95Factor", "idleAfter", "minFactor", "maxFactor"}) {
            assertThat(text).as("policy.yaml documents %s", key).contains(key + ":");
        }
    }
}
