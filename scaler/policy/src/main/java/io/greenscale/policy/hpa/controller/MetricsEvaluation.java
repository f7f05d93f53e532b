package io.greenscale.policy.hpa.controller;

import java.util.List;

/**
 * All metrics of one sync combined ({@code horizontal.go: computeReplicasForMetrics}).
 *
 * @param replicas     the largest valid proposal, or −1 when the controller must not scale
 *                     (every metric failed, or some failed and the rest propose a scale-down)
 * @param winner       the proposal that set {@code replicas}, null when none did
 * @param firstFailure the first failing metric, whose reason becomes the ScalingActive condition
 */
public record MetricsEvaluation(int replicas, List<MetricProposal> proposals, MetricProposal winner, MetricProposal firstFailure) {

    public MetricsEvaluation {
        proposals = List.copyOf(proposals);
    }

    public boolean blocked() {
        return replicas < 0;
    }

    public boolean anyFailed() {
        return firstFailure != null;
    }
}
