package io.greenscale.daemon.loop;

import io.greenscale.daemon.config.Mode;
import io.greenscale.daemon.config.TargetConfig;
import io.greenscale.daemon.observe.DecisionLog;
import io.greenscale.daemon.observe.ScalerMetrics;
import io.greenscale.daemon.policy.Guard;
import io.greenscale.daemon.signal.Gathered;
import io.greenscale.daemon.signal.QueueRates;
import io.greenscale.daemon.signal.SignalGatherer;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import io.greenscale.daemon.target.DeletionCosts;
import io.greenscale.daemon.target.DryRunTarget;
import io.greenscale.daemon.target.Observation;
import io.greenscale.daemon.target.ScaleTarget;
import io.greenscale.daemon.target.WriteResult;
import io.greenscale.policy.Decision;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.PolicyState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's tick: observe → gather signals → decide → guard → write → log, metrics, Events.
 * Carries the target's state between ticks (the policy's state, the queue counters, when it is
 * next due). Not thread-safe: the loop runs one tick of a target at a time.
 */
final class TargetRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TargetRunner.class);

    private final TargetConfig config;
    private final ScaleTarget target;
    private final SignalGatherer gatherer;
    private final Outputs out;
    private final Instant startedAt;
    private PolicyState state;
    private QueueRates rates = QueueRates.first();
    private Instant nextDue;
    private final TargetNotices notices;

    /** Where a tick's results go. */
    record Outputs(DecisionLog log, ScalerMetrics metrics, io.greenscale.daemon.observe.EventSink events) {
    }

    TargetRunner(TargetConfig config, ScaleTarget target, SignalGatherer gatherer, Outputs out, Instant startedAt) {
        this.config = config;
        this.target = target;
        this.gatherer = gatherer;
        this.out = out;
        this.startedAt = startedAt;
        this.state = config.policy().initialState();
        this.nextDue = startedAt;
        this.notices = new TargetNotices(config.ref(), out.events());
    }

    TargetConfig config() {
        return config;
    }

    boolean isDue(Instant now) {
        return !now.isBefore(nextDue);
    }

    /** One tick; every failure is typed, counted and logged here, so the loop only sees a return. */
    void run(Tick tick, boolean leader) {
        Instant now = tick.now();
        // Due again one sync period from now; the slack keeps a target whose period equals the loop's
        // tick from slipping a whole tick when the scheduler wakes a few milliseconds early.
        nextDue = now.plus(config.policy().syncPeriod()).minus(Duration.ofMillis(50));
        Observation seen;
        try {
            seen = target.observe(tick);
        } catch (SourceException e) {
            out.metrics().skipped(config.id(), e);
            notices.observeFailed(e);
            return;
        }
        notices.observed();
        Gathered gathered = gatherer.gather(tick, seen.specReplicas(), seen.statusReplicas(), seen.selector(), rates);
        rates = gathered.rates();
        Decision decision = config.policy().decide(gathered.signals(), state, now);
        state = decision.next();
        boolean shadow = config.mode() == Mode.SHADOW;
        String hpa = seen.hpa() == null || shadow ? null : seen.hpa().name();
        Guard.Verdict verdict = Guard.judge(decision, config.mode(), leader, seen.paused(), hpa);
        ScaleTarget writer = verdict.write() ? target : new DryRunTarget(target, verdict.withheld());
        int desired = verdict.decision().desired();
        WriteResult result = writer.scale(seen, desired, costs(verdict, seen, gathered), tick);
        Integer observed = shadow && seen.hpa() != null ? seen.hpa().desiredReplicas() : null;
        if (shadow) {
            notices.shadowHpa(seen.hpa());
        }
        double tS = Duration.between(startedAt, now).toNanos() / 1e9;
        out.log().write(DecisionRecord.of(verdict.decision(), tS, now, config.id(), config.policy().name(), verdict.modeLabel(),
                observed, result.applied()));
        out.metrics().decided(config.id(), gathered.signals(), verdict.decision(), observed, now);
        report(verdict, result, now);
    }

    /** Deletion costs for a busy-aware scale-down: only when writing fewer replicas and the queue says who is busy. */
    private Map<String, Integer> costs(Guard.Verdict verdict, Observation seen, Gathered gathered) {
        if (!verdict.write() || !config.busyAwareScaleDown() || verdict.decision().desired() >= seen.specReplicas()
                || gathered.queue() == null || gathered.podCostAnnotations().isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> wanted = DeletionCosts.of(gathered.podCostAnnotations().keySet(), gathered.queue().inFlightByWorker());
        return DeletionCosts.changes(wanted, gathered.podCostAnnotations());
    }

    private void report(Guard.Verdict verdict, WriteResult result, Instant now) {
        notices.guarded(verdict, now);
        Decision d = verdict.decision();
        switch (result) {
            case WriteResult.Applied a -> {
                out.metrics().write(config.id(), "applied");
                LOG.info("{}: scaled {} → {} ({}: {})", config.id(), a.from(), a.to(), d.reason(), d.why().summary());
                out.events().emit(config.ref(), false, "SuccessfulRescale",
                        "New size: " + a.to() + " (was " + a.from() + "); reason: " + d.reason() + ": " + d.why().summary(), now);
            }
            case WriteResult.Conflict c -> {
                out.metrics().write(config.id(), "conflict");
                LOG.info("{}: the workload changed while deciding ({}); deciding again next tick", config.id(), c.failure().reason());
            }
            case WriteResult.Failed f -> {
                out.metrics().write(config.id(), "failed");
                LOG.warn("{}: could not scale to {}: {}", config.id(), d.desired(), f.failure().reason());
                out.events().emit(config.ref(), true, "FailedRescale",
                        "Could not set the size to " + d.desired() + ": " + f.failure().reason(), now);
            }
            case WriteResult.Unchanged u -> { }
            case WriteResult.Withheld w -> { }
        }
    }
}
