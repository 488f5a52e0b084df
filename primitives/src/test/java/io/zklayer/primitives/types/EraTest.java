package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EraTest {

    @Test
    void immortalIsOneZeroByte() {
        assertThat(Hex.encode(Era.CODEC.encode(Era.IMMORTAL))).isEqualTo("0x00");
        assertThat(Era.CODEC.decode(new byte[] {0})).isSameAs(Era.IMMORTAL);
        assertThat(Era.IMMORTAL.birth(1234)).isZero();
        assertThat(Era.IMMORTAL.death(1234)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void mortal64At42IsA502() {
        // Worked from the rule: trailing_zeros(64) - 1 = 5; quantize factor 1; 5 | 42 << 4 = 0x02a5, little-endian.
        Era.Mortal era = Era.mortal(64, 42);
        assertThat(era).isEqualTo(new Era.Mortal(64, 42));
        assertThat(Hex.encode(Era.CODEC.encode(era))).isEqualTo("0xa502");
        assertThat(Era.CODEC.decode(Hex.decode("0xa502"))).isEqualTo(era);
    }

    @Test
    void longPeriodIsQuantized() {
        // Substrate's long_period_mortal_codec_works: period 32768 (factor 8), phase 20000 → 2500 << 4 | 14.
        assertThat(Hex.encode(Era.CODEC.encode(Era.mortal(32768, 20000)))).isEqualTo("0x4e9c");
        // Clamped to 65536 with factor 16: 1000001 % 65536 = 16961, quantized down to 16960.
        assertThat(Era.mortal(1_000_000, 1_000_001)).isEqualTo(new Era.Mortal(65536, 16960));
    }

    @Test
    void periodsRoundUpToAPowerOfTwoWithinFourTo65536() {
        assertThat(Era.mortal(200, 513)).isEqualTo(new Era.Mortal(256, 1));
        assertThat(Era.mortal(2, 1)).isEqualTo(new Era.Mortal(4, 1));
        assertThat(Era.mortal(0, 7)).isEqualTo(new Era.Mortal(4, 3));
        assertThat(Era.mortal(4, 5)).isEqualTo(new Era.Mortal(4, 1));
        assertThat(Era.mortal(Long.MAX_VALUE, 5)).isEqualTo(new Era.Mortal(65536, 0));
    }

    @Test
    void birthAndDeathBracketTheCurrentBlock() {
        Era era = Era.mortal(4, 6);
        for (long current = 6; current < 10; current++) {
            assertThat(era.birth(current)).isEqualTo(6);
            assertThat(era.death(current)).isEqualTo(10);
        }
        assertThat(era.birth(10)).isEqualTo(10);
        assertThat(era.birth(5)).isEqualTo(2);
        // A current block below the phase still gives the phase as birth, never a negative block.
        assertThat(Era.mortal(64, 42).birth(3)).isEqualTo(42);
    }

    @Test
    void decodingRejectsPeriodTwoAndPhaseBeyondPeriod() {
        // Low nibble 0 means period 2.
        assertThatThrownBy(() -> Era.CODEC.decode(Hex.decode("0x1000")))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessage("Era at offset 0: invalid mortal era 0x10: period 2, phase 1 (period must be at least 4 and phase below it)");
        // Period 4 (nibble 1) with phase 4.
        assertThatThrownBy(() -> Era.CODEC.decode(Hex.decode("0x4100"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("period 4, phase 4");
        assertThatThrownBy(() -> Era.CODEC.decode(Hex.decode("0x41"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("needs 1 bytes but 0 remain");
    }

    @Test
    void mortalConstructorRefusesNonCanonicalPairs() {
        assertThatThrownBy(() -> new Era.Mortal(48, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> new Era.Mortal(64, 64)).hasMessageContaining("phase must be in 0..63");
        assertThatThrownBy(() -> new Era.Mortal(32768, 3)).hasMessageContaining("quantize factor 8");
    }

    @Property(tries = 500, seed = "20261121")
    void mortalErasRoundTripAndContainTheirBirthBlock(@ForAll @LongRange(min = 0, max = 200_000) long period,
            @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long current) {
        Era.Mortal era = Era.mortal(period, current);
        byte[] encoded = Era.CODEC.encode(era);
        assertThat(encoded).hasSize(2);
        assertThat(Era.CODEC.decode(encoded)).isEqualTo(era);
        long birth = era.birth(current);
        assertThat(birth).isLessThanOrEqualTo(current);
        assertThat(era.death(current)).isGreaterThan(current).isEqualTo(birth + era.period());
        assertThat(birth % era.period()).isEqualTo(era.phase());
    }

    @Property(tries = 300, seed = "20261121")
    void everyTwoByteInputDecodesCanonicallyOrFails(@ForAll byte low, @ForAll byte high) {
        byte[] input = {low, high};
        if (low == 0) {
            return; // immortal: one byte, the second would be trailing
        }
        try {
            assertThat(Era.CODEC.encode(Era.CODEC.decode(input))).isEqualTo(input);
        } catch (ScaleDecodeException e) {
            assertThat(e.getMessage()).startsWith("Era at offset 0: invalid mortal era");
        }
    }
}
