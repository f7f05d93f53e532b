package io.greenscale.policy.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.policy.Decision;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomised timelines with fixed seeds: signals come and go, jump and go stale, the target
 * sometimes follows and sometimes does not, and the invariants hold at every tick.
 */
class InvariantsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    private static GreenScaleConfig randomConfig(Random r) {
        int min = 1 + r.nextInt(3);
        int max = min + r.nextInt(30);
        String yaml = """
                minReplicas: %d
                maxReplicas: %d
                coldStart: %ds
                concurrencyPerReplica: %d
                queue: {perReplicaRate: %s}
                cpu: {enabled: %s, target: 0.6}
                gpu: {enabled: %s, target: 0.8}
                latency: {enabled: %s, slo: 400ms}
                scaleUp: {cooldown: %ds}
                scaleDown: {cooldown: %ds, stabilizationWindow: %ds}
                scaleToZero: {enabled: %s, idleAfter: 400s}
                """.formatted(min, max, r.nextInt(120), 1 + r.nextInt(4), 0.5 + r.nextDouble() * 5,
                r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextInt(30), 10 + r.nextInt(120), r.nextInt(300),
                r.nextBoolean());
        return Configs.yaml(yaml);
    }

    /** A configured signal is missing: the queue's backlog or both its rates, or an enabled cpu/gpu/latency. */
    private static boolean configuredSignalMissing(GreenScaleConfig cfg, Set<Signal> missing) {
        return (cfg.queue().enabled() && (missing.contains(Signal.QUEUE_BACKLOG)
                        || (missing.contains(Signal.ARRIVAL_RATE) && missing.contains(Signal.COMPLETION_RATE))))
                || (cfg.cpu().enabled() && missing.contains(Signal.CPU))
                || (cfg.gpu().enabled() && missing.contains(Signal.GPU))
                || (cfg.latency().enabled() && missing.contains(Signal.P95_LATENCY));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariants_hold_on_a_random_timeline(long seed) {
        Random r = new Random(seed);
        GreenScaleConfig cfg = randomConfig(r);
        GreenScalePolicy policy = new GreenScalePolicy(cfg);
        PolicyState state = policy.initialState();
        int current = cfg.minReplicas() + r.nextInt(cfg.maxReplicas() - cfg.minReplicas() + 1);
        Instant lastChange = null;
        double load = r.nextDouble() * 50;
        for (int tick = 0; tick < 400; tick++) {
            Instant now = T0.plusSeconds(5L * tick);
            if (r.nextInt(20) == 0) {
                load = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 80;
            }
            Signals.Builder b = Signals.builder(current);
            Set<Signal> missing = EnumSet.noneOf(Signal.class);
            for (Signal s : Signal.values()) {
                double value = switch (s) {
                    case QUEUE_BACKLOG -> load == 0 ? 0 : r.nextDouble() * load * 10;
                    case ARRIVAL_RATE, COMPLETION_RATE -> load;
                    case IN_FLIGHT -> load == 0 ? 0 : r.nextInt(Math.max(1, current) + 1);
                    case CPU -> r.nextDouble() * 1.5;
                    case GPU -> r.nextDouble();
                    case P95_LATENCY -> r.nextDouble();
                    case READY_REPLICAS -> Math.max(0, current - r.nextInt(2));
                    case STARTING_REPLICAS -> r.nextInt(2);
                };
                int mode = r.nextInt(12);
                if (mode == 0) {
                    b.absent(s, "down");
                    missing.add(s);
                } else if (mode == 1) {
                    b.set(s, Reading.of(value, now.minus(cfg.staleAfter()).minusSeconds(1)));
                    missing.add(s);
                } else {
                    b.set(s, value, now);
                }
            }
            boolean anyMissing = configuredSignalMissing(cfg, missing);
            Decision d = policy.decide(b.build(), state, now);
            state = d.next();
            String at = "seed " + seed + " tick " + tick + ": " + d.reason() + " " + d.current() + "→" + d.desired() + " " + d.why().summary();

            // Within bounds; zero only through scale to zero.
            if (d.desired() == 0) {
                assertThat(cfg.scaleToZero().enabled()).as(at).isTrue();
            } else {
                assertThat(d.desired()).as(at).isBetween(cfg.minReplicas(), cfg.maxReplicas());
            }
            // Never lower on missing data (only the max bound may lower a count that is above it).
            if (anyMissing && d.desired() < d.current()) {
                assertThat(d.reason()).as(at).isEqualTo(Reason.MAX_REPLICAS);
                assertThat(d.desired()).as(at).isEqualTo(cfg.maxReplicas());
            }
            // No change inside a cooldown unless the burst rule fires (or a bound forces it).
            if (lastChange != null && d.desired() != d.current()) {
                Duration since = Duration.between(lastChange, now);
                Duration cooldown = d.desired() > d.current() ? cfg.scaleUp().cooldown() : cfg.scaleDown().cooldown();
                if (since.compareTo(cooldown) < 0) {
                    assertThat(d.reason()).as(at).isIn(Reason.BURST, Reason.MAX_REPLICAS, Reason.MIN_REPLICAS, Reason.BUSY_FLOOR,
                            Reason.ACTIVATION, Reason.SCALE_TO_ZERO);
                }
            }
            // The target follows most of the time, sometimes late, sometimes not at all.
            if (d.desired() != current && r.nextInt(5) != 0) {
                current = d.desired();
                lastChange = now;
            }
        }
    }
}
