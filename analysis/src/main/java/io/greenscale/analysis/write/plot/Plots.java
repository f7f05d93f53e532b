package io.greenscale.analysis.write.plot;

import io.greenscale.analysis.compute.Analysis;
import io.greenscale.analysis.compute.Fidelity;
import io.greenscale.analysis.compute.Scenario;
import io.greenscale.analysis.compute.ShadowComparison;
import io.greenscale.analysis.run.RunData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * Renders every chart of a report, in parallel (one platform thread per core: rendering is CPU
 * work): per scenario the replicas with the load, p95 with the SLO, the backlog and cost
 * against SLO violations; per shadow run the HPA against GreenScale; per fidelity pair the
 * simulated against the real replica timeline. A chart whose data no run recorded is left out.
 */
public final class Plots {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts render without a display
        }
    }

    /** The charts of a scenario, in the order the report shows them. */
    public enum Kind { REPLICAS, P95, BACKLOG, COST_VS_SLO }

    private record Job(String key, Supplier<JFreeChart> chart, String caption) {}

    private Plots() {}

    /** The file base name of a scenario's chart, e.g. {@code load-step-cost-vs-slo}. */
    public static String key(String scenario, Kind kind) {
        return slug(scenario) + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String shadowKey(String run) {
        return "shadow-" + slug(run);
    }

    public static String fidelityKey(Fidelity f) {
        return "fidelity-" + slug(f.real());
    }

    /** File-name safe: lower case, letters, digits, dots and dashes. */
    public static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(s.hashCode()) : slug;
    }

    /** Renders into {@code dir} (which must exist); returns the plots by key, in page order. */
    public static Map<String, Plot> render(Path dir, Analysis analysis, List<RunData> runs) {
        Map<String, RunData> byName = new HashMap<>();
        runs.forEach(r -> byName.put(r.name(), r));
        List<Job> jobs = new ArrayList<>();
        for (Scenario s : analysis.scenarios()) {
            ScenarioCharts charts = new ScenarioCharts(s, analysis, byName);
            add(jobs, key(s.name(), Kind.REPLICAS), charts.replicas(), charts.replicasCaption());
            add(jobs, key(s.name(), Kind.P95), charts.p95(), charts.p95Caption());
            add(jobs, key(s.name(), Kind.BACKLOG), charts.backlog(), charts.backlogCaption());
            add(jobs, key(s.name(), Kind.COST_VS_SLO), charts.costVsSlo(), charts.costVsSloCaption());
        }
        for (ShadowComparison sc : analysis.shadows()) {
            add(jobs, shadowKey(sc.run()), PairCharts.shadow(sc), PairCharts.shadowCaption(sc));
        }
        for (Fidelity f : analysis.fidelity()) {
            add(jobs, fidelityKey(f), PairCharts.fidelity(f, byName.get(f.simulated()), byName.get(f.real())), PairCharts.fidelityCaption(f));
        }
        return renderAll(dir, jobs);
    }

    private static void add(List<Job> jobs, String key, Supplier<JFreeChart> chart, String caption) {
        if (chart != null) {
            jobs.add(new Job(key, chart, caption));
        }
    }

    private static Map<String, Plot> renderAll(Path dir, List<Job> jobs) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), jobs.size()));
        Map<String, Plot> out = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Plot>> futures = jobs.stream()
                    .map(j -> pool.submit(() -> ChartFiles.render(j.chart().get(), dir, j.key(), j.caption()))).toList();
            for (Future<Plot> f : futures) {
                Plot p = f.get();
                out.put(p.key(), p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering plots", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("a plot failed", e.getCause());
        }
        return out;
    }
}
