package io.greenscale.policy.hpa.controller;

import io.greenscale.policy.hpa.calc.CalculationException;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import java.util.List;
import java.util.Map;

/**
 * The metrics APIs as the controller reads them ({@code metrics/client.go}): metrics-server for
 * resources, custom.metrics.k8s.io for Pods and Object metrics, external.metrics.k8s.io for
 * External ones. A fetch that fails throws with the source's message; an empty answer is not a
 * failure here (the calculators report it in upstream's words).
 */
public interface MetricsClient {

    /** The latest sample of {@code resource} per pod name; may include pods not in the pod list. */
    Map<String, MetricSample> resourceMetric(String resource) throws CalculationException;

    /** The latest sample of a per-pod custom metric per pod name. */
    Map<String, MetricSample> podsMetric(String metricName) throws CalculationException;

    /** The value of a metric of one object, milli-units. */
    long objectMetric(String metricName, String describedObject) throws CalculationException;

    /** Every series of an external metric, milli-units. */
    List<Long> externalMetric(String metricName) throws CalculationException;
}
