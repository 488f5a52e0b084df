package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import org.junit.jupiter.api.Test;

class ModelPublicSignalsTest {
    private static final Fr WEIGHTS = Fr.of(99);
    private static final byte[] INPUT = {0, 16};

    @Test
    void logitsBecomeSignedFieldElementsFollowedByTheCommitments() {
        byte[] out = {1, 0, 0, 0, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(ModelPublicSignals.of(new OutputSpec.Logits(), out, WEIGHTS, INPUT))
                .containsExactly(Fr.ONE, Fr.of(-2), WEIGHTS, InputCommitment.of(INPUT));
        assertThat(Fr.of(-2).toBigInteger()).isEqualTo(Fr.MODULUS.subtract(java.math.BigInteger.TWO));
    }

    @Test
    void argmaxIsTheUnsignedClassIndex() {
        assertThat(ModelPublicSignals.outputSignals(new OutputSpec.ArgMax(), new byte[] {7, 0, 0, 0})).containsExactly(Fr.of(7));
        assertThat(ModelPublicSignals.outputSignals(new OutputSpec.ArgMax(), new byte[] {-1, -1, -1, -1}))
                .containsExactly(Fr.of(4_294_967_295L));
    }

    @Test
    void thresholdIsTheBit() {
        assertThat(ModelPublicSignals.outputSignals(new OutputSpec.Threshold(0, 5), new byte[] {1})).containsExactly(Fr.ONE);
        assertThat(ModelPublicSignals.outputSignals(new OutputSpec.Threshold(0, 5), new byte[] {0})).containsExactly(Fr.ZERO);
    }

    @Test
    void malformedOutputsAreRejectedNamingTheRule() {
        assertThatThrownBy(() -> ModelPublicSignals.outputSignals(new OutputSpec.Logits(), new byte[0]))
                .isInstanceOf(ZkFormatException.class).hasMessageContaining("logits need a non-zero multiple of 4 bytes, got 0");
        assertThatThrownBy(() -> ModelPublicSignals.outputSignals(new OutputSpec.Logits(), new byte[5]))
                .isInstanceOf(ZkFormatException.class).hasMessageContaining("got 5");
        assertThatThrownBy(() -> ModelPublicSignals.outputSignals(new OutputSpec.ArgMax(), new byte[3]))
                .isInstanceOf(ZkFormatException.class).hasMessageContaining("argmax needs 4 bytes (u32 LE), got 3");
        assertThatThrownBy(() -> ModelPublicSignals.outputSignals(new OutputSpec.Threshold(0, 1), new byte[] {2}))
                .isInstanceOf(ZkFormatException.class).hasMessageContaining("00 or 01").hasMessageContaining("0x02");
        assertThatThrownBy(() -> ModelPublicSignals.outputSignals(new OutputSpec.Threshold(0, 1), new byte[2]))
                .isInstanceOf(ZkFormatException.class).hasMessageContaining("got 2 byte(s)");
    }
}
