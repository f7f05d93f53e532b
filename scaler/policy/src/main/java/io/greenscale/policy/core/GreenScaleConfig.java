package io.greenscale.policy.core;

import io.greenscale.policy.limit.SelectPolicy;
import io.greenscale.policy.limit.StepPolicy;
import java.time.Duration;
import java.util.List;

/**
 * GreenScale's policy configuration, validated once ({@link GreenScaleConfigReader}) and then
 * trusted. Every knob, its unit and its default are documented in
 * {@code scaler/policy/examples/policy.yaml}.
 *
 * @param tick                  how often the loop decides
 * @param staleAfter            a reading older than this counts as missing
 * @param coldStart             seed for the time from a scale-up to a ready pod; learned online from the ready count
 * @param concurrencyPerReplica jobs or requests one replica works on at once (busy floor, rate learning)
 * @param tolerance             deadband: a recommendation within this fraction of the current count is not acted on
 */
public record GreenScaleConfig(
        Duration tick,
        int minReplicas,
        int maxReplicas,
        Duration staleAfter,
        Duration coldStart,
        int concurrencyPerReplica,
        double tolerance,
        Queue queue,
        Cpu cpu,
        Gpu gpu,
        Latency latency,
        Forecast forecast,
        Recurring recurrence,
        ScaleUp scaleUp,
        ScaleDown scaleDown,
        Burst burst,
        ScaleToZero scaleToZero) {

    /**
     * Backlog drain: {@code replicas = (arrivals + backlog / drainWindow) / (perReplicaRate × utilizationTarget)},
     * refined for pods that are still starting, with {@link #drainWindow(Duration)} from the drain target and the cold start.
     *
     * @param surgePayback      a pod started to drain a backlog should work at least this many cold starts
     *                          before the backlog is gone: new pods get {@code max(drainTarget, surgePayback × coldStart)}
     *                          to drain it (0 = drainTarget alone)
     * @param perReplicaRate    seed for the jobs per second one busy replica completes; learned online
     * @param utilizationTarget steady-state busy fraction; NaN = auto: from the latency SLO by queueing
     *                          theory (at most {@code missBudget} of jobs wait longer than the SLO leaves
     *                          after service), or 0.8 without an SLO
     * @param sharedQueue       true for a work queue any replica pulls from; false behind a load balancer,
     *                          where each replica queues its own share (sizes the auto headroom)
     * @param learnAlpha        EWMA weight of each new per-replica rate sample (0 = never learn)
     * @param learnMinFactor    learned rate floor as a multiple of the seed (guards against bad samples)
     * @param learnMaxFactor    learned rate ceiling as a multiple of the seed
     */
    public record Queue(boolean enabled, Duration drainTarget, double surgePayback, double perReplicaRate, double utilizationTarget,
                        double missBudget, boolean sharedQueue, double learnAlpha, double learnMinFactor, double learnMaxFactor) {

        public boolean autoUtilization() {
            return Double.isNaN(utilizationTarget);
        }

        /** How long new pods get to drain a backlog once ready, for a given cold start. */
        public Duration drainWindow(Duration coldStart) {
            Duration payback = Duration.ofNanos(Math.round(coldStart.toNanos() * surgePayback));
            return payback.compareTo(drainTarget) > 0 ? payback : drainTarget;
        }
    }

    /** CPU (fraction of request, averaged over ready pods), smoothed by an EWMA that rises faster than it falls. */
    public record Cpu(boolean enabled, double target, double alphaUp, double alphaDown, double tolerance) {}

    /** How the GPU duty cycle takes part in fusion. */
    public enum GpuRole {
        /** {@link #CONFIRM} when another demand signal is enabled, {@link #FULL} when the GPU is the only one. */
        AUTO,
        /** Adds to a scale-up another signal asks for; never drives alone (a duty cycle pegs at 100 % early). */
        CONFIRM,
        /** Votes like CPU: the HPA ratio, up and down. */
        FULL
    }

    public record Gpu(boolean enabled, double target, double tolerance, GpuRole role) {}

    /**
     * p95 latency against the SLO: may only add capacity, and only once the last scale-up has had
     * {@code settle} to show in the latency window after its pods became ready.
     */
    public record Latency(boolean enabled, Duration slo, double tolerance, double maxStepFactor, Duration settle) {}

    /**
     * Holt's linear trend on the arrival rate; votes for the capacity needed one horizon ahead
     * (add-only). An observation more than {@code shiftThreshold} typical errors off the forecast
     * is a level shift (a step), which restarts the trend instead of extrapolating it.
     *
     * @param horizon how far ahead; null = the learned cold start plus the queue's drain target (new pods
     *                help only once ready, and what builds up until then must still drain)
     */
    public record Forecast(boolean enabled, double alpha, double beta, double shiftThreshold, Duration horizon) {}

    /**
     * Bursts that recur on a schedule ({@link io.greenscale.policy.signal.Recurrence}): capacity for the last
     * burst's level is made ready one cold start (plus the timing tolerance and a tick) before the next is due.
     *
     * @param minRise       an onset lifts the arrival level to at least this multiple of the level between bursts
     * @param confirmations intervals that must agree before the next onset is predicted
     * @param tolerance     intervals agree within this fraction of the period (at least three ticks)
     */
    public record Recurring(boolean enabled, double minRise, int confirmations, double tolerance) {}

    public record ScaleUp(Duration stabilizationWindow, Duration cooldown, SelectPolicy select, List<StepPolicy> policies,
                          int maxConsecutiveSteps, Duration settle) {
        public ScaleUp {
            policies = List.copyOf(policies);
        }
    }

    public record ScaleDown(Duration stabilizationWindow, Duration cooldown, SelectPolicy select, List<StepPolicy> policies,
                            int maxConsecutiveSteps, Duration settle) {
        public ScaleDown {
            policies = List.copyOf(policies);
        }
    }

    /**
     * Bypass scale-up step limits and cooldowns when the backlog would take longer than
     * {@code backlogDrainTime} to drain at the ready capacity, or p95 exceeds the SLO × {@code p95Factor}.
     */
    public record Burst(boolean enabled, Duration backlogDrainTime, double p95Factor) {}

    /** Scale to zero after {@code idleAfter} with no backlog, nothing in flight and no arrivals. */
    public record ScaleToZero(boolean enabled, Duration idleAfter) {}

    /** True when some signal other than the GPU can ask for capacity. */
    boolean hasDemandSignalBesidesGpu() {
        return queue.enabled() || cpu.enabled() || latency.enabled();
    }

    GpuRole effectiveGpuRole() {
        if (gpu.role() != GpuRole.AUTO) {
            return gpu.role();
        }
        return hasDemandSignalBesidesGpu() ? GpuRole.CONFIRM : GpuRole.FULL;
    }

    /** The longest history any rule looks back over, so state can forget older entries. */
    Duration longestMemory() {
        Duration longest = scaleDown.stabilizationWindow();
        for (Duration d : List.of(scaleUp.stabilizationWindow(), scaleUp.settle(), scaleDown.settle(),
                scaleUp.cooldown(), scaleDown.cooldown())) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        for (StepPolicy p : scaleUp.policies()) {
            if (p.period().compareTo(longest) > 0) {
                longest = p.period();
            }
        }
        for (StepPolicy p : scaleDown.policies()) {
            if (p.period().compareTo(longest) > 0) {
                longest = p.period();
            }
        }
        return longest;
    }
}
