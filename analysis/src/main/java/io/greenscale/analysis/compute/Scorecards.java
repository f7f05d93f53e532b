package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import io.greenscale.loadgen.record.TimeseriesRow;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes scorecards from runs. Pure: the same runs give the same figures, whether they came
 * from the simulator's memory or from run directories on disk.
 *
 * <pre>{@code
 * List<Scorecard> cards = Scorecards.of(runs, Overrides.NONE);   // with cost ÷ oracle
 * Scorecard one = Scorecards.of(run, new Overrides(2.5, null, null));
 * }</pre>
 */
public final class Scorecards {
    /** The policy whose cost every other run's is divided by. */
    public static final String ORACLE = "oracle";

    private Scorecards() {}

    /** Every run's scorecard, with cost ÷ oracle where an oracle run of the same scenario and seed is among them. */
    public static List<Scorecard> of(List<RunData> runs, Overrides overrides) {
        // Each run's figures are independent: a comparison's hundreds of runs share the cores.
        List<Scorecard> cards = runs.parallelStream().map(r -> of(r, overrides)).toList();
        return cards.stream().map(c -> c.withCostVsOracle(ratioToOracle(c, cards))).toList();
    }

    /** One run's scorecard; cost ÷ oracle is null (there is nothing to compare with). */
    public static Scorecard of(RunData run, Overrides overrides) {
        RunFacts facts = RunFacts.of(run).with(overrides);
        List<TimeseriesRow> s = run.seconds();
        Latency latency = Latency.of(run, facts.sloP95Millis());
        Usage usage = Usage.of(s, facts.gpusPerReplica(), facts.pricePerGpuHour(), facts.pricePerReplicaHour());
        List<ScaleEvent> events = ScaleEvents.of(run, facts.isShadow() || isShadowLog(run));
        Long dropped = sum(s, TimeseriesRow::dropped);
        Long interrupted = sum(s, TimeseriesRow::interrupted);
        Long errors = sum(s, TimeseriesRow::errors);
        Long unfinished = unfinished(s);
        Long completions = sum(s, TimeseriesRow::completions);
        long completed = latency.source() == Scorecard.LatencySource.NONE && completions != null ? completions : latency.completed();
        Double attainment = attainment(latency, completions, orZero(dropped) + orZero(interrupted) + orZero(errors) + orZero(unfinished));
        return new Scorecard(run.name(), facts.kind(), facts.scenario(), facts.policy(), facts.seed(),
                facts.sloP95Millis(), facts.durationSeconds(), sum(s, TimeseriesRow::arrivals), completed, attainment,
                Violations.seconds(s, facts.sloP95Millis()),
                latency.p50Millis(), latency.p95Millis(), latency.p99Millis(), latency.source(),
                usage.replicaSeconds(), usage.gpuHours(), usage.cost(), null,
                events == null ? null : (long) events.size(), events == null ? null : ScaleEvents.reversals(events),
                ScaleEvents.reactSeconds(events, facts.firstLoadStepSeconds()),
                interrupted, dropped, errors, unfinished);
    }

    /** A decision log written beside a live HPA (mode shadow) describes decisions nobody applied. */
    static boolean isShadowLog(RunData run) {
        return run.decisions().stream().anyMatch(d -> "shadow".equals(d.mode()));
    }

    private static Double attainment(Latency latency, Long completions, long misses) {
        if (latency.withinSlo() == null) {
            return null;
        }
        if (latency.source() == Scorecard.LatencySource.NONE && completions != null && completions > 0) {
            return null; // requests completed, but how fast is unknown
        }
        long total = latency.completed() + misses;
        return total == 0 ? null : (double) latency.withinSlo() / total;
    }

    private static Double ratioToOracle(Scorecard c, List<Scorecard> all) {
        if (c.scenario() == null) {
            return null;
        }
        Scorecard oracle = all.stream().filter(o -> ORACLE.equals(o.policy()) && c.scenario().equals(o.scenario())
                && Objects.equals(c.seed(), o.seed())).findFirst().orElse(null);
        if (oracle == null) {
            return null;
        }
        if (c.cost() != null && oracle.cost() != null) {
            return oracle.cost() == 0 ? null : c.cost() / oracle.cost();
        }
        if (c.replicaSeconds() != null && oracle.replicaSeconds() != null && oracle.replicaSeconds() > 0) {
            return c.replicaSeconds() / oracle.replicaSeconds();
        }
        return null;
    }

    /** Requests still queued or in flight in the last second. */
    private static Long unfinished(List<TimeseriesRow> s) {
        if (s.isEmpty()) {
            return null;
        }
        TimeseriesRow last = s.getLast();
        return last.backlog() == null && last.inFlight() == null ? null : orZero(last.backlog()) + orZero(last.inFlight());
    }

    private static Long sum(List<TimeseriesRow> s, Function<TimeseriesRow, Long> column) {
        long total = 0;
        boolean any = false;
        for (TimeseriesRow r : s) {
            Long v = column.apply(r);
            if (v != null) {
                total += v;
                any = true;
            }
        }
        return any ? total : null;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
