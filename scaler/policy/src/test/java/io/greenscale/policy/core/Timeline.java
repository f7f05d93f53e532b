package io.greenscale.policy.core;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * A policy on a fake clock: set signals (they stay until changed), call {@link #at(long)} with
 * seconds since the start, and the target follows each decision at once — or, with a cold start,
 * new pods are reported as starting until they have been up that long.
 */
final class Timeline {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Policy policy;
    private PolicyState state;
    private int current;
    private final Map<Signal, Reading> readings = new EnumMap<>(Signal.class);
    private Duration coldStart;
    private final Deque<Instant> startingPods = new ArrayDeque<>();
    private int readyPods;
    private boolean follow = true;

    private Timeline(Policy policy, int replicas) {
        this.policy = policy;
        this.state = policy.initialState();
        this.current = replicas;
        this.readyPods = replicas;
    }

    static Timeline of(Policy policy, int replicas) {
        return new Timeline(policy, replicas);
    }

    static Timeline of(GreenScaleConfig config, int replicas) {
        return of(new GreenScalePolicy(config), replicas);
    }

    /** Pods asked for become ready after {@code coldStart}; READY and STARTING are reported. */
    Timeline coldStart(Duration coldStart) {
        this.coldStart = coldStart;
        return this;
    }

    /** The target ignores decisions (dry-run). */
    Timeline notFollowing() {
        this.follow = false;
        return this;
    }

    Timeline set(Signal signal, double value) {
        readings.put(signal, Reading.of(value, Instant.MIN));
        return this;
    }

    Timeline absent(Signal signal) {
        readings.put(signal, Reading.absent("source down"));
        return this;
    }

    /** The value stays, but its observation time freezes at {@code seconds}: it will go stale. */
    Timeline frozenAt(Signal signal, long seconds) {
        if (readings.get(signal) instanceof Reading.Present p) {
            readings.put(signal, Reading.of(p.value(), T0.plusSeconds(seconds)));
        }
        return this;
    }

    int current() {
        return current;
    }

    /** Decides at {@code T0 + seconds}; every present reading counts as observed then (unless frozen). */
    Decision at(long seconds) {
        Instant now = T0.plusSeconds(seconds);
        if (coldStart != null) {
            while (!startingPods.isEmpty() && !startingPods.peekFirst().plus(coldStart).isAfter(now)) {
                startingPods.removeFirst();
                readyPods++;
            }
        }
        Signals.Builder b = Signals.builder(current);
        readings.forEach((s, r) -> b.set(s, r instanceof Reading.Present p && p.observedAt().equals(Instant.MIN)
                ? Reading.of(p.value(), now) : r));
        if (coldStart != null) {
            b.set(Signal.READY_REPLICAS, readyPods, now).set(Signal.STARTING_REPLICAS, startingPods.size(), now);
        }
        Decision d = policy.decide(b.build(), state, now);
        state = d.next();
        if (follow) {
            apply(d.desired(), now);
        }
        return d;
    }

    private void apply(int desired, Instant now) {
        if (coldStart != null) {
            for (int i = current; i < desired; i++) {
                startingPods.addLast(now);
            }
            for (int i = desired; i < current; i++) {
                if (!startingPods.isEmpty()) {
                    startingPods.removeLast();
                } else {
                    readyPods--;
                }
            }
        }
        current = desired;
    }
}
