package io.greenscale.loadgen.record;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code latency.hlog}: an HdrHistogram interval log, one interval per second, values in
 * microseconds, interval times in seconds since the run's start (the log's base time). Any
 * HdrHistogram tool reads it (e.g. HistogramLogProcessor, or HdrHistogram's online plotter).
 */
public final class LatencyLog implements AutoCloseable {
    /** The log's max-value column is printed in ms: microseconds / 1000. */
    private static final double MICROS_PER_MS = 1000.0;

    private final PrintStream out;
    private final HistogramLogWriter writer;

    private LatencyLog(PrintStream out, Instant start) {
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        writer.outputComment("GreenScale latency log: one interval per second, values in microseconds, measured from the intended send time");
        writer.outputLogFormatVersion();
        writer.outputStartTime(start.toEpochMilli());
        writer.setBaseTime(start.toEpochMilli());
        writer.outputBaseTime(start.toEpochMilli());
        writer.outputLegend();
        out.flush();
    }

    public static LatencyLog create(Path file, Instant start) {
        try {
            return new LatencyLog(new PrintStream(file.toFile(), java.nio.charset.StandardCharsets.UTF_8), start);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Appends one interval; {@code startSeconds}/{@code endSeconds} are since the run's start. */
    public synchronized void append(AbstractHistogram intervalMicros, double startSeconds, double endSeconds) {
        writer.outputIntervalHistogram(startSeconds, endSeconds, intervalMicros, MICROS_PER_MS);
        out.flush();
    }

    /** Every interval of a log, in order; each histogram's start/end timestamps are epoch ms. */
    public static List<Histogram> read(Path file) {
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            List<Histogram> intervals = new ArrayList<>();
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                intervals.add((Histogram) h);
            }
            reader.close();
            return intervals;
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
