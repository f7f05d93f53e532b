package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.hpa.calc.ObjectExternalReplicas;
import io.greenscale.policy.hpa.calc.ReplicaCalculator;
import io.greenscale.policy.hpa.calc.ResourceProposal;
import io.greenscale.policy.hpa.calc.Tolerances;
import io.greenscale.policy.hpa.calc.UsageProposal;
import io.greenscale.policy.hpa.spec.MetricSpec;
import io.greenscale.policy.hpa.spec.MetricSpec.ExternalMetric;
import io.greenscale.policy.hpa.spec.MetricSpec.ObjectMetric;
import io.greenscale.policy.hpa.spec.MetricSpec.PodsMetric;
import io.greenscale.policy.hpa.spec.MetricSpec.ResourceMetric;
import io.greenscale.policy.hpa.spec.MetricSpec.UnknownMetric;
import io.greenscale.policy.hpa.spec.MetricTarget;
import java.time.Instant;

/**
 * One metric of one sync ({@code horizontal.go: computeReplicasForMetric, computeStatusFor*Metric}):
 * which calculator runs, with which "current replicas" (§7.3 of the spec: spec replicas for
 * Resource, Pods and Value targets, status replicas for Object/External AverageValue), and which
 * condition reason a failure sets.
 */
final class MetricEvaluator {
    private final ReplicaCalculator calculator;

    MetricEvaluator(ReplicaCalculator calculator) {
        this.calculator = calculator;
    }

    MetricProposal evaluate(MetricSpec spec, ControllerInput in, Tolerances tolerances, Instant now) {
        return switch (spec) {
            case ResourceMetric r -> resource(r, in, tolerances, now);
            case PodsMetric p -> pods(p, in, tolerances, now);
            case ObjectMetric o -> object(o, in, tolerances);
            case ExternalMetric e -> external(e, in, tolerances);
            case UnknownMetric u -> MetricProposal.failed(spec, "InvalidMetricSourceType", "unknown metric source type \"" + u.type() + "\"");
        };
    }

    /** Milli-units to natural units for explanations. */
    private static double units(long milli) {
        return milli / 1000.0;
    }

    private MetricProposal resource(ResourceMetric spec, ControllerInput in, Tolerances tolerances, Instant now) {
        String reason = "FailedGetResourceMetric";
        try {
            switch (spec.target()) {
                case MetricTarget.Utilization u -> {
                    ResourceProposal p = calculator.resourceUtilization(in.specReplicas(), u.averageUtilization(), spec.name(), tolerances,
                            in.pods(), in.metrics().resourceMetric(spec.name()), now);
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), p.utilization(),
                            "utilization " + p.utilization() + "% of request (target " + u.averageUtilization() + "%)");
                }
                case MetricTarget.AverageValue a -> {
                    UsageProposal p = calculator.resourceAverageValue(in.specReplicas(), a.averageValueMilli(), spec.name(), tolerances,
                            in.pods(), in.metrics().resourceMetric(spec.name()), now);
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "average " + p.usageMilli() + "m (target " + a.averageValueMilli() + "m)");
                }
                case null, default -> {
                    return MetricProposal.failed(spec, reason,
                            "invalid resource metric source: neither an average utilization target nor an average value (usage) target was set");
                }
            }
        } catch (CalculationException e) {
            return MetricProposal.failed(spec, reason, "failed to get " + spec.name() + " resource metric value: " + e.getMessage());
        }
    }

    private MetricProposal pods(PodsMetric spec, ControllerInput in, Tolerances tolerances, Instant now) {
        String reason = "FailedGetPodsMetric";
        if (!(spec.target() instanceof MetricTarget.AverageValue a)) {
            return MetricProposal.failed(spec, reason, "invalid pods metric source: the target must be an AverageValue");
        }
        try {
            UsageProposal p = calculator.podsMetric(in.specReplicas(), a.averageValueMilli(), spec.name(), tolerances,
                    in.pods(), in.metrics().podsMetric(spec.name()), now);
            return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "average " + p.usageMilli() + "m (target " + a.averageValueMilli() + "m)");
        } catch (CalculationException e) {
            return MetricProposal.failed(spec, reason, "failed to get pods metric value: " + e.getMessage());
        }
    }

    private MetricProposal object(ObjectMetric spec, ControllerInput in, Tolerances tolerances) {
        String reason = "FailedGetObjectMetric";
        try {
            switch (spec.target()) {
                case MetricTarget.Value v -> {
                    long usage = in.metrics().objectMetric(spec.name(), spec.describedObject());
                    UsageProposal p = ObjectExternalReplicas.objectValue(in.specReplicas(), usage, v.valueMilli(), tolerances, in.pods());
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "value " + p.usageMilli() + "m (target " + v.valueMilli() + "m)");
                }
                case MetricTarget.AverageValue a -> {
                    long usage = in.metrics().objectMetric(spec.name(), spec.describedObject());
                    UsageProposal p = ObjectExternalReplicas.objectAverageValue(in.statusReplicas(), usage, a.averageValueMilli(), tolerances);
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "average " + p.usageMilli() + "m per pod (target " + a.averageValueMilli() + "m)");
                }
                case null, default -> {
                    return MetricProposal.failed(spec, reason, "invalid object metric source: neither a value target nor an average value target was set");
                }
            }
        } catch (CalculationException e) {
            return MetricProposal.failed(spec, reason, "failed to get object metric value: " + e.getMessage());
        }
    }

    private MetricProposal external(ExternalMetric spec, ControllerInput in, Tolerances tolerances) {
        String reason = "FailedGetExternalMetric";
        try {
            switch (spec.target()) {
                case MetricTarget.AverageValue a -> {
                    UsageProposal p = ObjectExternalReplicas.externalAverageValue(in.statusReplicas(),
                            in.metrics().externalMetric(spec.name()), a.averageValueMilli(), tolerances);
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "average " + p.usageMilli() + "m per pod (target " + a.averageValueMilli() + "m)");
                }
                case MetricTarget.Value v -> {
                    UsageProposal p = ObjectExternalReplicas.externalValue(in.specReplicas(),
                            in.metrics().externalMetric(spec.name()), v.valueMilli(), tolerances, in.pods());
                    return MetricProposal.of(spec, p.replicas(), p.outcome(), units(p.usageMilli()), "value " + p.usageMilli() + "m (target " + v.valueMilli() + "m)");
                }
                case null, default -> {
                    return MetricProposal.failed(spec, reason, "invalid external metric source: neither a value target nor an average value target was set");
                }
            }
        } catch (CalculationException e) {
            return MetricProposal.failed(spec, reason, "failed to get " + spec.name() + " external metric: " + e.getMessage());
        }
    }
}
