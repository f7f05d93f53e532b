package io.greenscale.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to start the load so that the scaler's ticks fall where the simulator's do: the simulator
 * decides at whole multiples of the sync period from the run's start, and the scaler's loop ticks at
 * fixed multiples of its period from its own first tick. Starting the load just before one of its
 * ticks puts every later tick {@link #LEAD} after the simulated one — each decision sees what its
 * twin sees, where a random phase would let the two read different arrival windows.
 */
final class TickPhase {
    /** The scaler's tick lands this long after the run's second boundary — more than its wake-up jitter on a busy machine — so it has seen at least what the simulator saw. */
    static final Duration LEAD = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TickPhase() {}

    /**
     * The start instant: {@link #LEAD} before the first tick at least {@code prepare} after {@code now}.
     *
     * @param lastTick the last decision's time in the scaler's log, or null when it has none yet (then: now + prepare)
     */
    static Instant start(Instant lastTick, Duration period, Instant now, Duration prepare) {
        if (lastTick == null) {
            return now.plus(prepare);
        }
        Instant earliest = now.plus(prepare).plus(LEAD);
        long periods = Math.max(0, (Duration.between(lastTick, earliest).toNanos() + period.toNanos() - 1) / period.toNanos());
        return lastTick.plus(period.multipliedBy(periods)).minus(LEAD);
    }

    /** The time of the last whole decision line in the scaler's log, or null. */
    static Instant lastTick(Path decisionLog) {
        try {
            List<String> lines = Files.isRegularFile(decisionLog) ? Files.readAllLines(decisionLog) : List.of();
            for (int i = lines.size() - 1; i >= 0; i--) {
                try {
                    JsonNode n = JSON.readTree(lines.get(i));
                    if (n.hasNonNull("time")) {
                        return Instant.parse(n.get("time").asText());
                    }
                } catch (IOException | RuntimeException partial) {
                    // a line still being written
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
