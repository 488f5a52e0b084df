package io.zklayer.primitives.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleCodecComponentsTest {
    @Test
    void containersReportTheCodecsTheyAreBuiltFrom() {
        ScaleCodec<Long> u32 = ScaleCodecs.U32;
        assertThat(ScaleCodecs.vec(u32).components()).containsExactly(u32);
        assertThat(ScaleCodecs.option(u32).components()).containsExactly(u32);
        assertThat(ScaleCodecs.array(u32, 3).components()).containsExactly(u32);
        assertThat(ScaleCodecs.tuple(u32, ScaleCodecs.BOOL).components()).containsExactly(u32, ScaleCodecs.BOOL);
        assertThat(ScaleCodecs.tuple(u32, ScaleCodecs.BOOL, ScaleCodecs.BYTES).components())
                .containsExactly(u32, ScaleCodecs.BOOL, ScaleCodecs.BYTES);
        assertThat(ScaleCodecs.result(u32, ScaleCodecs.STRING).components()).containsExactly(u32, ScaleCodecs.STRING);
        assertThat(ScaleCodecs.btreeMap(ScaleCodecs.STRING, u32, ScaleCodecs.UTF8_ORDER).components())
                .containsExactly(ScaleCodecs.STRING, u32);
        assertThat(ScaleCodecs.map("Nonce", u32, Long::intValue, Integer::longValue).components()).containsExactly(u32);
    }

    @Test
    void leafCodecsHaveNoComponentsAndContainersKeepTheirBytes() {
        assertThat(ScaleCodecs.U128.components()).isEmpty();
        assertThat(ScaleCodecs.BYTES.components()).isEmpty();
        assertThat(ScaleCodecs.fixedBytes(4).components()).isEmpty();
        var vec = ScaleCodecs.vec(ScaleCodecs.U32);
        assertThat(vec.typeName()).isEqualTo("Vec<u32>");
        assertThat(vec.decode(vec.encode(java.util.List.of(1L, 2L)))).containsExactly(1L, 2L);
    }
}
