package io.greenscale.policy.propose;

/**
 * Steady-state headroom from queueing theory: the fewest servers (replica slots) of an M/M/c
 * queue for which a job waits longer than {@code maxWaitSeconds} with probability at most
 * {@code missBudget}. Many slots can run hotter than few at the same latency, which a fixed
 * utilisation target cannot express: at 8 slots the answer is near 60 % busy, at 200 near 90 %.
 */
public final class ErlangC {
    private ErlangC() {}

    /**
     * @param arrivalsPerSecond jobs arriving per second
     * @param perSlotRate       jobs per second one busy slot completes (1 / mean service time)
     * @param maxWaitSeconds    the wait to stay under; ≤ 0 means only stability counts
     * @param maxServers        the answer's ceiling
     */
    /** P(a job waits longer than {@code seconds}) in an M/M/c queue with {@code servers} slots; 1 when unstable. */
    public static double waitTail(double arrivalsPerSecond, double perSlotRate, int servers, double seconds) {
        if (arrivalsPerSecond <= 0) {
            return 0;
        }
        double a = arrivalsPerSecond / perSlotRate;
        if (servers <= a) {
            return 1;
        }
        double erlangB = 1;
        for (int k = 1; k <= servers; k++) {
            erlangB = a * erlangB / (k + a * erlangB);
        }
        double waitProbability = servers * erlangB / (servers - a * (1 - erlangB));
        return waitProbability * (seconds > 0 ? Math.exp(-(servers * perSlotRate - arrivalsPerSecond) * seconds) : 1);
    }

    public static int servers(double arrivalsPerSecond, double perSlotRate, double maxWaitSeconds, double missBudget, int maxServers) {
        if (arrivalsPerSecond <= 0 || perSlotRate <= 0) {
            return 0;
        }
        double a = arrivalsPerSecond / perSlotRate;
        double erlangB = 1;
        for (int k = 1; k <= maxServers; k++) {
            erlangB = a * erlangB / (k + a * erlangB);
            if (k <= a) {
                continue;
            }
            double waitProbability = k * erlangB / (k - a * (1 - erlangB));
            double tail = maxWaitSeconds > 0 ? Math.exp(-(k * perSlotRate - arrivalsPerSecond) * maxWaitSeconds) : 1;
            if (waitProbability * tail <= missBudget) {
                return k;
            }
        }
        return maxServers;
    }
}
