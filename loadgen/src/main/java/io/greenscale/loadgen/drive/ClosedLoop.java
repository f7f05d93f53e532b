package io.greenscale.loadgen.drive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The classic closed loop, for comparison: {@code users} virtual users each send a request, wait
 * for its response, think, and repeat. The target sets the pace, so a stall makes the users wait
 * instead of piling up requests — which is exactly why its latencies under-state what an open
 * stream of users would see (coordinated omission). Latency here runs from the actual send.
 */
final class ClosedLoop {
    private final Target target;
    private final Meter meter;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicLong seq = new AtomicLong();

    ClosedLoop(Target target, Meter meter, LongSupplier nanoTime, long startNanos) {
        this.target = target;
        this.meter = meter;
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
    }

    /** Runs {@code users} virtual threads until {@code duration} has passed; returns when all have stopped. */
    void run(int users, Duration think, Duration duration, BodyTemplate body) throws InterruptedException {
        long endNanos = duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            threads.add(Thread.ofVirtual().name("loadgen-user-" + u).start(() -> user(think, endNanos, body)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void user(Duration think, long endNanos, BodyTemplate body) {
        long now;
        while ((now = now()) < endNanos) {
            long n = seq.getAndIncrement();
            Request r = new Request(n, now, body == null ? null : body.render(name -> null, n, now));
            meter.intended(now);
            meter.sent(now, now);
            Outcome outcome = target.send(r).join();
            meter.finished(r, now, now(), outcome);
            if (!think.isZero()) {
                try {
                    Thread.sleep(think);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private long now() {
        return nanoTime.getAsLong() - startNanos;
    }
}
