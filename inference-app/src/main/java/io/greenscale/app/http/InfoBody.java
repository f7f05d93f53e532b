package io.greenscale.app.http;

import java.util.List;
import java.util.Map;

/** {@code GET /info}: what runs here, for people and for experiment records (snake_case on the wire). */
public record InfoBody(String version, String mode, Map<String, Object> engine, List<String> engineFallbacks,
                       Map<String, Object> model, Map<String, Object> limits, Map<String, Object> admission,
                       Map<String, Object> gpu, Map<String, Object> worker, Map<String, Object> cpu, String state) {
}
