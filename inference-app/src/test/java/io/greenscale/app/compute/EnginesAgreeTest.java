package io.greenscale.app.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine this machine has computes the same product as a double-precision reference, on shapes
 * chosen to hit the edges of the tiles (1 row, odd sizes, a dimension below one vector).
 */
class EnginesAgreeTest {
    static final CpuInfo CPU = new CpuInfo("test cpu", 2, OptionalDouble.empty(), true, true);

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int[][] shapes = {{1, 1024, 256}, {300, 100, 200}, {33, 65, 17}, {4, 16, 1}, {7, 5, 3}, {128, 128, 128}};
        for (EngineKind kind : EngineKind.values()) {
            for (int threads : new int[] {1, 2}) {
                for (int[] s : shapes) {
                    out.add(Arguments.of(kind.label() + " " + threads + "t: " + s[0] + "x" + s[2] + " · " + s[2] + "x" + s[1] + " = reference",
                            kind, threads, s[0], s[1], s[2]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theProductMatchesADoublePrecisionReference(String name, EngineKind kind, int threads, int m, int n, int k) {
        Engine engine;
        try {
            engine = new EngineSelector(NativeEnvironment.system(), threads, false, CPU).open(kind);
        } catch (EngineUnavailable e) {
            Assumptions.abort(kind.label() + " is not available here: " + e.getMessage());
            return;
        }
        SplittableRandom random = new SplittableRandom(m * 31L + n * 7L + k);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        try (engine) {
            float[] c = engine.multiply(a, b, m, n, k);

            assertThat(c).hasSize(m * n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    double scale = 0;
                    for (int p = 0; p < k; p++) {
                        ref += (double) a[i * k + p] * b[p * n + j];
                        scale += Math.abs((double) a[i * k + p] * b[p * n + j]);
                    }
                    assertThat(Math.abs(c[i * n + j] - ref) / Math.max(scale, 1e-30)).as("C[%d][%d]", i, j).isLessThan(1e-5);
                }
            }
        }
    }
}
