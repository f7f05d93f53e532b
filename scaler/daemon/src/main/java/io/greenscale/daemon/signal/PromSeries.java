package io.greenscale.daemon.signal;

import java.time.Instant;
import java.util.Map;

/** One sample of an instant-query result: the series' labels, its value (maybe NaN) and its timestamp. */
public record PromSeries(Map<String, String> labels, double value, Instant timestamp) {

    public PromSeries {
        labels = Map.copyOf(labels);
    }
}
