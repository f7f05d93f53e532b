package io.greenscale.analysis.sim;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A fixed replica count, whatever the load: {@code always-max} (the cost ceiling, provisioned for
 * the peak all the time) and queueing-theory checks with a known number of servers.
 */
public final class FixedPolicy implements Policy {
    private static final PolicyState STATE = new PolicyState() {};

    private final String name;
    private final int replicas;

    public FixedPolicy(String name, int replicas) {
        this.name = name;
        this.replicas = replicas;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration syncPeriod() {
        return Duration.ofSeconds(15);
    }

    @Override
    public Set<Signal> inputs() {
        return Set.of();
    }

    @Override
    public PolicyState initialState() {
        return STATE;
    }

    @Override
    public Decision decide(Signals signals, PolicyState state, Instant now) {
        Explanation.Builder why = new Explanation.Builder().winner("fixed", replicas);
        int current = signals.currentReplicas();
        Reason reason = replicas > current ? Reason.SCALE_UP : replicas < current ? Reason.SCALE_DOWN : Reason.STEADY;
        return new Decision(current, replicas, reason, why.build(), STATE);
    }
}
