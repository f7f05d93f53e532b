package io.greenscale.analysis.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The wait before the load starts: the scaler has completed a tick and the initial workers are
 * ready, so the run begins in a steady state as its simulated twin does. A scaler that exits, or
 * workers that are not ready within their cold start plus two minutes (JVM starts on a busy
 * machine), fail the experiment with the scaler's log.
 */
final class Readiness {
    private Readiness() {}

    static void await(ExperimentPlan plan, ScalerProcess scaler, Path events, PrintStream out) throws InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(plan.worker().coldStart()).plus(Duration.ofMinutes(2));
        out.printf("waiting for the scaler and %d ready worker(s) (cold start %s + the JVM's start)...%n", plan.initialReplicas(),
                Experiment.human(plan.worker().coldStart()));
        while (true) {
            if (!scaler.isAlive()) {
                throw new IllegalStateException("the scaler exited before the load started; the end of its log:\n" + scaler.logTail(30));
            }
            ReplicaTimeline.Counts now = new ReplicaTimeline(WorkerEvent.read(events)).at(Instant.now());
            if (now.ready() >= plan.initialReplicas() && scaler.ready()) {
                out.printf("ready after %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + now.ready() + " of " + plan.initialReplicas() + " worker(s) ready after "
                        + Experiment.human(Duration.between(started, Instant.now())) + " (worker logs in "
                        + events.resolveSibling("logs") + "); the end of the scaler's log:\n" + scaler.logTail(30));
            }
            Thread.sleep(250); // polling child processes' readiness, not test logic
        }
    }
}
