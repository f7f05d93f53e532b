package io.greenscale.app.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Readiness as a timeline on a fake clock: warm-up, the emulated model load, SIGTERM, drain. */
class LifecycleTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final Lifecycle lifecycle = new Lifecycle(now::get);

    void at(long seconds) {
        now.set(T0.plusSeconds(seconds));
    }

    @Test
    void aNinetySecondModelLoadKeepsTheAppNotReadyUntilItEnds() {
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STARTING);
        assertThat(lifecycle.refusal().getMessage()).contains("warming up");

        at(5);
        lifecycle.warmedUp(now.get(), Duration.ofSeconds(90));
        at(94);
        assertThat(lifecycle.ready()).isFalse();
        assertThat(lifecycle.refusal().why()).isEqualTo(Refused.Why.NOT_READY);
        assertThat(lifecycle.refusal().getMessage()).isEqualTo("loading the model: ready in 1 s");

        at(95);
        assertThat(lifecycle.ready()).isTrue();
        assertThat(lifecycle.refusal()).isNull();
    }

    @Test
    void afterSigtermReadinessGoesFalseFirstThenNewWorkIsRefused() {
        lifecycle.warmedUp(T0, Duration.ZERO);

        lifecycle.startTerminating();
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.TERMINATING);
        assertThat(lifecycle.ready()).isFalse();
        assertThat(lifecycle.refusal()).isNull();

        lifecycle.startDraining();
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.DRAINING);
        assertThat(lifecycle.refusal().why()).isEqualTo(Refused.Why.DRAINING);
    }
}
