package io.greenscale.daemon.replay;

import io.greenscale.policy.Decision;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Policy;
import io.greenscale.policy.PolicyState;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a policy over a recorded signal timeline, one decision per row, with each row's
 * readings observed at that row's time. Where the timeline records no replica counts
 * ({@code current}, {@code ready}, {@code starting}), the target is assumed to follow each
 * decision at once; where it does, the recorded counts are what the policy sees.
 */
public final class Replay {
    private Replay() {}

    public static List<DecisionRecord> run(Policy policy, SignalTimeline timeline, int initialReplicas, Instant start) {
        List<DecisionRecord> out = new ArrayList<>(timeline.rows().size());
        PolicyState state = policy.initialState();
        int current = initialReplicas;
        for (SignalTimeline.Row row : timeline.rows()) {
            Instant now = start.plus(Duration.ofNanos(Math.round(row.tSeconds() * 1e9)));
            current = recordedCurrent(row, current);
            Signals.Builder b = Signals.builder(current);
            for (Signal s : policy.inputs()) {
                Double v = row.values().get(s);
                if (v != null) {
                    b.set(s, v, now);
                } else {
                    b.absent(s, timeline.hasColumnFor(s) ? "empty cell at line " + row.line() : "not in the timeline");
                }
            }
            Decision d = policy.decide(b.build(), state, now);
            state = d.next();
            out.add(DecisionRecord.of(d, row.tSeconds(), now, "replay", policy.name(), "replay", null, d.changes()));
            if (!timeline.recordsReplicas()) {
                current = d.desired();
            }
        }
        return out;
    }

    private static int recordedCurrent(SignalTimeline.Row row, int followed) {
        if (row.current().isPresent()) {
            return row.current().getAsInt();
        }
        Double ready = row.values().get(Signal.READY_REPLICAS);
        Double starting = row.values().get(Signal.STARTING_REPLICAS);
        if (ready != null || starting != null) {
            return (int) Math.round((ready == null ? 0 : ready) + (starting == null ? 0 : starting));
        }
        return followed;
    }
}
