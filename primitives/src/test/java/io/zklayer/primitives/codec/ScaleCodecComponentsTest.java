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

    enum Color { RED, DARK_GREEN }

    @Test
    void unitEnumsNameTheirConstantsByIndex() {
        ScaleCodec<Color> codec = ScaleEnum.ofUnitEnum("Color", Color.class, c -> c.ordinal() * 2);
        assertThat(codec).isInstanceOf(ScaleEnum.UnitEnum.class);
        assertThat(((ScaleEnum.UnitEnum<Color>) codec).variants()).extracting(ScaleEnum.VariantInfo::index,
                ScaleEnum.VariantInfo::name).containsExactly(org.assertj.core.groups.Tuple.tuple(0, "RED"),
                org.assertj.core.groups.Tuple.tuple(2, "DARK_GREEN"));
        assertThat(codec.encode(Color.DARK_GREEN)).containsExactly(2);
        assertThat(codec.decode(new byte[] {2})).isEqualTo(Color.DARK_GREEN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.decode(new byte[] {1}))
                .hasMessageContaining("unknown variant index 1");
    }

    record Seven(int a, int b, int c, int d, int e, int f, int g) {}

    @Test
    void recordsOfAnyNumberOfFieldsAreIntrospectable() {
        ScaleRecord<Seven> codec = ScaleRecord.ofFields("Seven",
                v -> new Seven((Integer) v[0], (Integer) v[1], (Integer) v[2], (Integer) v[3], (Integer) v[4],
                        (Integer) v[5], (Integer) v[6]),
                ScaleRecord.field("a", ScaleCodecs.U8, Seven::a), ScaleRecord.field("b", ScaleCodecs.U8, Seven::b),
                ScaleRecord.field("c", ScaleCodecs.U8, Seven::c), ScaleRecord.field("d", ScaleCodecs.U8, Seven::d),
                ScaleRecord.field("e", ScaleCodecs.U8, Seven::e), ScaleRecord.field("f", ScaleCodecs.U8, Seven::f),
                ScaleRecord.field("g", ScaleCodecs.U16, Seven::g));
        Seven v = new Seven(1, 2, 3, 4, 5, 6, 0x0807);
        assertThat(codec.encode(v)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(codec.decode(codec.encode(v))).isEqualTo(v);
        assertThat(codec.fields()).hasSize(7);
        assertThat(codec.minEncodedSize()).isEqualTo(8);
    }
}
