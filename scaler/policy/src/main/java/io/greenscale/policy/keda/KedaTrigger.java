package io.greenscale.policy.keda;

import java.util.Objects;

/**
 * One scaler of a ScaledObject, reduced to what the decision needs: where its value comes from,
 * the scaling target KEDA passes to the HPA, and the activation threshold KEDA itself uses
 * (KEDA docs, "Activating and scaling thresholds": activation only when the value is greater
 * than the threshold, not equal).
 *
 * @param metricName         the external metric's name in the generated HPA ({@code s0-redis-jobs})
 * @param source             the extra metric (or signal key) the value is read from
 * @param targetMilli        the scaling target per replica (AverageValue) or in total (Value), milli-units
 * @param activationThreshold the value must exceed this to activate 0 → 1, natural units
 * @param averageValue       true for KEDA's default {@code metricType: AverageValue}
 */
public record KedaTrigger(String type, String metricName, String source, long targetMilli, double activationThreshold,
                          boolean averageValue) {

    public KedaTrigger {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metricName, "metricName");
        Objects.requireNonNull(source, "source");
        if (targetMilli <= 0) {
            throw new IllegalArgumentException("the scaling target must be > 0, got " + targetMilli + "m");
        }
    }

    /** The KEDA redis list scaler: LLEN of {@code listName} against {@code listLength} per replica. */
    public static KedaTrigger redisList(int index, String listName, long listLength, long activationListLength) {
        return new KedaTrigger("redis", "s" + index + "-redis-" + listName, listName, listLength * 1000, activationListLength, true);
    }
}
