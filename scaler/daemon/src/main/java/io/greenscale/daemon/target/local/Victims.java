package io.greenscale.daemon.target.local;

import java.util.Comparator;
import java.util.List;

/**
 * Which workers a scale-down stops: the ReplicaSet controller's ranking of the pods to delete
 * ({@code ActivePodsWithRanks} in {@code pkg/controller/controller_utils.go}), reduced to what a
 * local process has — not ready before ready, then the lowest pod-deletion cost, then the most
 * recently ready, then the newest. With busy-aware scale-down the cost is each worker's in-flight
 * jobs, so idle workers go first; without it every cost is 0 and the newest ready go first. Pure.
 */
final class Victims {
    static final Comparator<WorkerView> RANKING = Comparator
            .comparing(WorkerView::ready)
            .thenComparingInt(WorkerView::deletionCost)
            .thenComparing(w -> w.readySince() == null ? java.time.Instant.MAX : w.readySince(), Comparator.reverseOrder())
            .thenComparing(WorkerView::ordinal, Comparator.reverseOrder());

    private Victims() {}

    /** The {@code count} workers to stop, first to go first; {@code candidates} are the workers not already stopping. */
    static List<WorkerView> choose(List<WorkerView> candidates, int count) {
        return candidates.stream().filter(w -> !w.terminating()).sorted(RANKING).limit(Math.max(0, count)).toList();
    }
}
