package io.greenscale.policy.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One observed value with the time it was observed, or the reason there is none. */
public sealed interface Reading permits Reading.Present, Reading.Absent {

    static Reading of(double value, Instant observedAt) {
        return new Present(value, observedAt);
    }

    static Reading absent(String reason) {
        return new Absent(reason);
    }

    /** Not collected at all: the default for a signal nobody filled in. */
    Absent NOT_COLLECTED = new Absent("not collected");

    /** True when a value is present and no older than {@code maxAge} at {@code now}. */
    boolean isFresh(Instant now, Duration maxAge);

    record Present(double value, Instant observedAt) implements Reading {
        public Present {
            Objects.requireNonNull(observedAt, "observedAt");
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("a reading must be finite, got " + value + "; use Reading.absent(reason)");
            }
        }

        public Duration age(Instant now) {
            Duration age = Duration.between(observedAt, now);
            return age.isNegative() ? Duration.ZERO : age;
        }

        @Override
        public boolean isFresh(Instant now, Duration maxAge) {
            return age(now).compareTo(maxAge) <= 0;
        }
    }

    record Absent(String reason) implements Reading {
        public Absent {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isFresh(Instant now, Duration maxAge) {
            return false;
        }
    }
}
