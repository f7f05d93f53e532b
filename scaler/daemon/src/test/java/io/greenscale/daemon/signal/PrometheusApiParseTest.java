package io.greenscale.daemon.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Prometheus HTTP API's answers as they come over the wire, good and bad. */
class PrometheusApiParseTest {

    @Test
    void a_vector_gives_one_series_per_element_with_labels_value_and_time() throws Exception {
        List<PromSeries> s = PrometheusApi.parse("q", 200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"namespace":"shop","pod":"a"},"value":[1767225600.5,"0.75"]},
                  {"metric":{"namespace":"shop","pod":"b"},"value":[1767225600.5,"NaN"]},
                  {"metric":{},"value":[1767225600.5,"+Inf"]}]}}""");
        assertThat(s).hasSize(3);
        assertThat(s.get(0).labels()).containsEntry("pod", "a");
        assertThat(s.get(0).value()).isEqualTo(0.75);
        assertThat(s.get(0).timestamp().toEpochMilli()).isEqualTo(1767225600500L);
        assertThat(s.get(1).value()).isNaN();
        assertThat(s.get(2).value()).isInfinite();
    }

    @Test
    void a_scalar_is_one_series_without_labels() throws Exception {
        assertThat(PrometheusApi.parse("q", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1767225600,\"3\"]}}"))
                .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(3));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("bad PromQL (400) → rejected with Prometheus' reason", 400,
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error: unexpected end of input\"}",
                        SourceException.Kind.REJECTED, "parse error"),
                Arguments.of("401 → auth", 401, "Unauthorized", SourceException.Kind.AUTH, "401"),
                Arguments.of("503 → server error", 503, "{\"status\":\"error\",\"error\":\"TSDB not ready\"}", SourceException.Kind.SERVER_ERROR, "TSDB not ready"),
                Arguments.of("a range vector → rejected: not a signal", 200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", SourceException.Kind.REJECTED, "instant vector"),
                Arguments.of("HTML from a proxy → bad response", 200, "<html>login</html>", SourceException.Kind.BAD_RESPONSE, "<html>"),
                Arguments.of("a value that is no number → bad response", 200,
                        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"many\"]}}", SourceException.Kind.BAD_RESPONSE, "many"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failed_answers_are_typed(String name, int status, String body, SourceException.Kind kind, String mentioned) {
        assertThatThrownBy(() -> PrometheusApi.parse("q", status, body)).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.source()).isEqualTo(SourceException.Source.PROMETHEUS);
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
