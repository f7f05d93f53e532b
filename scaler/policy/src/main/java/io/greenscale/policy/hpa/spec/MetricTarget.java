package io.greenscale.policy.hpa.spec;

/**
 * The target of one HPA metric ({@code autoscaling/v2 MetricTarget}): exactly one of an average
 * utilisation (percent of the pods' requests), an average value per pod, or a total value.
 * Values are milli-units, as the controller reads them ({@code Quantity.MilliValue()}).
 */
public sealed interface MetricTarget {

    /** Upstream's {@code MetricTargetType} name: {@code Utilization}, {@code AverageValue} or {@code Value}. */
    String type();

    /** @param averageUtilization percent of the request, e.g. 70 */
    record Utilization(int averageUtilization) implements MetricTarget {
        public Utilization {
            if (averageUtilization <= 0) {
                throw new IllegalArgumentException("averageUtilization must be > 0, got " + averageUtilization);
            }
        }

        @Override
        public String type() {
            return "Utilization";
        }
    }

    /** @param averageValueMilli the wanted value per pod, in milli-units (80 % → 80000) */
    record AverageValue(long averageValueMilli) implements MetricTarget {
        public AverageValue {
            if (averageValueMilli <= 0) {
                throw new IllegalArgumentException("averageValue must be > 0, got " + averageValueMilli + "m");
            }
        }

        @Override
        public String type() {
            return "AverageValue";
        }
    }

    /** @param valueMilli the wanted total value, in milli-units */
    record Value(long valueMilli) implements MetricTarget {
        public Value {
            if (valueMilli <= 0) {
                throw new IllegalArgumentException("value must be > 0, got " + valueMilli + "m");
            }
        }

        @Override
        public String type() {
            return "Value";
        }
    }
}
