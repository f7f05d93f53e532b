package io.greenscale.daemon.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenscale.daemon.cli.ScalerMain;
import io.greenscale.daemon.log.DecisionJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class PolicyReplayCommandTest {
    private static final String POLICY = """
            type: greenscale
            maxReplicas: 20
            coldStart: 0s
            queue: {perReplicaRate: 1, learn: {alpha: 0}}
            forecast: {enabled: false}
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScalerMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void writes_one_json_line_per_row_with_the_decision_and_its_reasons() throws IOException {
        Path policy = write("policy.yaml", POLICY);
        Path signals = write("signals.csv", """
                t_s,queue,arrival_rate,completion_rate
                0,0,8,8
                5,0,16,8
                10,,16,8
                """);
        Path out = dir.resolve("decisions.jsonl");
        Run r = run("policy", "replay", "--config", policy.toString(), "--signals", signals.toString(), "--out", out.toString(),
                "--initial-replicas", "10");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        JsonNode second = DecisionJson.mapper().readTree(lines.get(1));
        assertThat(second.get("t_s").asDouble()).isEqualTo(5.0);
        assertThat(second.get("current").asInt()).isEqualTo(10);
        assertThat(second.get("desired").asInt()).isEqualTo(20);
        assertThat(second.get("reason").asText()).isEqualTo("SCALE_UP");
        assertThat(second.get("proposals").get("queue").asInt()).isEqualTo(20);
        assertThat(second.get("mode").asText()).isEqualTo("replay");
        JsonNode third = DecisionJson.mapper().readTree(lines.get(2));
        assertThat(third.get("current").asInt()).as("the target followed the previous decision").isEqualTo(20);
        assertThat(third.get("reason").asText()).as("queue cell empty: no signal").isEqualTo("NO_SIGNALS");
        assertThat(third.get("why").get("signals").toString()).contains("empty cell at line 4");
    }

    @Test
    void prints_a_table_by_default() throws IOException {
        Path policy = write("policy.yaml", POLICY);
        Path signals = write("signals.csv", "t_s,queue,arrival_rate\n0,0,8\n5,0,16\n");
        Run r = run("policy", "replay", "--config", policy.toString(), "--signals", signals.toString(), "--initial-replicas", "10");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("reason").contains("10→20").contains("SCALE_UP").contains("queue=20*");
    }

    @Test
    void recorded_replica_counts_are_what_the_policy_sees() throws IOException {
        Path policy = write("policy.yaml", POLICY);
        Path signals = write("signals.csv", "t_s,queue,arrival_rate,ready,starting\n0,0,16,6,1\n5,0,16,7,0\n");
        Path out = dir.resolve("d.jsonl");
        assertThat(run("policy", "replay", "--config", policy.toString(), "--signals", signals.toString(), "--out", out.toString()).exit()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(DecisionJson.mapper().readTree(lines.get(0)).get("current").asInt()).isEqualTo(7);
        assertThat(DecisionJson.mapper().readTree(lines.get(1)).get("current").asInt()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown column                  | t_s,queue,colour\\n0,1,red\\n                 | line 1, column colour: unknown column
            a non-numeric cell                 | t_s,queue\\n0,1\\n5,lots\\n                    | line 3, column queue: "lots" is not a number
            time going backwards               | t_s,queue\\n0,1\\n10,1\\n5,1\\n                | line 4, column t_s: 5 is not after the previous row's 10
            a repeated time                    | t_s,queue\\n0,1\\n0,1\\n                       | line 3, column t_s: 0 is not after
            no t_s column                      | queue\\n1\\n                                   | line 1: the header has no t_s column
            an empty time                      | t_s,queue\\n0,1\\n,2\\n                        | line 3, column t_s: empty
            a negative value                   | t_s,queue\\n0,-1\\n                           | line 2, column queue: -1 is negative
            an empty file                      | ''                                             | empty file or unreadable header
            """)
    void malformed_timelines_fail_with_line_and_column_and_write_nothing(String name, String csv, String message) throws IOException {
        Path policy = write("policy.yaml", POLICY);
        Path signals = write("signals.csv", csv.replace("\\n", "\n"));
        Path out = dir.resolve("out.jsonl");
        Run r = run("policy", "replay", "--config", policy.toString(), "--signals", signals.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(message);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("policy.yaml", "signals.csv");
        }
    }

    @Test
    void an_invalid_policy_lists_every_problem() throws IOException {
        Path policy = write("policy.yaml", "cpu: {target: 14}\nqueue: {drainTarg: 30s}\n");
        Path signals = write("signals.csv", "t_s,queue\n0,1\n");
        Run r = run("policy", "replay", "--config", policy.toString(), "--signals", signals.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cpu.target = 14: must be in (0, 10]").contains("queue.drainTarg: unknown key (did you mean drainTarget?)");
    }

    @Test
    void a_missing_file_is_named() {
        Run r = run("policy", "replay", "--config", dir.resolve("nope.yaml").toString(), "--signals", "x.csv");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.yaml: no such file");
    }

    @Test
    void a_usage_error_exits_2() {
        Run r = run("policy", "replay", "--signals", "x.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--config=POLICY.yaml'");
    }

    @Test
    void the_bundled_example_replays() {
        Run r = run("policy", "replay", "--config", "../policy/examples/policy.yaml", "--signals", "../policy/examples/step-load.csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(122);
    }
}
