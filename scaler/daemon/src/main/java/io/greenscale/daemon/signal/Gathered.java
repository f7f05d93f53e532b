package io.greenscale.daemon.signal;

import io.greenscale.policy.signal.Signals;
import java.util.Map;

/**
 * One target's signals at one tick, plus what the target needs for a busy-aware scale-down.
 *
 * @param queue            the queue sample, null when there is no queue or it could not be read
 * @param podCostAnnotations pod name → its current deletion-cost annotation (null value when unset);
 *                           empty when the pods could not be listed
 * @param rates            the queue-rate state for the next tick
 */
public record Gathered(Signals signals, QueueSample queue, Map<String, String> podCostAnnotations, QueueRates rates) {
}
