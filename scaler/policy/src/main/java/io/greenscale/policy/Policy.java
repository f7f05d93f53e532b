package io.greenscale.policy;

import io.greenscale.policy.signal.Signal;
import io.greenscale.policy.signal.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A replica-count policy: GreenScale's own, or an emulation of an anchor (HPA, KEDA). The same
 * interface serves the daemon's control loop, the daemon's shadow mode, the replay command and
 * the simulator, so all of them run the same decision code.
 *
 * <p>{@link #decide} is a pure function: it reads no clock, does no I/O and logs nothing. Its
 * result carries the next state.
 */
public interface Policy {

    /** A stable name for logs, reports and metric labels, e.g. {@code greenscale}, {@code hpa-cpu70}. */
    String name();

    /** How often the caller should call {@link #decide}: the tick, HPA's sync period, KEDA's polling interval. */
    Duration syncPeriod();

    /** The signals this policy reads, so callers gather only those and know which ones are configured. */
    Set<Signal> inputs();

    /** True when the policy reads {@link Signals#pods()} (the HPA emulation does). */
    default boolean readsPods() {
        return false;
    }

    /** The state before the first tick. */
    PolicyState initialState();

    /** One tick for one target. */
    Decision decide(Signals signals, PolicyState state, Instant now);
}
