package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How faithful the simulator is: a simulated run beside a real (experiment) run of the same
 * scenario and policy, compared on p95 latency, replica-seconds and the replica timeline.
 *
 * @param commonSeconds  seconds both runs recorded replica counts for
 * @param replicaMae     mean absolute difference of the replicas held, over the common seconds
 * @param replicaRmse    root-mean-square difference of the same
 */
public record Fidelity(
        String simulated,
        String real,
        String scenario,
        String policy,
        Double simulatedP95Millis,
        Double realP95Millis,
        Double simulatedReplicaSeconds,
        Double realReplicaSeconds,
        long commonSeconds,
        Double replicaMae,
        Double replicaRmse) {

    /** (simulated − real) / real for p95 latency; null when either is missing. */
    public Double p95RelativeError() {
        return relative(simulatedP95Millis, realP95Millis);
    }

    public Double replicaSecondsRelativeError() {
        return relative(simulatedReplicaSeconds, realReplicaSeconds);
    }

    /**
     * Pairs each experiment run with the simulated run of the same scenario and policy (the
     * lowest seed where there are several) and compares them.
     */
    public static List<Fidelity> pairs(List<RunData> runs, List<Scorecard> cards) {
        Map<String, RunData> byName = new HashMap<>();
        runs.forEach(r -> byName.put(r.name(), r));
        return cards.stream().filter(c -> "experiment".equals(c.kind()) && c.scenario() != null && c.policy() != null)
                .flatMap(real -> cards.stream()
                        .filter(s -> "simulation".equals(s.kind()) && real.scenario().equals(s.scenario())
                                && real.policy().equals(s.policy()))
                        .min(Comparator.comparing(Scorecard::seed, Comparator.nullsLast(Comparator.naturalOrder())))
                        .map(sim -> of(byName.get(sim.run()), sim, byName.get(real.run()), real)).stream())
                .toList();
    }

    public static Fidelity of(RunData sim, Scorecard simCard, RunData real, Scorecard realCard) {
        Map<Long, Integer> simHeld = held(sim.seconds());
        long n = 0;
        double abs = 0;
        double squares = 0;
        for (TimeseriesRow r : real.seconds()) {
            Integer s = simHeld.get(r.tS());
            Integer h = Replicas.held(r);
            if (s != null && h != null) {
                n++;
                abs += Math.abs(s - h);
                squares += (double) (s - h) * (s - h);
            }
        }
        return new Fidelity(simCard.run(), realCard.run(), realCard.scenario(), realCard.policy(),
                simCard.p95Millis(), realCard.p95Millis(), simCard.replicaSeconds(), realCard.replicaSeconds(),
                n, n == 0 ? null : abs / n, n == 0 ? null : Math.sqrt(squares / n));
    }

    private static Map<Long, Integer> held(List<TimeseriesRow> seconds) {
        Map<Long, Integer> m = new HashMap<>();
        seconds.forEach(r -> {
            Integer h = Replicas.held(r);
            if (h != null) {
                m.put(r.tS(), h);
            }
        });
        return m;
    }

    private static Double relative(Double simulated, Double real) {
        return simulated == null || real == null || real == 0 ? null : (simulated - real) / real;
    }
}
