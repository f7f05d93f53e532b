package io.greenscale.daemon.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenscale.daemon.log.DecisionJson;
import io.greenscale.daemon.replay.DecisionTable;
import io.greenscale.daemon.replay.Replay;
import io.greenscale.daemon.replay.SignalTimeline;
import io.greenscale.policy.DecisionRecord;
import io.greenscale.policy.Policies;
import io.greenscale.policy.Policy;
import io.greenscale.policy.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greenscale policy}: the decision core on its own. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "The decision core on its own.",
        subcommands = PolicyCommand.ReplayCommand.class)
public final class PolicyCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Run a policy over a recorded signal timeline: one decision per row.",
                    "",
                    "SIGNALS.csv has a header; t_s (seconds, increasing) is required; other columns: "
                            + "current, queue, in_flight, arrival_rate, completion_rate, cpu, gpu, p95_ms, ready, starting. "
                            + "An empty cell or a missing column means that signal was absent. Without current/ready/starting "
                            + "the target follows each decision at once.",
                    "",
                    "Prints a table; with --out (or --format jsonl) writes one JSON line per row (the decision-log schema)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:decisions written", "1:malformed timeline or policy (the message names file, line and column or key)",
                    "2:usage error"})
    static final class ReplayCommand implements Callable<Integer> {
        enum Format { table, jsonl }

        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "POLICY.yaml", description = "The policy: a policy section (type: greenscale | hpa | keda).")
        Path config;

        @Option(names = "--signals", required = true, paramLabel = "SIGNALS.csv", description = "The recorded signal timeline.")
        Path signals;

        @Option(names = "--out", paramLabel = "FILE", description = "Write JSON lines here (written whole or not at all).")
        Path out;

        @Option(names = "--format", paramLabel = "table|jsonl", description = "Standard output format (default: table, or nothing extra with --out).")
        Format format;

        @Option(names = "--initial-replicas", defaultValue = "1", paramLabel = "N", description = "Replicas before the first row (default: ${DEFAULT-VALUE}).")
        int initialReplicas;

        @Option(names = "--start", defaultValue = "1970-01-01T00:00:00Z", paramLabel = "INSTANT", description = "The instant of t_s = 0 (default: ${DEFAULT-VALUE}).")
        Instant start;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter stdout = spec.commandLine().getOut();
            for (Path file : List.of(config, signals)) {
                if (!Files.isReadable(file)) {
                    err.println(file + ": no such file (or not readable)");
                    return 1;
                }
            }
            Policy policy;
            SignalTimeline timeline;
            try {
                policy = loadPolicy(config);
                timeline = SignalTimeline.read(signals);
            } catch (ConfigException e) {
                err.println(config + ": invalid policy:");
                e.problems().forEach(p -> err.println("  " + p));
                return 1;
            } catch (SignalTimeline.TimelineException e) {
                err.println(e.getMessage());
                return 1;
            } catch (JacksonException e) {
                err.println(config + ": not valid YAML: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
                return 1;
            }
            if (initialReplicas < 0) {
                err.println("--initial-replicas = " + initialReplicas + ": must be >= 0");
                return 2;
            }
            List<DecisionRecord> records = Replay.run(policy, timeline, initialReplicas, start);
            if (out != null) {
                writeAtomically(out, records);
            }
            Format f = format != null ? format : out != null ? null : Format.table;
            if (f == Format.table) {
                stdout.print(DecisionTable.render(records));
            } else if (f == Format.jsonl) {
                records.forEach(r -> stdout.println(DecisionJson.line(r)));
            }
            if (out != null) {
                err.println(records.size() + " decisions written to " + out);
            }
            stdout.flush();
            return 0;
        }

        private static Policy loadPolicy(Path file) throws IOException {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, Object> root = yaml.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
            if (root == null) {
                root = Map.of();
            }
            if (root.size() == 1 && root.get("policy") instanceof Map<?, ?> section) {
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) section;
                return Policies.fromMap(s, "policy");
            }
            return Policies.fromMap(root, "");
        }

        private static void writeAtomically(Path target, List<DecisionRecord> records) throws IOException {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".replay-", ".jsonl");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                    for (DecisionRecord r : records) {
                        w.write(DecisionJson.line(r));
                        w.newLine();
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
