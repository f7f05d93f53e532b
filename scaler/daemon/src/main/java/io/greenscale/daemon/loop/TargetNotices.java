package io.greenscale.daemon.loop;

import io.greenscale.daemon.config.TargetRef;
import io.greenscale.daemon.observe.EventSink;
import io.greenscale.daemon.policy.Guard;
import io.greenscale.daemon.signal.SourceException;
import io.greenscale.daemon.target.Observation;
import io.greenscale.policy.Reason;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and Events for conditions that last many ticks (a source down, an HPA in the way, a pause)
 * when they begin and when they end, not on every tick, so that a long outage is two log lines
 * and two Events rather than thousands.
 */
final class TargetNotices {
    private static final Logger LOG = LoggerFactory.getLogger(TargetNotices.class);

    private final TargetRef ref;
    private final EventSink events;
    private String observeFailure;
    private Reason held;
    private boolean shadowWithoutHpa;

    TargetNotices(TargetRef ref, EventSink events) {
        this.ref = ref;
        this.events = events;
    }

    void observeFailed(SourceException e) {
        String kind = e.source().label() + " " + e.kind().label();
        if (!kind.equals(observeFailure)) {
            LOG.warn("{}: cannot read the target, skipping it each tick until it can: {}", ref.id(), e.reason());
            observeFailure = kind;
        }
    }

    void observed() {
        if (observeFailure != null) {
            LOG.info("{}: the target can be read again ({} is over)", ref.id(), observeFailure);
            observeFailure = null;
        }
    }

    void shadowHpa(Observation.ForeignHpa hpa) {
        if (hpa == null && !shadowWithoutHpa) {
            LOG.warn("{}: shadow mode but no HPA targets this workload; observed_replicas stays empty", ref.id());
        }
        shadowWithoutHpa = hpa == null;
    }

    /** Paused and HPA-conflict holds: an Event and a log line when one starts and when it ends. */
    void guarded(Guard.Verdict verdict, Instant now) {
        Reason reason = verdict.decision().reason();
        Reason holding = reason == Reason.PAUSED || reason == Reason.CONFLICT ? reason : null;
        if (Objects.equals(holding, held)) {
            return;
        }
        if (holding == Reason.PAUSED) {
            LOG.info("{}: paused by annotation; writing nothing until it is removed", ref.id());
            events.emit(ref, false, "ScalingPaused", "greenscale.io/paused is true: GreenScale decides but does not scale", now);
        } else if (holding == Reason.CONFLICT) {
            LOG.warn("{}: {}", ref.id(), verdict.withheld() + "; not scaling it (use mode: shadow to run beside an HPA)");
            events.emit(ref, true, "AutoscalerConflict", verdict.withheld()
                    + ": GreenScale refuses to scale a workload another autoscaler scales. Delete the HPA, or run GreenScale in shadow mode.", now);
        } else {
            LOG.info("{}: scaling resumed ({} is over)", ref.id(), held);
            events.emit(ref, false, "ScalingResumed", "GreenScale scales this workload again (" + held + " is over)", now);
        }
        held = holding;
    }
}
