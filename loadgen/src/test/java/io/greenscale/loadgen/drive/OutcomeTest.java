package io.greenscale.loadgen.drive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeTest {

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("200 → ok", 200, true, "ok"),
                Arguments.of("204 → ok", 204, true, "ok"),
                Arguments.of("429 → error counted by status", 429, false, "status_429"),
                Arguments.of("503 → error counted by status", 503, false, "status_503"),
                Arguments.of("302 → error (redirects are not followed)", 302, false, "status_302"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void statusCodes(String name, int status, boolean ok, String kind) {
        assertThat(Outcome.status(status)).isEqualTo(new Outcome(ok, status, kind));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("request timeout → timeout", new TimeoutException("Total timeout 5000 ms elapsed"), "timeout"),
                Arguments.of("connect timeout → connect", new SocketTimeoutException("Connect Timeout"), "connect"),
                Arguments.of("refused → connect", new ConnectException("Connection refused"), "connect"),
                Arguments.of("reset → io", new IOException("reset"), "io"),
                Arguments.of("failed TLS handshake, wrapped by the codec → tls",
                        new DecoderException(new SSLHandshakeException("PKIX path building failed")), "tls"),
                Arguments.of("anything else names its class", new IllegalStateException(), "client_IllegalStateException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void transportFailures(String name, Throwable error, String kind) {
        assertThat(HttpTarget.failure(error)).isEqualTo(Outcome.failed(kind));
    }
}
