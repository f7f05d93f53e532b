package io.greenscale.loadgen.cli;

import io.greenscale.loadgen.record.LatencyStats;
import io.greenscale.loadgen.record.RunSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary printed on stdout at the end of a run. */
final class SummaryTable {
    private SummaryTable() {}

    static String mode(boolean closedLoop, int users, Duration think, String arrivals) {
        return closedLoop
                ? "CLOSED LOOP, " + users + " users, think " + seconds(think)
                : "open loop, " + arrivals + " arrivals";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    static void print(PrintStream out, RunSummary s, String target, Path dir, boolean closedLoop, int users, Duration think) {
        RunSummary.Requests r = s.requests();
        out.println();
        out.println("target     " + target);
        out.println("mode       " + (closedLoop
                ? "CLOSED LOOP (" + users + " users, think " + seconds(think) + "): the target sets the pace, so stalls are hidden"
                : "open loop: requests sent on schedule, latency from the intended send time"));
        out.printf(Locale.ROOT, "requests   intended %d  sent %d  completed %d  errors %d (timeouts %d)  dropped %d%n",
                r.intended(), r.sent(), r.completed(), r.errors(), r.timeouts(), r.dropped());
        if (!s.errorsByKind().isEmpty()) {
            out.println("errors     " + s.errorsByKind().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        out.printf(Locale.ROOT, "rate       intended %.1f/s  achieved %.1f/s  (run %.1f s with the drain)%n",
                s.intendedRatePerS(), s.achievedRatePerS(), s.durationS());
        out.println(line(closedLoop ? "latency    (from send, ms)    " : "latency    (from intended, ms)", s.latencyMs()));
        if (s.serviceTimeMs() != null) {
            out.println(line("service    (from send, ms)    ", s.serviceTimeMs()));
        }
        if (s.schedulingErrorMs() != null) {
            LatencyStats e = s.schedulingErrorMs();
            out.printf(Locale.ROOT, "schedule   send lag p50 %.3f ms  p99 %.3f ms  max %.3f ms%n", e.p50(), e.p99(), e.max());
        }
        out.println("run dir    " + dir);
    }

    private static String line(String label, LatencyStats l) {
        return String.format(Locale.ROOT, "%s p50 %s  p90 %s  p95 %s  p99 %s  p99.9 %s  max %s", label,
                ms(l.p50()), ms(l.p90()), ms(l.p95()), ms(l.p99()), ms(l.p999()), ms(l.max()));
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
