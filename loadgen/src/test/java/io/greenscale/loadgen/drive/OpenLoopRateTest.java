package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenscale.loadgen.profile.Arrivals;
import io.greenscale.loadgen.profile.ConstantProfile;
import io.greenscale.loadgen.record.RunDirectory;
import io.greenscale.loadgen.record.RunSummary;
import io.greenscale.loadgen.record.TimeseriesRow;
import io.greenscale.loadgen.serve.StallingServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator keeps its schedule against a fast local server: a behavioural check, not a benchmark. */
class OpenLoopRateTest {

    @TempDir
    Path tmp;

    @Test
    void achievedRateIsWithinOnePercentOfTheScheduleOverTwentySeconds() throws Exception {
        int ratePerSecond = 1000;
        Duration duration = Duration.ofSeconds(20);
        try (StallingServer server = StallingServer.start(0);
             HttpTarget target = new HttpTarget(URI.create(server.url()), "GET", List.of(), Duration.ofSeconds(5), 64)) {
            LoadRun.Result result = Runs.run(
                    new LoadRun.Open(Arrivals.uniform(new ConstantProfile(ratePerSecond, duration)), duration, null),
                    target, 64, Duration.ofSeconds(5), new LoadRun.Warmup(Duration.ofSeconds(1), ratePerSecond), tmp.resolve("run"));

            RunSummary s = result.summary();
            assertThat(result.reached()).isTrue();
            assertThat(s.requests().intended()).isEqualTo(20_000);
            assertThat(s.requests().sent()).isEqualTo(20_000);
            assertThat(s.achievedRatePerS()).isCloseTo(ratePerSecond, within(ratePerSecond * 0.01));
            assertThat(s.requests().errors()).isZero();
            assertThat(server.requests()).as("20,000 measured after 1,000 warm-up requests").isEqualTo(21_000);

            List<TimeseriesRow> rows = RunDirectory.open(tmp.resolve("run")).readTimeseries();
            assertThat(rows.subList(0, 20)).allSatisfy(r -> assertThat(r.arrivals()).isEqualTo(ratePerSecond));
            long sentInSchedule = rows.stream().filter(r -> r.tS() < 20).mapToLong(TimeseriesRow::sent).sum();
            assertThat((double) sentInSchedule).as("sent within the 20 scheduled seconds").isCloseTo(20_000, within(200.0));
        }
    }
}
