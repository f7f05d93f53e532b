package io.greenscale.policy.hpa.calc;

import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sorts pods into ignored, unready, missing and ready ({@code replica_calculator.go: groupPods}),
 * checked in that order. The CPU-only readiness rules stop a pod that is still warming up (CPU
 * initialisation period) or that has never been ready (initial readiness delay) from skewing
 * the average. All time comparisons are strict, as upstream's {@code Before}/{@code After}.
 */
public final class PodGrouping {
    private PodGrouping() {}

    /**
     * @param succeededIsTerminal true since 2026 ({@code podutil.IsPodTerminal}, PR #141302); before,
     *                            only Failed pods were ignored
     */
    public record Settings(Duration cpuInitializationPeriod, Duration initialReadinessDelay, boolean succeededIsTerminal) {
        public Settings {
            Objects.requireNonNull(cpuInitializationPeriod, "cpuInitializationPeriod");
            Objects.requireNonNull(initialReadinessDelay, "initialReadinessDelay");
        }
    }

    /**
     * @param resource the resource name for Resource metrics ("cpu" enables the readiness rules), or
     *                 "" for Pods metrics
     */
    public static PodGroups group(List<PodSnapshot> pods, Map<String, MetricSample> metrics, String resource,
                                  Settings settings, Instant now) {
        Set<String> unready = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Set<String> ignored = new HashSet<>();
        int ready = 0;
        for (PodSnapshot pod : pods) {
            if (pod.deleted() || pod.phase() == Phase.FAILED || (settings.succeededIsTerminal() && pod.phase() == Phase.SUCCEEDED)) {
                ignored.add(pod.name());
                continue;
            }
            if (pod.phase() == Phase.PENDING) {
                unready.add(pod.name());
                continue;
            }
            MetricSample sample = metrics.get(pod.name());
            if (sample == null) {
                missing.add(pod.name());
                continue;
            }
            if ("cpu".equals(resource) && cpuUnready(pod, sample, settings, now)) {
                unready.add(pod.name());
                continue;
            }
            ready++;
        }
        return new PodGroups(ready, unready, missing, ignored);
    }

    private static boolean cpuUnready(PodSnapshot pod, MetricSample sample, Settings settings, Instant now) {
        ReadyCondition condition = pod.ready();
        if (condition == null || pod.startTime() == null) {
            return true;
        }
        if (pod.startTime().plus(settings.cpuInitializationPeriod()).isAfter(now)) {
            // Still initialising: the sample counts only if the pod is ready and one whole metric
            // window was collected after its last readiness change.
            return !condition.status() || sample.timestamp().isBefore(condition.lastTransition().plus(sample.window()));
        }
        // Initialised: ignore only a pod that is unready and has never been ready, i.e. whose only
        // transition came within the readiness delay after start. A pod that turned unready later counts.
        return !condition.status() && pod.startTime().plus(settings.initialReadinessDelay()).isAfter(condition.lastTransition());
    }
}
