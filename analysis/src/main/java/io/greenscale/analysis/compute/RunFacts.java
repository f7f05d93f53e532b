package io.greenscale.analysis.compute;

import io.greenscale.analysis.run.RunData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code run.json} says about a run, read tolerantly: real runs carry less than simulated
 * ones, so a missing or mistyped key is null here and the figures that need it are left out.
 *
 * @param kind               {@code simulation}, {@code experiment}, {@code loadgen} or {@code shadow}
 * @param scenario           {@code scenario.name}, e.g. {@code load-step}
 * @param policy             {@code policy.name}, e.g. {@code hpa-cpu70}
 * @param sloP95Millis       {@code slo.p95_ms}: the latency a request must stay within
 * @param gpusPerReplica     {@code cost.gpus_per_replica}
 * @param pricePerGpuHour    {@code cost.price_per_gpu_hour}, in the report's currency
 * @param pricePerReplicaHour {@code cost.price_per_replica_hour}: what a replica costs an hour, GPUs
 *                           and all (a CPU-only service has no GPU to price); null when not given
 * @param events             {@code events}: load steps and other marks on the timeline
 * @param durationSeconds    {@code duration_s}
 */
public record RunFacts(
        String kind,
        String scenario,
        String scenarioTitle,
        String scenarioDescription,
        String policy,
        Long seed,
        Double sloP95Millis,
        Double gpusPerReplica,
        Double pricePerGpuHour,
        Double pricePerReplicaHour,
        List<Event> events,
        Double durationSeconds) {

    /** A mark on the run's timeline, e.g. {@code {"t_s": 300, "kind": "load_step"}}. */
    public record Event(double tSeconds, String kind) {}

    public RunFacts {
        events = List.copyOf(events);
    }

    public static RunFacts of(RunData run) {
        Map<String, Object> info = run.info();
        return new RunFacts(
                text(info.get("kind")),
                text(child(info, "scenario").get("name")),
                text(child(info, "scenario").get("title")),
                text(child(info, "scenario").get("description")),
                text(child(info, "policy").get("name")),
                whole(info.get("seed")),
                number(child(info, "slo").get("p95_ms")),
                number(child(info, "cost").get("gpus_per_replica")),
                number(child(info, "cost").get("price_per_gpu_hour")),
                number(child(info, "cost").get("price_per_replica_hour")),
                events(info.get("events")),
                number(info.get("duration_s")));
    }

    /**
     * The same facts with what the user set on the command line in place of run.json's values. A
     * price per GPU-hour given there also sets aside run.json's price per replica-hour: the user
     * asked for GPU-hours × that price.
     */
    public RunFacts with(Overrides o) {
        boolean gpuPriceGiven = o.pricePerGpuHour() != null || o.gpusPerReplica() != null;
        return new RunFacts(kind, scenario, scenarioTitle, scenarioDescription, policy, seed,
                o.sloP95Millis() != null ? o.sloP95Millis() : sloP95Millis,
                o.gpusPerReplica() != null ? o.gpusPerReplica() : gpusPerReplica,
                o.pricePerGpuHour() != null ? o.pricePerGpuHour() : pricePerGpuHour,
                gpuPriceGiven ? null : pricePerReplicaHour,
                events, durationSeconds);
    }

    /** The first load step's time, or null when the scenario has none. */
    public Double firstLoadStepSeconds() {
        return events.stream().filter(e -> "load_step".equals(e.kind())).map(Event::tSeconds).findFirst().orElse(null);
    }

    public boolean isShadow() {
        return "shadow".equals(kind);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long whole(Object v) {
        Double d = number(v);
        return d == null || d != Math.rint(d) ? null : d.longValue();
    }

    private static List<Event> events(Object v) {
        List<Event> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && number(m.get("t_s")) != null) {
                    out.add(new Event(number(m.get("t_s")), text(m.get("kind"))));
                }
            }
        }
        return out;
    }
}
