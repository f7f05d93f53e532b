package io.greenscale.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.app.compute.CpuInfo;
import io.greenscale.app.compute.EngineKind;
import io.greenscale.app.compute.EngineSelector;
import io.greenscale.app.compute.EngineUnavailable;
import io.greenscale.app.compute.NativeEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line: usage errors and bad settings exit 2 with the reason; an unavailable forced engine exits 1. */
class AppMainTest {
    record Run(int status, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = AppMain.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(cmd.execute(args), err.toString());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("unknown option → 2", new String[] {"--bogus"}, "Unknown option: '--bogus'"),
                Arguments.of("port out of range → 2 naming it", new String[] {"--port", "99999"}, "--port = 99999: must be in [0, 65535]"),
                Arguments.of("two bad values → 2 naming both", new String[] {"--mode", "batch", "--max-batch", "0"},
                        "--max-batch = 0: must be in [1, 65536]"),
                Arguments.of("bench with an unknown engine → 2", new String[] {"bench", "--engines", "tpu"}, "Invalid value for option '--engines'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aUsageErrorExitsWithTwoAndSaysWhy(String name, String[] args, String message) {
        Run r = run(args);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }

    @Test
    void askingForAnEngineThatIsNotHereFailsAtStartUpWithTheReason() {
        EngineSelector system = new EngineSelector(NativeEnvironment.system(), 1, false, CpuInfo.read());
        try (var cuda = system.open(EngineKind.CUDA)) {
            Assumptions.abort("this machine has a working CUDA stack");
        } catch (EngineUnavailable expected) {
            // the case under test
        }

        Run r = run("--engine", "cuda", "--port", "0");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("greenscale app: engine cuda is unavailable: libcuda.so.1 not loadable");
    }
}
