package io.greenscale.policy.hpa.calc;

/**
 * What a Resource metric with a Utilization target proposes.
 *
 * @param utilization     current utilisation, percent of request (before rebalancing)
 * @param rawAverageMilli current average usage per matched pod, milli-units (before rebalancing)
 */
public record ResourceProposal(int replicas, int utilization, long rawAverageMilli, Outcome outcome) {}
