package io.zklayer.primitives.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceExecutorTest {
    static Dense scale(int multiplier, int shift, boolean relu, int lo, int hi) {
        return new Dense(1, 1, new byte[] {1}, new int[] {0}, multiplier, shift, relu, lo, hi);
    }

    @Test
    void requantizationRoundsHalvesUpWithAnArithmeticShift() {
        Dense d = scale(1, 2, false, -1000, 1000);
        assertThat(d.requantize(6)).isEqualTo(2);   // 1.5 → 2
        assertThat(d.requantize(5)).isEqualTo(1);   // 1.25 → 1
        assertThat(d.requantize(-6)).isEqualTo(-1); // -1.5 → -1
        assertThat(d.requantize(-7)).isEqualTo(-2); // -1.75 → -2
        assertThat(d.requantize(-2)).isEqualTo(0);  // -0.5 → 0
        assertThat(scale(3, 0, false, -1000, 1000).requantize(-7)).isEqualTo(-21);
    }

    @Test
    void reluComesBeforeTheClamp() {
        assertThat(scale(1, 0, true, -5, 5).requantize(-3)).isEqualTo(0);
        assertThat(scale(1, 0, false, -5, 5).requantize(-30)).isEqualTo(-5);
        assertThat(scale(1, 0, true, 2, 5).requantize(-3)).isEqualTo(2);
        assertThat(scale(1, 0, false, -5, 5).requantize(30)).isEqualTo(5);
    }

    @Test
    void computesADenseLayerByHand() {
        Dense d = new Dense(3, 2, new byte[] {1, 2, 3, -1, -2, -3}, new int[] {10, 100}, 1, 1, false, -128, 127);
        QuantizedModel m = new QuantizedModel(new InputSpec(List.of(3), -8, 8), List.of(d), new OutputSpec.Logits());
        // acc0 = 10 + 1 + 4 + 9 = 24 → (24 + 1) >> 1 = 12; acc1 = 100 - 14 = 86 → 43
        assertThat(ReferenceExecutor.activations(m, new int[] {1, 2, 3})).containsExactly(12, 43);
        assertThat(ReferenceExecutor.infer(m, new byte[] {1, 2, 3}))
                .containsExactly(12, 0, 0, 0, 43, 0, 0, 0);
    }

    @Test
    void encodesArgMaxAsFirstMaximumAndThresholdAsOneByte() {
        assertThat(ReferenceExecutor.encodeOutput(new OutputSpec.ArgMax(), new int[] {3, 9, 9, 1}))
                .containsExactly(1, 0, 0, 0);
        assertThat(ReferenceExecutor.encodeOutput(new OutputSpec.Threshold(1, 9), new int[] {3, 9})).containsExactly(1);
        assertThat(ReferenceExecutor.encodeOutput(new OutputSpec.Threshold(1, 10), new int[] {3, 9})).containsExactly(0);
        assertThat(ReferenceExecutor.encodeOutput(new OutputSpec.Logits(), new int[] {-2})).containsExactly(-2, -1, -1, -1);
    }

    @Test
    void rejectsInputsOfWrongLengthOrRange() {
        QuantizedModel m = new ModelTestData(1).digitsShaped();
        assertThatThrownBy(() -> ReferenceExecutor.infer(m, new byte[63])).isInstanceOf(ModelInputException.class)
                .hasMessage("input length 63 does not match the model input size 64");
        byte[] bad = new byte[64];
        bad[5] = 17;
        assertThatThrownBy(() -> ReferenceExecutor.infer(m, bad)).hasMessage("input[5] = 17 is outside [0, 16]");
        bad[5] = -1;
        assertThatThrownBy(() -> ReferenceExecutor.infer(m, bad)).hasMessage("input[5] = -1 is outside [0, 16]");
    }

    @Test
    void extremeModelsStayWithinCheckedArithmetic() {
        // the largest values the validation admits run without ArithmeticException
        Dense d = new Dense(1, 1, new byte[] {-128}, new int[] {Integer.MIN_VALUE}, 1 << 20, 62, false,
                Integer.MIN_VALUE, Integer.MAX_VALUE);
        QuantizedModel m = new QuantizedModel(new InputSpec(List.of(1), -128, 127), List.of(d), new OutputSpec.Logits());
        assertThat(ReferenceExecutor.activations(m, new int[] {127})).hasSize(1);
        assertThat(ReferenceExecutor.activations(m, new int[] {-128})).hasSize(1);
    }
}
