package io.greenscale.policy.hpa.spec;

import java.util.Objects;

/**
 * One entry of an HPA's {@code spec.metrics} ({@code autoscaling/v2 MetricSpec}). A target may be
 * null: upstream then fails that metric with "neither … target was set"
 * ({@code horizontal.go: computeStatusForResourceMetricGeneric}, {@code computeStatusForObjectMetric}).
 */
public sealed interface MetricSpec {

    /** Upstream's {@code MetricSourceType}: {@code Resource}, {@code Pods}, {@code Object}, {@code External}, or what was written. */
    String type();

    /** The metric's name as it appears in logs and explanations: {@code cpu}, {@code qps}, … */
    String name();

    /** True for Object and External metrics, the only ones that may scale to and from zero (KEP-2021). */
    default boolean isObjectOrExternal() {
        return this instanceof ObjectMetric || this instanceof ExternalMetric;
    }

    /** A resource of the pods ({@code cpu}, {@code memory}) from metrics-server. */
    record ResourceMetric(String name, MetricTarget target) implements MetricSpec {
        public ResourceMetric {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "Resource";
        }
    }

    /** A per-pod custom metric (custom.metrics.k8s.io), e.g. {@code DCGM_FI_DEV_GPU_UTIL} through prometheus-adapter. */
    record PodsMetric(String name, MetricTarget target) implements MetricSpec {
        public PodsMetric {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "Pods";
        }
    }

    /** A metric of one other object in the namespace (custom.metrics.k8s.io). */
    record ObjectMetric(String name, String describedObject, MetricTarget target) implements MetricSpec {
        public ObjectMetric {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "Object";
        }
    }

    /** A metric from outside the cluster (external.metrics.k8s.io), e.g. a queue length served by KEDA. */
    record ExternalMetric(String name, MetricTarget target) implements MetricSpec {
        public ExternalMetric {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String type() {
            return "External";
        }
    }

    /** A source type the controller does not know; it fails with {@code InvalidMetricSourceType}. */
    record UnknownMetric(String type) implements MetricSpec {
        public UnknownMetric {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String name() {
            return type;
        }
    }
}
