package io.greenscale.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenscale.app.compute.cpu.VectorEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTest {
    final VectorEngine engine = new VectorEngine(1, "test cpu");

    float[] input(int rows) {
        float[] x = new float[rows * 256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i);
        }
        return x;
    }

    @Test
    void theSameSeedGivesTheSameFunctionOnEveryReplica() {
        float[] a = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS).forward(engine, input(3), 3);
        float[] b = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS).forward(engine, input(3), 3);
        float[] other = Mlp.seeded(43, Mlp.DEFAULT_WIDTHS).forward(engine, input(3), 3);

        assertThat(a).hasSize(3 * 256).containsExactly(b);
        assertThat(a).isNotEqualTo(other);
    }

    @Test
    void eachRowIsComputedIndependentlyOfTheBatchItIsIn() {
        Mlp mlp = Mlp.seeded(42, Mlp.DEFAULT_WIDTHS);
        float[] batch = mlp.forward(engine, input(4), 4);
        float[] third = new float[256];
        System.arraycopy(input(4), 2 * 256, third, 0, 256);

        float[] alone = mlp.forward(engine, third, 1);

        for (int j = 0; j < 256; j++) {
            assertThat(alone[j]).isCloseTo(batch[2 * 256 + j], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void hiddenLayersAreRectifiedAndTheOutputIsNot() {
        Mlp oneHidden = Mlp.seeded(1, List.of(256, 64, 256));
        float[] out = oneHidden.forward(engine, input(8), 8);

        boolean anyNegative = false;
        for (float v : out) {
            anyNegative |= v < 0;
        }
        assertThat(anyNegative).as("some output below zero: no ReLU after the last layer").isTrue();
        assertThat(oneHidden.flopsPerRow()).isEqualTo(2L * (256 * 64 + 64 * 256));
        assertThat(Mlp.seeded(1, Mlp.DEFAULT_WIDTHS).flopsPerRow()).isEqualTo(3_145_728);
    }
}
