package io.greenscale.daemon.target;

import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.signal.Tick;
import java.util.Map;

/** Observes through another target and writes nothing: dry-run, shadow and follower mode. */
public record DryRunTarget(ScaleTarget delegate, String why) implements ScaleTarget {

    @Override
    public Observation observe(Tick tick) throws SourceException {
        return delegate.observe(tick);
    }

    @Override
    public WriteResult scale(Observation seen, int desired, Map<String, Integer> deletionCosts, Tick tick) {
        return desired == seen.specReplicas() ? new WriteResult.Unchanged() : new WriteResult.Withheld(why);
    }
}
