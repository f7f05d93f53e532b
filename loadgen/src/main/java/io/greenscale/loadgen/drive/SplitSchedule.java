package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.profile.ArrivalStream;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A run's arrivals as requests, dealt to lanes in turn — request {@code seq} goes to lane
 * {@code seq % lanes} — each lane taking its own in time order. A lane's next request is always
 * drawn before the lane sleeps, and other lanes only add later ones, so a lane that sleeps until
 * its next request never misses one. Bodies are rendered when drawn, ahead of their send time.
 * Thread-safe: lanes on different threads share it.
 */
final class SplitSchedule {
    private final ArrivalStream arrivals;
    private final BodyTemplate body;
    private final ArrayDeque<Request>[] pending;
    private long seq;
    private boolean over;

    @SuppressWarnings("unchecked")
    SplitSchedule(ArrivalStream arrivals, BodyTemplate body, int lanes) {
        this.arrivals = arrivals;
        this.body = body;
        this.pending = new ArrayDeque[lanes];
        for (int i = 0; i < lanes; i++) {
            pending[i] = new ArrayDeque<>();
        }
    }

    /**
     * Moves the lane's requests due by {@code nowNanos} (run time) into {@code due}, in order;
     * returns the run time of the lane's next request, or {@link Pacer#OVER} when it has no more.
     */
    synchronized long takeDue(int lane, long nowNanos, List<Request> due) {
        ArrayDeque<Request> mine = pending[lane];
        while (true) {
            Request next = mine.peekFirst();
            if (next == null) {
                if (!draw(lane)) {
                    return Pacer.OVER;
                }
            } else if (next.intendedNanos() > nowNanos) {
                return next.intendedNanos();
            } else {
                due.add(mine.pollFirst());
            }
        }
    }

    /** Draws arrivals until one is the lane's; false when the stream has ended first. */
    private boolean draw(int lane) {
        while (!over) {
            if (!arrivals.next()) {
                over = true;
                return false;
            }
            long s = seq++;
            int owner = (int) (s % pending.length);
            pending[owner].addLast(new Request(s, arrivals.atNanos(), body == null ? null : body.render(arrivals, s)));
            if (owner == lane) {
                return true;
            }
        }
        return false;
    }
}
