package io.greenscale.loadgen.cli;

import io.greenscale.policy.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people type them: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d = Durations.parse(value);
        if (d == null || d.isNegative()) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 250ms, 30s, 5m or 1h30m");
        }
        return d;
    }
}
