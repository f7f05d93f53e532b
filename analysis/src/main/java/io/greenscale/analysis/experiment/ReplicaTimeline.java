package io.greenscale.analysis.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The target's replicas at any instant, rebuilt from its event log: the replica count it was set
 * to (desired), and each worker's state — starting from its spawn until it is ready, ready until
 * it is sent SIGTERM, terminating until it exits. Pure.
 */
final class ReplicaTimeline {
    enum State { STARTING, READY, TERMINATING, GONE }

    /** Replicas at one instant, as the run directory's columns count them. */
    record Counts(int desired, int ready, int starting, int terminating) {
        int held() {
            return ready + starting + terminating;
        }
    }

    private final List<WorkerEvent> events;

    ReplicaTimeline(List<WorkerEvent> events) {
        this.events = events.stream().sorted(Comparator.comparing(WorkerEvent::time)).toList();
    }

    Counts at(Instant t) {
        int desired = 0;
        int ready = 0;
        int starting = 0;
        int terminating = 0;
        for (var e : states(t).values()) {
            switch (e) {
                case READY -> ready++;
                case STARTING -> starting++;
                case TERMINATING -> terminating++;
                case GONE -> { }
            }
        }
        for (WorkerEvent e : events) {
            if (e.time().isAfter(t)) {
                break;
            }
            if (e.event().equals("scale") && e.to() != null) {
                desired = e.to();
            }
        }
        return new Counts(desired, ready, starting, terminating);
    }

    /** Each worker's state at {@code t}, by worker id. */
    Map<String, State> states(Instant t) {
        Map<String, State> out = new HashMap<>();
        for (WorkerEvent e : events) {
            if (e.time().isAfter(t)) {
                break;
            }
            if (e.worker() == null) {
                continue;
            }
            State now = out.get(e.worker());
            State next = switch (e.event()) {
                case "spawn", "unready" -> now == State.TERMINATING ? now : State.STARTING;
                case "ready" -> now == State.TERMINATING ? now : State.READY;
                case "terminate", "kill" -> State.TERMINATING;
                case "exit" -> State.GONE;
                default -> now;
            };
            if (next != null) {
                out.put(e.worker(), next);
            }
        }
        return out;
    }

    /** Every worker's pid, by worker id, from its spawn. */
    Map<String, Long> pids() {
        Map<String, Long> out = new HashMap<>();
        events.stream().filter(e -> e.event().equals("spawn") && e.pid() != null).forEach(e -> out.put(e.worker(), e.pid()));
        return out;
    }

    /** The workers spawned and not (yet) seen to exit. */
    List<Long> unexitedPids() {
        Map<String, Long> pids = pids();
        List<Long> out = new ArrayList<>();
        Map<String, State> last = states(Instant.MAX);
        pids.forEach((worker, pid) -> {
            if (last.get(worker) != State.GONE) {
                out.add(pid);
            }
        });
        return out;
    }

    List<WorkerEvent> events() {
        return events;
    }
}
