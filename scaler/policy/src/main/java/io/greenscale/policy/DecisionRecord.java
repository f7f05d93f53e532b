package io.greenscale.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a run directory's {@code decisions.jsonl}: a decision with where and when it was
 * taken. The daemon, the replay command and the simulator all write this record (as JSON with
 * snake_case names: {@code t_s}, {@code observed_replicas}, …), and the analyser reads it back.
 *
 * @param tS               seconds since the run started
 * @param time             the decision instant, ISO-8601
 * @param target           the scale target ({@code namespace/kind/name}) or the scenario name
 * @param policy           the policy's name
 * @param mode             {@code active}, {@code dry-run}, {@code shadow}, {@code replay} or {@code simulated}
 * @param observedReplicas shadow mode: the replica count the live HPA chose; null otherwise
 * @param applied          whether the decision was written to the target
 * @param proposals        each proposal's replica count by source ({@code queue}, {@code cpu}, …), from {@code why}
 */
public record DecisionRecord(
        double tS,
        String time,
        String target,
        String policy,
        String mode,
        int current,
        int desired,
        String reason,
        String clampedBy,
        Integer observedReplicas,
        boolean applied,
        Map<String, Integer> proposals,
        Explanation why) {

    public DecisionRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(why, "why");
        proposals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(proposals));
    }

    public static DecisionRecord of(Decision d, double tS, java.time.Instant at, String target, String policy,
                                    String mode, Integer observedReplicas, boolean applied) {
        Map<String, Integer> proposals = new LinkedHashMap<>();
        d.why().proposals().forEach(p -> proposals.put(p.source(), p.replicas()));
        return new DecisionRecord(tS, at.toString(), target, policy, mode, d.current(), d.desired(),
                d.reason().name(), d.why().clampedBy(), observedReplicas, applied, proposals, d.why());
    }
}
