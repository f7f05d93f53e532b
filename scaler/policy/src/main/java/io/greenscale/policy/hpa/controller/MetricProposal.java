package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.calc.Outcome;
import io.greenscale.policy.hpa.spec.MetricSpec;

/**
 * One metric's result in a sync: a replica proposal, or the failure with the condition reason
 * upstream sets ({@code FailedGetResourceMetric}, …, {@code InvalidMetricSourceType}).
 *
 * @param value   the current value as the HPA status reports it, in natural units: utilisation in
 *                percent of request, other values in units (milli ÷ 1000); null on failure
 * @param current a human reading of the current value ("utilization 50% of request (target 30%)")
 */
public record MetricProposal(MetricSpec spec, int replicas, Outcome outcome, Double value, String current,
                             String failureReason, String error) {

    public static MetricProposal of(MetricSpec spec, int replicas, Outcome outcome, double value, String current) {
        return new MetricProposal(spec, replicas, outcome, value, current, null, null);
    }

    public static MetricProposal failed(MetricSpec spec, String failureReason, String error) {
        return new MetricProposal(spec, -1, null, null, null, failureReason, error);
    }

    public boolean failed() {
        return failureReason != null;
    }
}
