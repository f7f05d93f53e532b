package io.greenscale.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Explanation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowLogReaderTest {
    static final ObjectMapper DAEMON_FORMAT = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @TempDir
    Path tmp;

    static String line(String target, double tS, int observed, int desired) throws Exception {
        return DAEMON_FORMAT.writeValueAsString(new DecisionRecord(tS, "2026-11-22T10:00:00Z", target, "greenscale", "shadow",
                observed, desired, "SCALE_UP", null, observed, false, Map.of("queue", desired),
                new Explanation(List.of(), List.of(), "queue", desired, List.of())));
    }

    @Test
    void eachTargetOfAShadowLogBecomesAShadowRun() throws Exception {
        Path log = tmp.resolve("decisions.jsonl");
        Files.write(log, List.of(line("prod/deployment/a", 0, 2, 3), line("prod/deployment/b", 0, 1, 1), line("prod/deployment/a", 15, 3, 3)));
        List<ReadRun> runs = ShadowLogReader.read(log);
        assertThat(runs).extracting(r -> r.run().name()).containsExactly("decisions:prod/deployment/a", "decisions:prod/deployment/b");
        assertThat(runs.getFirst().run().decisions()).hasSize(2);
        assertThat(runs.getFirst().run().info()).containsEntry("kind", "shadow")
                .containsEntry("scenario", Map.of("name", "prod/deployment/a", "title", "Shadow: prod/deployment/a"));
    }

    @Test
    void aLogWithoutHpaReplicaCountsIsNotAShadowLog() throws Exception {
        Path log = tmp.resolve("active.jsonl");
        Files.writeString(log, line("t", 0, 2, 3).replace("\"observed_replicas\":2", "\"observed_replicas\":null") + "\n");
        assertThatThrownBy(() -> ShadowLogReader.read(log)).isInstanceOf(RunReadException.class)
                .hasMessageContaining("active.jsonl").hasMessageContaining("not a shadow decision log");
    }

    @Test
    void aMissingPathIsNamed() {
        assertThatThrownBy(() -> Inputs.read(List.of(tmp.resolve("nowhere")))).isInstanceOf(RunReadException.class)
                .hasMessageContaining("nowhere").hasMessageContaining("not a run directory or a decision log");
    }
}
