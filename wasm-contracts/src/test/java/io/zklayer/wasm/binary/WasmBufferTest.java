package io.zklayer.wasm.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WasmBufferTest {
    @Test
    void encodesLeb128AsTheSpecExamples() {
        assertThat(new WasmBuffer().u32(624485).toByteArray()).containsExactly(0xe5, 0x8e, 0x26);
        assertThat(new WasmBuffer().u32(0).toByteArray()).containsExactly(0);
        assertThat(new WasmBuffer().u32(0xFFFF_FFFFL).toByteArray()).containsExactly(0xff, 0xff, 0xff, 0xff, 0x0f);
        assertThat(new WasmBuffer().s32(-1).toByteArray()).containsExactly(0x7f);
        assertThat(new WasmBuffer().s64(64).toByteArray()).containsExactly(0xc0, 0x00);
        assertThat(new WasmBuffer().s64(-123456).toByteArray()).containsExactly(0xc0, 0xbb, 0x78);
        assertThatThrownBy(() -> new WasmBuffer().u32(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void u32RoundTripsThroughTheReader(@ForAll int value) {
        long v = Integer.toUnsignedLong(value);
        byte[] bytes = new WasmBuffer().u32(v).toByteArray();
        WasmReader r = new WasmReader(bytes, 0, bytes.length);
        assertThat(r.u32()).isEqualTo(v);
        assertThat(r.atEnd()).isTrue();
    }

    @Test
    void readerRefusesToReadPastTheEnd() {
        byte[] bytes = {(byte) 0x80, (byte) 0x80};
        assertThatThrownBy(() -> new WasmReader(bytes, 0, 2).u32()).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> new WasmReader(bytes, 0, 2).skip(3)).hasMessageContaining("cannot skip");
    }

    @Test
    void sizedAndSectionPrefixTheLength() {
        WasmBuffer inner = new WasmBuffer().u8(1).u8(2).u8(3);
        assertThat(new WasmBuffer().section(7, inner).toByteArray()).containsExactly(7, 3, 1, 2, 3);
        assertThat(new WasmBuffer().name("call").toByteArray()).containsExactly(4, 'c', 'a', 'l', 'l');
    }
}
