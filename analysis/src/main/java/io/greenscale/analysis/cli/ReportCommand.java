package io.greenscale.analysis.cli;

import io.greenscale.analysis.compute.Overrides;
import io.greenscale.analysis.read.Inputs;
import io.greenscale.analysis.read.ReadRun;
import io.greenscale.analysis.read.RunReadException;
import io.greenscale.analysis.write.Report;
import io.greenscale.analysis.write.ReportOptions;
import io.greenscale.analysis.write.ReportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenscale report DIR... [--out DIR] [--price X]}: recomputes scorecards, plots and
 * report.html from run directories — simulated, real experiment, load-generator-only or shadow —
 * and compares them side by side. Exit 0 on success, 1 when an input cannot be read (named), 2
 * for usage errors.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Recompute scorecards, plots and report.html from run directories and compare them side by side.",
                "Writes summary.csv (one row per run), runs.csv, plots/*.png|svg and report.html."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:an input is not a run directory or cannot be read", "2:usage error"})
public final class ReportCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "Run directories (with run.json), or shadow decision logs (*.jsonl) from the scaler in shadow mode.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: reports/report-<UTC time>).")
    Path out;

    @Option(names = "--price", paramLabel = "X", description = "Price per GPU-hour, in place of each run.json's cost.price_per_gpu_hour.")
    Double price;

    @Option(names = "--gpus-per-replica", paramLabel = "N", description = "GPUs each replica holds, in place of run.json's cost.gpus_per_replica.")
    Double gpusPerReplica;

    @Option(names = "--slo-ms", paramLabel = "MS", description = "Latency SLO (p95, ms), in place of run.json's slo.p95_ms.")
    Double sloMillis;

    @Option(names = "--title", description = "The report's title (default: ${DEFAULT-VALUE}).", defaultValue = "GreenScale report")
    String title;

    @Option(names = "--no-plots", description = "Write the tables and CSV files only.")
    boolean noPlots;

    private final InstantSource clock;

    public ReportCommand() {
        this(InstantSource.system());
    }

    ReportCommand(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Overrides overrides = overrides();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<ReadRun> read;
        try {
            read = Inputs.read(inputs);
        } catch (RunReadException e) {
            err.println("greenscale report: " + e.getMessage());
            return 1;
        }
        List<String> notes = read.stream().flatMap(r -> r.notes().stream()).toList();
        notes.forEach(n -> err.println("note: " + n));
        Instant now = clock.instant();
        Path dir = out != null ? out : Path.of("reports", "report-" + STAMP.format(now));
        ReportOptions options = ReportOptions.runs(now).withOverrides(overrides).withTitle(title).withNotes(notes).withPlots(!noPlots);
        ReportResult result = Report.write(dir, read.stream().map(ReadRun::run).toList(), options);
        stdout.print(Report.table(result.analysis()));
        stdout.println();
        stdout.println("Wrote " + result.html() + ", " + result.summaryCsv().getFileName() + ", " + result.runsCsv().getFileName()
                + " and " + result.plots().size() + " plots (PNG and SVG) under " + dir);
        stdout.flush();
        return 0;
    }

    private Overrides overrides() {
        try {
            Overrides.check("--price", price, Overrides.PRICE);
            Overrides.check("--gpus-per-replica", gpusPerReplica, Overrides.GPUS);
            Overrides.check("--slo-ms", sloMillis, Overrides.SLO);
            return new Overrides(price, gpusPerReplica, sloMillis);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
