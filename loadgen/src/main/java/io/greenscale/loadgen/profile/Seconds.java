package io.greenscale.loadgen.profile;

import java.time.Duration;

/** Conversions between {@link Duration} and seconds as a double, the unit arrival generation works in. */
final class Seconds {
    private Seconds() {}

    static double of(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** A duration as written in profile files: {@code 30s}, {@code 5m}, {@code 250ms}. */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000 != 0) {
            return (nanos / 1e9) + "s";
        }
        return io.greenscale.policy.config.Durations.format(d);
    }

    static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }

    static void requireRate(double ratePerSecond, String what) {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException(what + " must be a finite rate >= 0, was " + ratePerSecond);
        }
    }
}
