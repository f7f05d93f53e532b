package io.greenscale.app.admit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ComputeGateTest {
    static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    final List<Duration> held = new ArrayList<>();
    final AtomicLong fakeNanos = new AtomicLong();

    @Test
    void serviceTimeScaleHoldsTheSlotForTheExtraTimeWithoutComputing() {
        try (ComputeGate gate = new ComputeGate(1, 0, 3.0, Duration.ZERO, held::add, fakeNanos::get)) {
            ComputeGate.Timed<String> t = gate.offer(() -> {
                fakeNanos.addAndGet(40_000_000); // the work "computes" for 40 ms of the fake clock
                return "done";
            });

            assertThat(t.value()).isEqualTo("done");
            assertThat(held).containsExactly(Duration.ofMillis(80));
            assertThat(t.computeNanos()).isEqualTo(120_000_000);
        }
    }

    @Test
    void aMinimumServiceTimeHoldsShortWorkUpToIt() {
        try (ComputeGate gate = new ComputeGate(1, 0, 2.0, Duration.ofMillis(50), held::add, fakeNanos::get)) {
            ComputeGate.Timed<Long> quick = gate.offer(() -> fakeNanos.addAndGet(10_000_000));
            ComputeGate.Timed<Long> slow = gate.offer(() -> fakeNanos.addAndGet(40_000_000));

            assertThat(held).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
            assertThat(quick.computeNanos()).isEqualTo(50_000_000);
            assertThat(slow.computeNanos()).isEqualTo(80_000_000);
        }
    }

    @Test
    void aSpreadMultipliesTheHoldAndMayShortenItBelowTheMinimum() {
        double[] factors = {1.5, 0.5};
        int[] next = {0};
        ComputeGate.Spread fixed = () -> factors[next[0]++];
        try (ComputeGate gate = new ComputeGate(1, 0, 1.0, Duration.ofMillis(100), fixed, held::add, fakeNanos::get)) {
            ComputeGate.Timed<Long> longer = gate.offer(() -> fakeNanos.addAndGet(10_000_000));
            ComputeGate.Timed<Long> shorter = gate.offer(() -> fakeNanos.addAndGet(10_000_000));

            assertThat(held).containsExactly(Duration.ofMillis(140), Duration.ofMillis(40));
            assertThat(longer.computeNanos()).isEqualTo(150_000_000);
            assertThat(shorter.computeNanos()).isEqualTo(50_000_000);
        }
    }

    @Test
    void theLognormalSpreadHasMeanOneAndTheAskedCoefficientOfVariation() {
        for (double cv : new double[] {0.25, 1.0}) {
            ComputeGate.Spread spread = ComputeGate.Spread.lognormal(cv, 7);
            java.util.DoubleSummaryStatistics stats = new java.util.DoubleSummaryStatistics();
            double sumOfSquares = 0;
            for (int i = 0; i < 200_000; i++) {
                double f = spread.nextFactor();
                stats.accept(f);
                sumOfSquares += f * f;
            }
            double sd = Math.sqrt(sumOfSquares / stats.getCount() - stats.getAverage() * stats.getAverage());
            assertThat(stats.getAverage()).as("cv %s", cv).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(sd).as("cv %s", cv).isCloseTo(cv, org.assertj.core.data.Offset.offset(cv * 0.05));
            assertThat(stats.getMin()).isPositive();
        }
        assertThat(ComputeGate.Spread.lognormal(0, 7)).isSameAs(ComputeGate.Spread.NONE);
        assertThatThrownBy(() -> ComputeGate.Spread.lognormal(-0.1, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withAScaleOfOneNothingIsHeld() {
        try (ComputeGate gate = new ComputeGate(1, 0, 1.0, Duration.ZERO, held::add, fakeNanos::get)) {
            gate.offer(() -> fakeNanos.addAndGet(1_000));
            assertThat(held).isEmpty();
        }
    }

    @Test
    void offersBeyondSlotsPlusWaitingAreRefusedAndAwaitingWorkWaitsItsTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ComputeGate gate = new ComputeGate(1, 1, 1.0, Duration.ZERO, held::add, System::nanoTime)) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> gate.offer(() -> await(release, 1)).value(), THREADS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gate.running() == 1);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> gate.offer(() -> 2).value(), THREADS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> gate.waiting() == 1);

            assertThatThrownBy(() -> gate.offer(() -> 3)).isInstanceOf(Refused.class)
                    .satisfies(e -> assertThat(((Refused) e).why()).isEqualTo(Refused.Why.FULL));
            CompletableFuture<Integer> patient = CompletableFuture.supplyAsync(() -> {
                try {
                    return gate.await(() -> 4).value();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, THREADS);
            assertThat(patient).isNotDone();

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(patient.get(5, TimeUnit.SECONDS)).isEqualTo(4);
            assertThat(gate.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aFailureInTheWorkReachesTheCallerAndFreesTheSlot() {
        try (ComputeGate gate = new ComputeGate(1, 0, 1.0, Duration.ZERO, held::add, System::nanoTime)) {
            assertThatThrownBy(() -> gate.offer(() -> {
                throw new IllegalStateException("engine broke");
            })).hasMessage("engine broke");
            assertThat(gate.offer(() -> "next").value()).isEqualTo("next");
        }
    }

    private static int await(CountDownLatch latch, int value) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }
}
