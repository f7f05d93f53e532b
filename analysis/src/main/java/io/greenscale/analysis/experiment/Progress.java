package io.greenscale.analysis.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** A line every ten seconds of the run: the queue's rates and depth, and the replicas by state. */
final class Progress {
    private static final int EVERY = 10;

    private final PrintStream out;
    private final Path events;
    private Sample previous;

    Progress(PrintStream out, Path events) {
        this.out = out;
        this.events = events;
    }

    void sample(Sample s) {
        if ((s.second() + 1) % EVERY != 0) {
            return;
        }
        ReplicaTimeline.Counts r = new ReplicaTimeline(WorkerEvent.read(events)).at(s.at());
        double span = previous == null ? s.second() + 1 : s.second() - previous.second();
        double in = (s.enqueued() - (previous == null ? 0 : previous.enqueued())) / span;
        double done = (s.completed() - (previous == null ? 0 : previous.completed())) / span;
        out.printf(Locale.ROOT, "%5ds  in %5.1f/s  done %5.1f/s  backlog %4d  in flight %3d  replicas %d ready%s%s (desired %d)%n",
                s.second() + 1, in, done, s.backlog(), s.inFlight(), r.ready(),
                r.starting() > 0 ? ", " + r.starting() + " starting" : "",
                r.terminating() > 0 ? ", " + r.terminating() + " stopping" : "", r.desired());
        previous = s;
    }
}
