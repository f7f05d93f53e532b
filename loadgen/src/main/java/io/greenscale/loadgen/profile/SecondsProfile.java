package io.greenscale.loadgen.profile;

import java.time.Duration;

/**
 * A profile whose rate is computed in seconds: {@link #rateAt(Duration)} follows from
 * {@link #rateAtSeconds(double)}, which arrival generation calls without allocating.
 */
interface SecondsProfile extends Profile {

    @Override
    double rateAtSeconds(double sinceStartSeconds);

    @Override
    default double rateAt(Duration sinceStart) {
        return rateAtSeconds(Seconds.of(sinceStart));
    }
}
