package io.greenscale.policy.hpa.calc;

/**
 * What a value-based metric proposes (Resource AverageValue, Pods, Object, External).
 *
 * @param usageMilli the current value as upstream reports it in the HPA status: the per-pod
 *                   average, the object's value, or the sum of the external series, milli-units
 */
public record UsageProposal(int replicas, long usageMilli, Outcome outcome) {}
