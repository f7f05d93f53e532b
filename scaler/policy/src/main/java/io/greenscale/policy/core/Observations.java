package io.greenscale.policy.core;

import io.greenscale.policy.Explanation.SignalNote;
import io.greenscale.policy.propose.Proposal;
import io.greenscale.policy.signal.Reading;
import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;

/**
 * This tick's readings, resolved once: each signal is fresh (present and no older than
 * {@code staleAfter}), stale, or absent, with its age.
 */
final class Observations {
    private final Signals signals;
    private final Instant now;
    private final EnumMap<Signal, Reading.Present> fresh = new EnumMap<>(Signal.class);

    Observations(Signals signals, Instant now, Duration staleAfter) {
        this.signals = signals;
        this.now = now;
        for (var e : signals.readings().entrySet()) {
            if (e.getValue() instanceof Reading.Present p && p.isFresh(now, staleAfter)) {
                fresh.put(e.getKey(), p);
            }
        }
    }

    boolean fresh(Signal s) {
        return fresh.containsKey(s);
    }

    /** The fresh value, or NaN. */
    double value(Signal s) {
        Reading.Present p = fresh.get(s);
        return p == null ? Double.NaN : p.value();
    }

    Instant observedAt(Signal s) {
        return fresh.get(s).observedAt();
    }

    int count(Signal s, int fallback) {
        Reading.Present p = fresh.get(s);
        return p == null ? fallback : (int) Math.max(0, Math.round(p.value()));
    }

    /** The explanation's note for {@code s}: raw value, optional smoothed value, age and status. */
    SignalNote note(Signal s, double smoothed) {
        Double smooth = Double.isNaN(smoothed) ? null : smoothed;
        return switch (signals.get(s)) {
            case Reading.Present p -> {
                double age = p.age(now).toMillis() / 1000.0;
                boolean ok = fresh.containsKey(s);
                yield new SignalNote(s.key(), p.value(), smooth, age, ok ? "ok" : "stale",
                        ok ? null : "last seen " + Proposal.fmt(age) + "s ago");
            }
            case Reading.Absent a -> new SignalNote(s.key(), null, smooth, null, "absent", a.reason());
        };
    }
}
