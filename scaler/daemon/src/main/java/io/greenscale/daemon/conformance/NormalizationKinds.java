package io.greenscale.daemon.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenscale.policy.hpa.normalize.BehaviorRateLimiter;
import io.greenscale.policy.hpa.normalize.BehaviorStabilizer;
import io.greenscale.policy.hpa.normalize.LegacyClamp;
import io.greenscale.policy.hpa.normalize.LegacyStabilizer;
import io.greenscale.policy.hpa.normalize.Limited;
import io.greenscale.policy.hpa.normalize.Recommendation;
import io.greenscale.policy.hpa.normalize.ScaleEvent;
import io.greenscale.policy.hpa.normalize.ScaleEventLog;
import io.greenscale.policy.hpa.normalize.ScalingLimits;
import io.greenscale.policy.hpa.normalize.Stabilized;
import io.greenscale.policy.hpa.spec.BehaviorDefaults;
import io.greenscale.policy.hpa.spec.HpaConfig;
import io.greenscale.policy.hpa.spec.ResolvedRules;
import io.greenscale.policy.hpa.spec.ScalingRules;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The normalisation kinds: {@code legacy.stabilize}, {@code legacy.clamp}, {@code behavior.stabilize},
 * {@code behavior.rateLimit}, {@code behavior.limit}, {@code events.store}. Behavior rules are
 * completed with the API defaults ({@code GenerateHPAScale{Up,Down}Rules}).
 */
final class NormalizationKinds {
    private NormalizationKinds() {}

    static void register(Map<String, KindRunner> kinds) {
        kinds.put("legacy.stabilize", NormalizationKinds::legacyStabilize);
        kinds.put("legacy.clamp", NormalizationKinds::legacyClamp);
        kinds.put("behavior.stabilize", NormalizationKinds::behaviorStabilize);
        kinds.put("behavior.rateLimit", NormalizationKinds::rateLimit);
        kinds.put("behavior.limit", NormalizationKinds::limit);
        kinds.put("events.store", NormalizationKinds::storeEvent);
    }

    private static ObjectNode legacyStabilize(Vector v) {
        JsonNode in = v.input();
        List<Recommendation> history = HpaJson.recommendationsOrNull(in, "input", "recommendations");
        Stabilized s = LegacyStabilizer.stabilize(history == null ? List.of() : history, Fields.requiredInt(in, "input", "desiredReplicas"),
                ConfigJson.hpaConfig(v.config()).downscaleStabilizationWindow(), TimeBase.NOW);
        ObjectNode out = ReplicaKinds.object().put("stabilizedReplicas", s.replicas()).put("historyLength", s.history().size());
        out.set("recommendationsAfter", replicas(out, s.history()));
        return out;
    }

    private static ObjectNode legacyClamp(Vector v) {
        JsonNode in = v.input();
        HpaConfig config = ConfigJson.hpaConfig(v.config());
        Limited l = LegacyClamp.convert(Fields.requiredInt(in, "input", "currentReplicas"), Fields.requiredInt(in, "input", "desiredReplicas"),
                Fields.requiredInt(in, "input", "minReplicas"), Fields.requiredInt(in, "input", "maxReplicas"),
                config.scaleUpLimitFactor(), config.scaleUpLimitMinimum());
        return limited(l);
    }

    private static ObjectNode behaviorStabilize(Vector v) {
        JsonNode in = v.input();
        List<Recommendation> history = HpaJson.recommendationsOrNull(in, "input", "recommendations");
        Stabilized s = BehaviorStabilizer.stabilize(history == null ? List.of() : history,
                Fields.requiredInt(in, "input", "currentReplicas"), Fields.requiredInt(in, "input", "desiredReplicas"),
                Duration.ofSeconds(window(in, "scaleUpStabilizationWindowSeconds")),
                Duration.ofSeconds(window(in, "scaleDownStabilizationWindowSeconds")), TimeBase.NOW);
        ObjectNode out = ReplicaKinds.object().put("stabilizedReplicas", s.replicas());
        out.set("recommendationsAfter", replicas(out, s.history()));
        return out;
    }

    /** Upstream's test leaves an unset window at Go's zero value, 0 s. */
    private static int window(JsonNode in, String name) {
        int w = Fields.intOr(in, "input", name, 0);
        if (w < 0) {
            throw new VectorFormatException("input." + name, "must be >= 0, got " + w);
        }
        return w;
    }

    private static ObjectNode rateLimit(Vector v) {
        JsonNode in = v.input();
        HpaConfig config = ConfigJson.hpaConfig(v.config());
        Limited l = BehaviorRateLimiter.convert(new BehaviorRateLimiter.Request(
                Fields.requiredInt(in, "input", "currentReplicas"), Fields.requiredInt(in, "input", "desiredReplicas"),
                Fields.requiredInt(in, "input", "minReplicas"), Fields.requiredInt(in, "input", "maxReplicas"),
                BehaviorDefaults.scaleUp(HpaJson.rules(in, "input", "scaleUp")),
                BehaviorDefaults.scaleDown(HpaJson.rules(in, "input", "scaleDown"), config.downscaleStabilizationWindow()),
                HpaJson.events(in, "input", "scaleUpEvents"), HpaJson.events(in, "input", "scaleDownEvents"),
                config.revision().periodStartCountsBothDirections()), TimeBase.NOW);
        return limited(l);
    }

    private static ObjectNode limit(Vector v) {
        JsonNode in = v.input();
        HpaConfig config = ConfigJson.hpaConfig(v.config());
        boolean up = direction(in);
        ScalingRules rules = HpaJson.rules(in, "input", "rules");
        int current = Fields.requiredInt(in, "input", "currentReplicas");
        List<ScaleEvent> upEvents = HpaJson.events(in, "input", "scaleUpEvents");
        List<ScaleEvent> downEvents = HpaJson.events(in, "input", "scaleDownEvents");
        boolean both = config.revision().periodStartCountsBothDirections();
        int limit = up
                ? ScalingLimits.scaleUpLimit(current, upEvents, downEvents, BehaviorDefaults.scaleUp(rules), both, TimeBase.NOW)
                : ScalingLimits.scaleDownLimit(current, upEvents, downEvents,
                        BehaviorDefaults.scaleDown(rules, config.downscaleStabilizationWindow()), both, TimeBase.NOW);
        return ReplicaKinds.object().put("limit", limit);
    }

    /**
     * {@code storeScaleEvent} for one direction; {@code rules: null} is an HPA without behavior, which
     * stores nothing. The sum over the last 60 s is taken before storing, as upstream's test does.
     */
    private static ObjectNode storeEvent(Vector v) {
        JsonNode in = v.input();
        HpaConfig config = ConfigJson.hpaConfig(v.config());
        List<ScaleEvent> previous = HpaJson.events(in, "input", "previousEvents");
        int prev = Fields.requiredInt(in, "input", "prevReplicas");
        int next = Fields.requiredInt(in, "input", "newReplicas");
        if (Fields.has(in, "direction") && direction(in) != (next > prev)) {
            throw new VectorFormatException("input.direction", "contradicts prevReplicas " + prev + " → newReplicas " + next);
        }
        ObjectNode out = ReplicaKinds.object().put("replicaChangeInLast60sBefore", ScalingLimits.changeInPeriod(60, previous, TimeBase.NOW));
        List<ScaleEvent> after = previous;
        if (Fields.get(in, "rules") != null) {
            ScalingRules rules = HpaJson.rules(in, "input", "rules");
            ResolvedRules resolved = next > prev ? BehaviorDefaults.scaleUp(rules)
                    : BehaviorDefaults.scaleDown(rules, config.downscaleStabilizationWindow());
            after = ScaleEventLog.store(previous, resolved, prev, next, TimeBase.NOW);
        }
        ArrayNode events = out.putArray("eventsAfter");
        after.forEach(e -> events.addObject().put("replicaChange", e.replicaChange()).put("outdated", e.outdated()));
        return out;
    }

    /** {@code up}/{@code scaleUp} or {@code down}/{@code scaleDown}. */
    private static boolean direction(JsonNode in) {
        String d = Fields.requiredText(in, "input", "direction").toLowerCase(Locale.ROOT);
        return switch (d) {
            case "up", "scaleup" -> true;
            case "down", "scaledown" -> false;
            default -> throw new VectorFormatException("input.direction", "must be \"up\" or \"down\", got \"" + d + "\"");
        };
    }

    private static ObjectNode limited(Limited l) {
        return ReplicaKinds.object().put("replicas", l.replicas()).put("reason", l.reason());
    }

    private static ArrayNode replicas(ObjectNode factory, List<Recommendation> history) {
        ArrayNode a = factory.arrayNode();
        history.forEach(r -> a.add(r.replicas()));
        return a;
    }
}
