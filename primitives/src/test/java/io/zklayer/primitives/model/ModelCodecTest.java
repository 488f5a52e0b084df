package io.zklayer.primitives.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ModelCodecTest {
    static QuantizedModel tiny() {
        return new QuantizedModel(new InputSpec(List.of(2), 0, 16),
                List.of(new Dense(2, 1, new byte[] {1, -1}, new int[] {0}, 1, 0, false, -128, 127)),
                new OutputSpec.Logits());
    }

    static final String TINY_HEX = "5a4b4c4d" + "0100" + "04" + "02000000" + "00000000" + "10000000" + "04" + "00"
            + "02000000" + "01000000" + "01ff" + "00000000" + "01000000" + "00" + "00" + "80ffffff" + "7f000000" + "00";

    @Test
    void encodesTheDocumentedExampleByteForByte() {
        assertThat(Hex.encodeNoPrefix(ModelCodec.encode(tiny()))).isEqualTo(TINY_HEX);
        assertThat(ModelCodec.decode(Hex.decode(TINY_HEX))).isEqualTo(tiny());
    }

    @Property(tries = 200)
    void randomModelsRoundTrip(@ForAll long seed) {
        QuantizedModel model = new ModelTestData(seed).model();
        byte[] bytes = model.toBytes();
        assertThat(ModelCodec.decode(bytes)).isEqualTo(model);
        assertThat(ModelCodec.decode(bytes).toBytes()).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void everyTruncationIsAClearError(@ForAll long seed) {
        byte[] bytes = new ModelTestData(seed).model().toBytes();
        int cut = (int) Math.floorMod(seed, (long) bytes.length);
        assertThatThrownBy(() -> ModelCodec.decode(Arrays.copyOf(bytes, cut)))
                .isInstanceOf(ModelFormatException.class).hasMessageStartingWith("model");
    }

    @Test
    void rejectsBadMagicVersionTagsAndTrailingBytes() {
        byte[] good = Hex.decode(TINY_HEX);
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> ModelCodec.decode(magic)).hasMessage(
                "model file: bad magic at byte 0, expected \"ZKLM\" (5a4b4c4d)");
        byte[] version = good.clone();
        version[4] = 2;
        assertThatThrownBy(() -> ModelCodec.decode(version)).hasMessage(
                "model file: version 2 at byte 4 is not supported (expected 1)");
        byte[] layerTag = good.clone();
        layerTag[20] = 9;
        assertThatThrownBy(() -> ModelCodec.decode(layerTag)).hasMessage(
                "model file: layer 0 at byte 20 has unknown tag 9");
        byte[] outTag = good.clone();
        outTag[outTag.length - 1] = 5;
        assertThatThrownBy(() -> ModelCodec.decode(outTag)).hasMessageContaining("output at byte").hasMessageEndingWith(
                "unknown tag 5");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> ModelCodec.decode(trailing)).hasMessageContaining("trailing");
        assertThatThrownBy(() -> ModelCodec.decode(new byte[0])).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void boundsHugeDeclaredSizesBeforeAllocating() {
        byte[] good = Hex.decode(TINY_HEX);
        byte[] wide = good.clone();
        // outputs = 4096 with inputs = 2: needs 8192 + 16384 bytes that are not there
        wide[25] = 0x00;
        wide[26] = 0x10;
        assertThatThrownBy(() -> ModelCodec.decode(wide)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("layer 0").hasMessageContaining("remain");
        byte[] huge = good.clone();
        huge[23] = (byte) 0xff;
        huge[24] = (byte) 0x7f;
        assertThatThrownBy(() -> ModelCodec.decode(huge)).hasMessageContaining("must be in [1, 4096]");
    }

    @Test
    void rejectsInconsistentModels() {
        Dense d = new Dense(3, 2, new byte[6], new int[2], 1, 0, false, 0, 1);
        assertThatThrownBy(() -> new QuantizedModel(new InputSpec(List.of(2), 0, 1), List.of(d), new OutputSpec.Logits()))
                .hasMessage("model: layer 0 (dense) expects 3 inputs but the previous layer gives 2");
        assertThatThrownBy(() -> new QuantizedModel(new InputSpec(List.of(3, 1), 0, 1), List.of(d), new OutputSpec.Logits()))
                .hasMessageContaining("needs a 1-dimensional input");
        assertThatThrownBy(() -> new QuantizedModel(new InputSpec(List.of(3), 0, 1), List.of(d),
                new OutputSpec.Threshold(2, 0))).hasMessage("output: threshold index 2 is outside the 2 final values");
        Dense big = new Dense(1, 1, new byte[] {127}, new int[] {Integer.MAX_VALUE}, Integer.MAX_VALUE, 62, false,
                Integer.MIN_VALUE, Integer.MAX_VALUE);
        Dense next = new Dense(1, 1, new byte[] {127}, new int[] {0}, Integer.MAX_VALUE, 1, false, 0, 1);
        assertThatThrownBy(() -> new QuantizedModel(new InputSpec(List.of(1), -128, 127), List.of(big, next),
                new OutputSpec.Logits())).hasMessageContaining("layer 1 (dense)").hasMessageContaining("overflow");
        assertThatThrownBy(() -> new Dense(1, 1, new byte[1], new int[1], 1, 63, false, 0, 0))
                .hasMessage("dense: shift 63 is outside [0, 62]");
        assertThatThrownBy(() -> new InputSpec(List.of(4), 0, 200))
                .hasMessageContaining("within int8");
    }

    @Test
    void commitmentIsBlake2bOfTheFile() {
        assertThat(tiny().commitment()).isEqualTo(io.zklayer.primitives.hashing.Hashing.blake2b256(Hex.decode(TINY_HEX)));
    }
}
