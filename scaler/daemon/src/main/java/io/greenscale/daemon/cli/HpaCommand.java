package io.greenscale.daemon.cli;

import io.greenscale.daemon.conformance.ConformanceReport;
import io.greenscale.daemon.conformance.ConformanceRunner;
import io.greenscale.daemon.conformance.MalformedVectorException;
import io.greenscale.daemon.conformance.VectorResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code greenscale hpa …}: the HPA emulation's commands. */
@Command(name = "hpa",
        mixinStandardHelpOptions = true,
        description = "The faithful HPA (autoscaling/v2) emulation.",
        subcommands = {HpaCommand.Conformance.class})
public final class HpaCommand {

    /**
     * {@code hpa conformance FILE...}: runs vector files (format hpa-vectors/1) against the emulation.
     * Exit 0 when every vector passes, 1 when any fails, 2 when a file cannot be read or a vector is malformed.
     */
    @Command(name = "conformance",
            mixinStandardHelpOptions = true,
            description = {"Run HPA conformance vectors (format hpa-vectors/1) against the emulation.",
                    "Prints one line per failing vector (id, expected and actual values), then 'N passed, M failed'.",
                    "Exit status: 0 all passed, 1 some failed, 2 a file could not be read or a vector is malformed."})
    static final class Conformance implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Vector files (JSON).")
        List<Path> files;

        @Option(names = "--summary", description = "Also print the number of vectors of each kind, passed and failed.")
        boolean summary;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConformanceReport report;
            try {
                report = new ConformanceRunner().run(files);
            } catch (MalformedVectorException e) {
                err.println("hpa conformance: " + e.getMessage());
                err.flush();
                return 2;
            }
            for (VectorResult failure : report.failures()) {
                out.println(failure.failureLine());
            }
            if (summary) {
                out.printf("%-32s %7s %7s%n", "kind", "passed", "failed");
                for (Map.Entry<String, long[]> e : report.byKind().entrySet()) {
                    out.printf("%-32s %7d %7d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
                }
            }
            out.println(report.summaryLine());
            out.flush();
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
