package io.greenscale.analysis.experiment;

import io.greenscale.analysis.scenario.Scenario;
import io.greenscale.analysis.scenario.Scenarios;
import io.greenscale.analysis.scenario.WorkloadSource;
import io.greenscale.loadgen.profile.Profile;
import io.greenscale.loadgen.profile.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The demand of an experiment: a load-generator workload (a built-in name or a profile/trace file)
 * or a built-in comparison scenario's workload, before scaling to what this machine holds. The
 * calibration resolves it again from {@link #source()} to give its simulated twin the very same
 * arrivals.
 *
 * @param source       what the user gave: a name, or a file's absolute path
 * @param scenarioName the name reports pair runs by; a comparison scenario played here is
 *                     {@code <name>-local}, since its cluster and bounds are this machine's, not the scenario's
 * @param builtIn      a shipped workload, whose default scales fit it to this machine
 */
public record ExperimentWorkload(String source, String scenarioName, String title, String description, WorkloadSource base,
                                 boolean builtIn) {

    public static ExperimentWorkload resolve(String nameOrFile) {
        if (Scenarios.BUILT_IN.contains(nameOrFile)) {
            Scenario s = Scenarios.get(nameOrFile);
            return new ExperimentWorkload(nameOrFile, nameOrFile + "-local", s.title(), s.description(), s.workload(), true);
        }
        boolean named = Workloads.NAMES.contains(nameOrFile) && !Path.of(nameOrFile).toFile().isFile();
        WorkloadSource base = WorkloadSource.of(Workloads.resolve(nameOrFile));
        String source = named ? nameOrFile : Path.of(nameOrFile).toAbsolutePath().normalize().toString();
        String name = named ? nameOrFile : Path.of(nameOrFile).getFileName().toString();
        return new ExperimentWorkload(source, name, name, "", base, named);
    }

    /** The peak arrival rate of the unscaled workload, requests per second. */
    public double peakRatePerSecond() {
        Profile p = switch (base) {
            case WorkloadSource.ProfileSource ps -> ps.profile();
            case WorkloadSource.TraceSource ts -> ts.trace().scaled(ts.rateScale(), ts.timeScale());
        };
        double peak = 0;
        double end = p.durationSeconds();
        for (double t = 0.5; t < end; t += 1) {
            peak = Math.max(peak, p.rateAtSeconds(t));
        }
        return peak;
    }

    /** The time scale that makes the workload last about {@code length}. */
    public double fittedTimeScale(Duration length) {
        return round((double) length.toMillis() / base.duration().toMillis());
    }

    /**
     * The rate scale that puts the workload's peak, played at {@code timeScale}, at {@code peakShare}
     * of {@code capacityPerSecond}: rate'(t) = rateScale / timeScale × rate(t / timeScale).
     */
    public double fittedRateScale(double capacityPerSecond, double peakShare, double timeScale) {
        double peak = peakRatePerSecond();
        return peak <= 0 ? 1 : round(capacityPerSecond * peakShare / peak * timeScale);
    }

    /** Three significant digits, so the scales print and record as typed. */
    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }
}
