package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pacing a schedule on an event loop: never early, few wake-ups, errors and interrupts reach the caller. */
class PacerTest {
    final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    final long start = System.nanoTime();
    final LongSupplier now = () -> System.nanoTime() - start;

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    /** Arrivals every {@code gapNanos} up to {@code endNanos}; records each send's lateness and counts the steps. */
    static final class Schedule implements LongUnaryOperator {
        final long gapNanos;
        final long endNanos;
        final List<Long> lateness = new ArrayList<>();
        int steps;
        long next;

        Schedule(long gapNanos, long endNanos) {
            this.gapNanos = gapNanos;
            this.endNanos = endNanos;
        }

        @Override
        public long applyAsLong(long nowNanos) {
            steps++;
            while (next <= nowNanos) {
                if (next >= endNanos) {
                    return Pacer.OVER;
                }
                lateness.add(nowNanos - next);
                next += gapNanos;
            }
            return next >= endNanos ? Pacer.OVER : next;
        }
    }

    @Test
    void onTheLoopNothingIsSentEarlyAndCloseArrivalsShareAWakeUp() {
        // 2,000 arrivals 10 µs apart over 20 ms.
        Schedule s = new Schedule(10_000, 20_000_000);
        Pacer.await(List.of(Pacer.onLoop(loop, s, now)));

        assertThat(s.lateness).hasSize(2_000).allSatisfy(l -> assertThat(l).isNotNegative());
        assertThat(s.steps).as("one wake-up per %d µs at most", Pacer.MIN_TIMER_GAP_NANOS / 1000)
                .isLessThanOrEqualTo((int) (20_000_000 / Pacer.MIN_TIMER_GAP_NANOS) + 2);
    }

    @Test
    void onThisThreadNothingIsSentEarly() {
        Schedule s = new Schedule(500_000, 20_000_000);
        Pacer.onThisThread(s, now, () -> false);

        assertThat(s.lateness).hasSize(40).allSatisfy(l -> assertThat(l).isNotNegative());
    }

    @Test
    void onThisThreadCancellingStopsTheSchedule() {
        Schedule s = new Schedule(1_000_000, 1_000_000_000);
        AtomicInteger checks = new AtomicInteger();
        Pacer.onThisThread(s, now, () -> checks.incrementAndGet() > 3);

        assertThat(s.steps).isEqualTo(3);
    }

    @Test
    void aFailingStepIsRethrownToTheCaller() {
        assertThatThrownBy(() -> Pacer.await(List.of(Pacer.onLoop(loop, t -> {
            throw new IllegalStateException("body template broke");
        }, now)))).isInstanceOf(IllegalStateException.class).hasMessage("body template broke");
    }

    @Test
    void anInterruptedCallerStopsTheTickingAndKeepsItsInterruptFlag() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Thread caller = Thread.ofPlatform().start(() -> Pacer.await(List.of(Pacer.onLoop(loop, t -> {
            steps.incrementAndGet();
            return t + 1_000_000;
        }, now))));
        while (steps.get() < 5) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(5_000);
        int stepsAtStop = steps.get();
        loop.submit(() -> { }).get(); // a tick already queued may still run once

        assertThat(caller.isAlive()).isFalse();
        assertThat(loop.schedule(() -> steps.get(), 20, java.util.concurrent.TimeUnit.MILLISECONDS).get())
                .as("no more steps after the caller left").isLessThanOrEqualTo(stepsAtStop + 1);
    }
}
