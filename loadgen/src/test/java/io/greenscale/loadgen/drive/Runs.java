package io.greenscale.loadgen.drive;

import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** Runs a plan against a target into a fresh run directory, as the CLI does, without progress lines. */
final class Runs {
    private Runs() {}

    static LoadRun.Result run(LoadRun.Plan plan, Target target, int connections, Duration timeout, Path dir) throws Exception {
        return run(plan, target, connections, timeout, LoadRun.Warmup.NONE, dir);
    }

    static LoadRun.Result run(LoadRun.Plan plan, Target target, int connections, Duration timeout, LoadRun.Warmup warmup, Path dir)
            throws Exception {
        target.probe();
        RunDirectory run = RunDirectory.create(dir);
        RunInfo info = RunInfo.of(RunInfo.Kind.LOADGEN, InstantSource.system().instant()).target(target.describe());
        return LoadRun.execute(plan, target, new LoadRun.Limits(connections, 1_000_000, timeout), warmup, run, info, null,
                InstantSource.system());
    }
}
