package io.greenscale.policy.limit;

/**
 * The last word on the count: never fewer replicas than the work in flight needs (busy floor),
 * never outside [min, max] while active; zero only through the scale-to-zero rule, and out of
 * zero as soon as work appears (activation). The maximum always wins.
 */
public final class Bounds {
    private Bounds() {}

    /** Which rule set the result; NONE when the value passed through. */
    public enum Rule { NONE, BUSY_FLOOR, MIN_REPLICAS, MAX_REPLICAS, SCALE_TO_ZERO, ACTIVATION }

    public record Result(int replicas, Rule rule) {}

    /**
     * @param busyFloor          replicas the in-flight work needs ({@code ceil(inFlight / concurrency)}), 0 when unknown
     * @param scaleToZeroEnabled whether zero is allowed at all
     * @param idleLongEnough     no backlog, nothing in flight and no arrivals for the whole idle period
     * @param workPresent        backlog, in-flight work or arrivals seen above zero now
     */
    public static Result apply(int current, int desired, int min, int max, int busyFloor,
                               boolean scaleToZeroEnabled, boolean idleLongEnough, boolean workPresent) {
        if (scaleToZeroEnabled && !workPresent && (idleLongEnough || current == 0)) {
            // At zero with no work seen, stay there (also after a restart that forgot how long it was idle).
            return new Result(0, current == 0 ? Rule.NONE : Rule.SCALE_TO_ZERO);
        }
        int result = desired;
        Rule rule = Rule.NONE;
        if (current == 0 && workPresent && result < Math.max(min, 1)) {
            result = Math.max(min, 1);
            rule = Rule.ACTIVATION;
        }
        if (result < busyFloor) {
            result = busyFloor;
            rule = Rule.BUSY_FLOOR;
        }
        if (result < min) {
            result = min;
            rule = Rule.MIN_REPLICAS;
        }
        if (result > max) {
            result = max;
            rule = Rule.MAX_REPLICAS;
        }
        return new Result(result, rule);
    }
}
