package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.policy.signal.PodSnapshot;
import io.greenscale.policy.signal.PodSnapshot.MetricSample;
import io.greenscale.policy.signal.PodSnapshot.Phase;
import io.greenscale.policy.signal.PodSnapshot.ReadyCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The format's pod object. Conventions: {@code startTimeSec: null} = no start time,
 * {@code readyCondition: null} = no Ready condition, {@code requestMilli: null} = a container lacks
 * the request; absent start and condition default to upstream's fixtures (FAR_PAST, Ready=True
 * since FAR_PAST). A sample's timestamp defaults to FAR_PAST and its window to 60 s.
 */
final class PodJson {
    private PodJson() {}

    /**
     * @param requestResource the resource {@code requestMilli} is a request for ("cpu")
     */
    static List<PodSnapshot> pods(JsonNode array, String path, String requestResource) {
        List<PodSnapshot> pods = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            pods.add(pod(array.get(i), path + "[" + i + "]", requestResource));
        }
        return pods;
    }

    static PodSnapshot pod(JsonNode p, String path, String requestResource) {
        if (!p.isObject()) {
            throw new VectorFormatException(path, "a pod must be an object");
        }
        String name = Fields.requiredText(p, path, "name");
        Phase phase = phase(Fields.textOr(p, path, "phase", "Running"), path);
        boolean deleted = Fields.boolOr(p, path, "deleted", false);
        Instant start = p.has("startTimeSec") && p.get("startTimeSec").isNull() ? null
                : TimeBase.at(Fields.doubleOr(p, path, "startTimeSec", TimeBase.FAR_PAST_SECONDS));
        ReadyCondition ready = readyCondition(p, path);
        Map<String, Long> requests = new HashMap<>();
        Long request = Fields.optionalLong(p, path, "requestMilli");
        if (request != null && requestResource != null) {
            requests.put(requestResource, request);
        }
        Map<String, MetricSample> metrics = new HashMap<>();
        JsonNode m = Fields.objectOrNull(p, path, "metrics");
        if (m != null) {
            m.fieldNames().forEachRemaining(metric -> {
                JsonNode s = Fields.get(m, metric);
                if (s != null) {
                    metrics.put(metric, sample(s, path + ".metrics." + metric, true));
                }
            });
        }
        return new PodSnapshot(name, phase, deleted, start, ready, requests, metrics);
    }

    private static ReadyCondition readyCondition(JsonNode p, String path) {
        if (!p.has("readyCondition")) {
            return new ReadyCondition(true, TimeBase.at(TimeBase.FAR_PAST_SECONDS));
        }
        JsonNode c = Fields.objectOrNull(p, path, "readyCondition");
        if (c == null) {
            return null;
        }
        String status = Fields.textOr(c, path + ".readyCondition", "status", "True");
        if (!status.equals("True") && !status.equals("False")) {
            throw new VectorFormatException(path + ".readyCondition.status", "must be \"True\" or \"False\", got \"" + status + "\"");
        }
        return new ReadyCondition(status.equals("True"),
                TimeBase.at(Fields.doubleOr(c, path + ".readyCondition", "lastTransitionSec", TimeBase.FAR_PAST_SECONDS)));
    }

    /** @param valueRequired false for pod grouping, where the value does not matter */
    static MetricSample sample(JsonNode s, String path, boolean valueRequired) {
        if (!s.isObject()) {
            throw new VectorFormatException(path, "a sample must be an object {valueMilli, timestampSec, windowSec}");
        }
        long value = valueRequired ? Fields.requiredLong(s, path, "valueMilli") : valueOrZero(s, path);
        return new MetricSample(value,
                TimeBase.at(Fields.doubleOr(s, path, "timestampSec", TimeBase.FAR_PAST_SECONDS)),
                Duration.ofNanos(Math.round(Fields.doubleOr(s, path, "windowSec", 60) * 1e9)));
    }

    private static long valueOrZero(JsonNode s, String path) {
        Long v = Fields.optionalLong(s, path, "valueMilli");
        return v == null ? 0 : v;
    }

    /** Samples of {@code metric} from each pod, plus the unmatched ones ({@code {podName, valueMilli, …}}). */
    static Map<String, MetricSample> samples(List<PodSnapshot> pods, String metric, JsonNode unmatched, String path) {
        Map<String, MetricSample> samples = new HashMap<>();
        for (PodSnapshot pod : pods) {
            MetricSample s = pod.metrics().get(metric);
            if (s != null) {
                samples.put(pod.name(), s);
            }
        }
        for (int i = 0; i < unmatched.size(); i++) {
            JsonNode u = unmatched.get(i);
            String p = path + "[" + i + "]";
            samples.put(Fields.requiredText(u, p, "podName"), sample(u, p, true));
        }
        return samples;
    }

    private static Phase phase(String text, String path) {
        try {
            return Phase.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(path + ".phase", "must be Running, Pending, Failed, Succeeded or Unknown, got \"" + text + "\"");
        }
    }
}
