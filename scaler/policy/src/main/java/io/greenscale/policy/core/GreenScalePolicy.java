package io.greenscale.policy.core;

import io.greenscale.policy.Decision;
import io.greenscale.policy.Explanation;
import io.greenscale.policy.Explanation.ProposalNote;
import io.greenscale.policy.Explanation.SignalNote;
import io.greenscale.policy.Explanation.Vote;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.Reason;
import io.greenscale.policy.fuse.Fusion;
import io.greenscale.policy.limit.Bounds;
import io.greenscale.policy.limit.Cooldown;
import io.greenscale.policy.limit.Deadband;
import io.greenscale.policy.limit.Stabilizer;
import io.greenscale.policy.limit.StepLimiter;
import io.greenscale.policy.propose.Headroom;
import io.greenscale.policy.propose.Proposal;
import io.greenscale.policy.propose.RecurrenceProposal;
import io.greenscale.policy.signal.Recurrence;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * GreenScale's policy: one tick of one target, as a pure function of (signals, state, now).
 *
 * <pre>
 * signals → learn (smoothing, per-replica rate, cold start) → per-signal proposals
 *         → fusion → deadband → stabilisation → cooldown / burst → step limits → streak cap
 *         → stale hold → bounds (busy floor, min/max, scale to zero, activation) → Decision
 * </pre>
 *
 * The state assumes each decision is applied; a target that did not follow shows up as the
 * next tick's {@link Signals#currentReplicas()}.
 */
public final class GreenScalePolicy implements Policy {
    private final GreenScaleConfig config;
    private final String name;
    private final Set<Signal> inputs;
    private final Duration memory;

    public GreenScalePolicy(GreenScaleConfig config) {
        this(config, "greenscale");
    }

    public GreenScalePolicy(GreenScaleConfig config, String name) {
        this.config = Objects.requireNonNull(config, "config");
        this.name = Objects.requireNonNull(name, "name");
        this.inputs = inputsOf(config);
        this.memory = config.longestMemory().plusSeconds(1);
    }

    /** Builds the policy from a YAML policy section (already parsed into maps). */
    public static GreenScalePolicy fromMap(Map<String, ?> section) {
        return new GreenScalePolicy(GreenScaleConfigReader.parse(section, "policy"));
    }

    public GreenScaleConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration syncPeriod() {
        return config.tick();
    }

    @Override
    public Set<Signal> inputs() {
        return inputs;
    }

    @Override
    public PolicyState initialState() {
        return GreenScaleState.INITIAL;
    }

    @Override
    public Decision decide(Signals signals, PolicyState previous, Instant now) {
        GreenScaleState state = previous instanceof GreenScaleState s ? s : GreenScaleState.INITIAL;
        Tick tick = new Tick(config, memory, signals, state, now);
        return tick.decide();
    }

    private static Set<Signal> inputsOf(GreenScaleConfig c) {
        EnumSet<Signal> s = EnumSet.of(Signal.READY_REPLICAS, Signal.STARTING_REPLICAS, Signal.IN_FLIGHT);
        if (c.queue().enabled() || c.scaleToZero().enabled()) {
            s.addAll(List.of(Signal.QUEUE_BACKLOG, Signal.ARRIVAL_RATE, Signal.COMPLETION_RATE));
        }
        if (c.cpu().enabled()) {
            s.add(Signal.CPU);
        }
        if (c.gpu().enabled()) {
            s.add(Signal.GPU);
        }
        if (c.latency().enabled() || c.burst().enabled()) {
            s.add(Signal.P95_LATENCY);
        }
        return Set.copyOf(s);
    }

    /** One decide call's working set. */
    private static final class Tick {
        private final GreenScaleConfig cfg;
        private final Signals signals;
        private final Instant now;
        private final int current;
        private final Observations obs;
        private final Learned learned;
        private final Explanation.Builder why = new Explanation.Builder();
        private final GreenScaleState state;
        private final Duration memory;
        /** The learned burst schedule's next onset, when there is one (queue targets only). */
        private final Optional<Recurrence.Prediction> schedule;

        Tick(GreenScaleConfig cfg, Duration memory, Signals signals, GreenScaleState state, Instant now) {
            this.cfg = cfg;
            this.memory = memory;
            this.signals = signals;
            this.state = state;
            this.now = now;
            this.current = signals.currentReplicas();
            this.obs = new Observations(signals, now, cfg.staleAfter());
            this.learned = Learned.update(cfg, obs, state, current, now, memory);
            this.schedule = cfg.queue().enabled() ? learned.recurrencePrediction(cfg) : Optional.empty();
        }

        Decision decide() {
            noteSignals();
            List<Proposal> proposals = proposals();
            proposals.forEach(p -> why.proposal(new ProposalNote(p.source(), p.replicas(), p.vote(), p.detail())));

            boolean noSignals = proposals.isEmpty();
            Fusion.Result fused = Fusion.fuse(proposals, current);
            why.winner(fused.winner(), fused.replicas());

            int v = Deadband.apply(current, fused.replicas(), cfg.tolerance());
            why.step("tolerance", fused.replicas(), v, "within ±" + Proposal.fmt(cfg.tolerance() * 100) + "% of " + current);
            int recommendation = v;
            int sustained = Math.min(v, Deadband.apply(current, fused.sustained(), cfg.tolerance()));

            Duration sinceBurst = sinceRecurringBurst();
            Duration downWindow = sinceBurst != null && sinceBurst.compareTo(cfg.staleAfter()) >= 0
                    && sinceBurst.compareTo(cfg.scaleDown().stabilizationWindow()) < 0
                    ? sinceBurst : cfg.scaleDown().stabilizationWindow();
            int stabilized = Stabilizer.apply(current, v, state.recommendations(), state.sustainedRecommendations(),
                    cfg.scaleUp().stabilizationWindow(), downWindow, now);
            if (stabilized < current && now.equals(learned.lastBacklogAt())) {
                stabilized = current; // never remove capacity while work is queueing: it is draining the backlog
            }
            why.step("stabilization", v, stabilized, stabilized > v
                    ? (stabilized == current && now.equals(learned.lastBacklogAt()) ? "a backlog is still draining"
                            : "highest sustained recommendation in the last " + Proposal.fmt(downWindow.toMillis() / 1000.0) + "s"
                            + (downWindow.equals(cfg.scaleDown().stabilizationWindow()) ? "" : ", since a recurring burst ended"))
                    : "lowest recommendation in the last " + cfg.scaleUp().stabilizationWindow().toSeconds() + "s");
            v = limitRate(stabilized);

            boolean missing = configuredSignalMissing();
            if (missing && v < current) {
                why.step("stale_hold", v, current, "a configured signal is missing or stale: hold or rise only");
                v = current;
            }

            int busyFloor = busyFloor();
            Bounds.Result bounded = Bounds.apply(current, v, cfg.minReplicas(), cfg.maxReplicas(), busyFloor,
                    cfg.scaleToZero().enabled(), learned.idleLongEnough(cfg, now), learned.workPresent() || burstDue());
            // Reaching zero is always the scale-to-zero rule's doing, even when the proposals already said 0.
            int beforeBounds = bounded.rule() == Bounds.Rule.SCALE_TO_ZERO ? Math.max(v, Math.max(1, cfg.minReplicas())) : v;
            why.step(boundsRule(bounded.rule()), beforeBounds, bounded.replicas(), boundsDetail(bounded.rule(), busyFloor));
            int desired = bounded.replicas();

            Explanation explanation = why.build();
            Reason reason = reason(explanation, desired, noSignals);
            GreenScaleState next = learned.nextState(state, recommendation, sustained, current, desired, now, memory);
            return new Decision(current, desired, reason, explanation, next);
        }

        /** Cooldowns, per-period step limits, the consecutive-step cap, and the burst bypass of all three. */
        private int limitRate(int stabilized) {
            int direction = Integer.signum(stabilized - current);
            if (direction == 0) {
                return stabilized;
            }
            int v = Cooldown.apply(current, stabilized, learned.lastScaleEvent(), cfg.scaleUp().cooldown(),
                    cfg.scaleDown().cooldown(), now);
            why.step("cooldown", stabilized, v, "last scale event " + ago(learned.lastScaleEvent()) + " ago");
            if (v != current) {
                int limited = direction > 0
                        ? Math.min(v, StepLimiter.upLimit(current, cfg.scaleUp().policies(), cfg.scaleUp().select(), learned.scaleEvents(), now))
                        : Math.max(v, StepLimiter.downLimit(current, cfg.scaleDown().policies(), cfg.scaleDown().select(), learned.scaleEvents(), now));
                why.step("step_limit", v, limited, "step policies " + (direction > 0 ? cfg.scaleUp().policies() : cfg.scaleDown().policies())
                        + ", select " + (direction > 0 ? cfg.scaleUp().select() : cfg.scaleDown().select()).name().toLowerCase(java.util.Locale.ROOT));
                v = limited;
            }
            int maxSteps = direction > 0 ? cfg.scaleUp().maxConsecutiveSteps() : cfg.scaleDown().maxConsecutiveSteps();
            Duration settle = direction > 0 ? cfg.scaleUp().settle() : cfg.scaleDown().settle();
            if (v != current && learned.streak().blocks(direction, maxSteps, settle, now)) {
                why.step("consecutive_cap", v, current, maxSteps + " consecutive steps; waiting " + settle.toSeconds() + "s to settle");
                v = current;
            }
            if (direction > 0 && v < stabilized && burstActive()) {
                why.step("burst", v, stabilized, burstDetail());
                v = stabilized;
            }
            return v;
        }

        private boolean burstActive() {
            if (!cfg.burst().enabled()) {
                return false;
            }
            double backlog = obs.value(Signal.QUEUE_BACKLOG);
            if (backlog > 0) {
                double capacity = learned.ready() * learned.perReplicaRate();
                double drainSeconds = capacity > 0 ? backlog / capacity : Double.POSITIVE_INFINITY;
                if (drainSeconds > cfg.burst().backlogDrainTime().toNanos() / 1e9) {
                    return true;
                }
            }
            double p95 = obs.value(Signal.P95_LATENCY);
            return (cfg.latency().enabled() && p95 > cfg.latency().slo().toNanos() / 1e9 * cfg.burst().p95Factor()) || burstDue();
        }

        private String burstDetail() {
            return "backlog would take over " + cfg.burst().backlogDrainTime().toSeconds() + "s to drain, p95 over "
                    + Proposal.fmt(cfg.burst().p95Factor()) + "× SLO, or a recurring burst is due: scale-up limits bypassed";
        }

        private List<Proposal> proposals() {
            List<Proposal> out = new ArrayList<>(5);
            int ready = learned.ready();
            if (cfg.queue().enabled() && obs.fresh(Signal.QUEUE_BACKLOG)) {
                out.add(io.greenscale.policy.propose.QueueProposal.propose(learned.arrivalRate(), learned.smoothedArrivalRate(),
                        obs.value(Signal.COMPLETION_RATE), obs.value(Signal.QUEUE_BACKLOG), ready, learned.startingRemaining(now),
                        learned.perReplicaRate(), headroom(), cfg.queue().drainWindow(learned.coldStart()), learned.coldStart()));
            }
            if (cfg.cpu().enabled() && obs.fresh(Signal.CPU)) {
                out.add(io.greenscale.policy.propose.RatioProposal.propose("cpu", learned.cpu().value(), cfg.cpu().target(),
                        cfg.cpu().tolerance(), ready, current, Vote.FULL));
            }
            if (cfg.latency().enabled() && obs.fresh(Signal.P95_LATENCY)) {
                out.add(io.greenscale.policy.propose.LatencyProposal.propose(obs.value(Signal.P95_LATENCY), cfg.latency().slo(),
                        cfg.latency().tolerance(), cfg.latency().maxStepFactor(), ready, current, latencySettled()));
            }
            if (cfg.forecast().enabled() && cfg.queue().enabled() && obs.fresh(Signal.ARRIVAL_RATE) && learned.arrivals().warmedUp()) {
                out.add(io.greenscale.policy.propose.ForecastProposal.propose(learned.arrivals(), forecastHorizon(),
                        learned.perReplicaRate(), headroom()));
            }
            schedule.ifPresent(p -> out.add(RecurrenceProposal.propose(p, recurrenceLead(p), now, learned.perReplicaRate(), headroom())));
            if (cfg.gpu().enabled() && obs.fresh(Signal.GPU)) {
                out.add(gpuProposal(out, ready));
            }
            return out;
        }

        /**
         * Steady-state headroom: the configured utilisation target, or — when it is auto and an SLO is
         * set — Erlang C over the replicas' slots, leaving twice the mean service time of the SLO for
         * the service itself (at least a quarter of the SLO for the wait).
         */
        private Headroom headroom() {
            if (!cfg.queue().autoUtilization()) {
                return new Headroom.Utilization(cfg.queue().utilizationTarget());
            }
            if (!cfg.latency().enabled()) {
                return new Headroom.Utilization(0.8);
            }
            double slo = cfg.latency().slo().toNanos() / 1e9;
            double meanService = cfg.concurrencyPerReplica() / learned.perReplicaRate();
            double maxWait = Math.max(slo - 2 * meanService, slo / 4);
            return new Headroom.Latency(Duration.ofNanos(Math.round(maxWait * 1e9)), cfg.queue().missBudget(), 0.95,
                    cfg.concurrencyPerReplica(), cfg.maxReplicas(), cfg.queue().sharedQueue());
        }

        /** A confirming GPU votes only when another signal already asks for more than the current count. */
        private Proposal gpuProposal(List<Proposal> others, int ready) {
            boolean confirm = cfg.effectiveGpuRole() == GreenScaleConfig.GpuRole.CONFIRM;
            Proposal p = io.greenscale.policy.propose.RatioProposal.propose("gpu", obs.value(Signal.GPU), cfg.gpu().target(),
                    cfg.gpu().tolerance(), ready, current, confirm ? Vote.CONFIRM : Vote.FULL);
            if (!confirm) {
                return p;
            }
            boolean confirmed = others.stream().anyMatch(o -> o.vote() != Vote.NONE && o.replicas() > current);
            if (confirmed && p.replicas() > current) {
                return p;
            }
            return p.withVote(Vote.NONE, p.detail() + (p.replicas() > current
                    ? "; no other signal asks for more, so the duty cycle alone does not scale"
                    : "; confirms only scale-ups"));
        }

        /** Pods asked for this long before a predicted burst are ready by its earliest expected time. */
        private Duration recurrenceLead(Recurrence.Prediction p) {
            return learned.coldStart().plus(p.tolerance()).plus(cfg.tick());
        }

        /**
         * How long ago a burst of an established schedule ended, while the level stays down; null otherwise.
         * Once that is at least {@code staleAfter} (the signals have had the time to show the end), the
         * scale-down window looks back no further: the lull that follows is the gap between bursts, not a
         * dip inside one, and the next burst's capacity comes back on time by prediction.
         */
        private Duration sinceRecurringBurst() {
            var r = learned.recurrence();
            if (schedule.isEmpty() || r.high() || r.endedAt() == null) {
                return null;
            }
            return Duration.between(r.endedAt(), now);
        }

        /** A predicted burst is work on its way: no scaling to zero just before it. */
        private boolean burstDue() {
            return schedule.filter(p -> RecurrenceProposal.due(p, recurrenceLead(p), now)).isPresent();
        }

        private Duration forecastHorizon() {
            Duration configured = cfg.forecast().horizon();
            return configured != null ? configured : learned.coldStart().plus(cfg.queue().drainTarget());
        }

        /**
         * Latency reflects the capacity only once new pods are ready and have served a latency window,
         * and once no backlog has been drained for a window (its jobs finish late long after it is gone):
         * it is the guard for shortfalls the queue does not show.
         */
        private boolean latencySettled() {
            if (learned.starting() > 0) {
                return false;
            }
            Duration settle = cfg.latency().settle();
            Instant up = learned.lastScaleUp();
            Instant backlog = learned.lastBacklogAt();
            return (up == null || !now.isBefore(up.plus(learned.coldStart()).plus(settle)))
                    && (backlog == null || !now.isBefore(backlog.plus(settle)));
        }

        private boolean configuredSignalMissing() {
            if (cfg.queue().enabled() && (!obs.fresh(Signal.QUEUE_BACKLOG)
                    || !(obs.fresh(Signal.ARRIVAL_RATE) || obs.fresh(Signal.COMPLETION_RATE)))) {
                return true;
            }
            return (cfg.cpu().enabled() && !obs.fresh(Signal.CPU))
                    || (cfg.gpu().enabled() && !obs.fresh(Signal.GPU))
                    || (cfg.latency().enabled() && !obs.fresh(Signal.P95_LATENCY));
        }

        private int busyFloor() {
            double inFlight = obs.value(Signal.IN_FLIGHT);
            if (Double.isNaN(inFlight) || inFlight <= 0) {
                return 0;
            }
            return (int) Math.ceil(inFlight / cfg.concurrencyPerReplica() - 1e-9);
        }

        private void noteSignals() {
            if (cfg.queue().enabled() || cfg.scaleToZero().enabled()) {
                why.signal(obs.note(Signal.QUEUE_BACKLOG, Double.NaN));
                why.signal(obs.note(Signal.ARRIVAL_RATE, learned.arrivals().isEmpty() ? Double.NaN : learned.arrivals().level()));
                why.signal(obs.note(Signal.COMPLETION_RATE, Double.NaN));
            }
            why.signal(obs.note(Signal.IN_FLIGHT, Double.NaN));
            if (cfg.cpu().enabled()) {
                why.signal(obs.note(Signal.CPU, learned.cpu().isEmpty() ? Double.NaN : learned.cpu().value()));
            }
            if (cfg.gpu().enabled()) {
                why.signal(obs.note(Signal.GPU, Double.NaN));
            }
            if (cfg.latency().enabled()) {
                why.signal(obs.note(Signal.P95_LATENCY, Double.NaN));
            }
            why.signal(obs.note(Signal.READY_REPLICAS, Double.NaN));
            why.signal(obs.note(Signal.STARTING_REPLICAS, Double.NaN));
            if (cfg.queue().enabled()) {
                why.signal(new SignalNote("per_replica_rate", null, learned.perReplicaRate(), null, "learned",
                        Double.isNaN(learned.learnedRate()) ? "seed from configuration" : "jobs/s per busy replica"));
            }
            why.signal(new SignalNote("cold_start", null, learned.coldStart().toMillis() / 1000.0, null, "learned",
                    Double.isNaN(state.coldStartSeconds()) && Double.isNaN(learned.learnedColdStart()) ? "seed from configuration" : "seconds to ready"));
        }

        private String ago(Instant t) {
            return t == null ? "never" : Proposal.fmt(Duration.between(t, now).toMillis() / 1000.0) + "s";
        }

        private static String boundsRule(Bounds.Rule rule) {
            return switch (rule) {
                case NONE -> "bounds";
                case BUSY_FLOOR -> "busy_floor";
                case MIN_REPLICAS -> "min_replicas";
                case MAX_REPLICAS -> "max_replicas";
                case SCALE_TO_ZERO -> "scale_to_zero";
                case ACTIVATION -> "activation";
            };
        }

        private String boundsDetail(Bounds.Rule rule, int busyFloor) {
            return switch (rule) {
                case NONE -> "";
                case BUSY_FLOOR -> "in-flight work needs " + busyFloor + " replicas";
                case MIN_REPLICAS -> "minReplicas " + cfg.minReplicas();
                case MAX_REPLICAS -> "maxReplicas " + cfg.maxReplicas();
                case SCALE_TO_ZERO -> "idle for " + cfg.scaleToZero().idleAfter().toSeconds() + "s";
                case ACTIVATION -> "work appeared while at zero";
            };
        }

        private Reason reason(Explanation e, int desired, boolean noSignals) {
            String rule = e.clampedBy();
            if (rule == null) {
                if (noSignals) {
                    return Reason.NO_SIGNALS;
                }
                return desired > current ? Reason.SCALE_UP : desired < current ? Reason.SCALE_DOWN : Reason.STEADY;
            }
            return switch (rule) {
                case "tolerance" -> Reason.WITHIN_TOLERANCE;
                case "stabilization" -> Reason.STABILIZED;
                case "cooldown" -> Reason.COOLDOWN;
                case "step_limit" -> Reason.STEP_LIMIT;
                case "consecutive_cap" -> Reason.CONSECUTIVE_STEP_CAP;
                case "burst" -> Reason.BURST;
                case "stale_hold" -> Reason.STALE_HOLD;
                case "busy_floor" -> Reason.BUSY_FLOOR;
                case "min_replicas" -> Reason.MIN_REPLICAS;
                case "max_replicas" -> Reason.MAX_REPLICAS;
                case "scale_to_zero" -> Reason.SCALE_TO_ZERO;
                case "activation" -> Reason.ACTIVATION;
                default -> throw new IllegalStateException("unmapped rule " + rule);
            };
        }
    }
}
