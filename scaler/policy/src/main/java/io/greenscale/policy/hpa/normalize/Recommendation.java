package io.greenscale.policy.hpa.normalize;

import java.time.Instant;
import java.util.Objects;

/** One unstabilised recommendation the controller remembered ({@code horizontal.go: timestampedRecommendation}). */
public record Recommendation(int replicas, Instant timestamp) {
    public Recommendation {
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
