package io.zklayer.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WireTest {
    @Test
    void encodesVarintsLikeTheSpec() {
        assertThat(Hex.encodeNoPrefix(UnsignedVarint.encode(1))).isEqualTo("01");
        assertThat(Hex.encodeNoPrefix(UnsignedVarint.encode(127))).isEqualTo("7f");
        assertThat(Hex.encodeNoPrefix(UnsignedVarint.encode(128))).isEqualTo("8001");
        assertThat(Hex.encodeNoPrefix(UnsignedVarint.encode(300))).isEqualTo("ac02");
        assertThat(Hex.encodeNoPrefix(UnsignedVarint.encode(16384))).isEqualTo("808001");
    }

    @Test
    void rejectsNonMinimalAndOverlongVarints() {
        assertThatThrownBy(() -> UnsignedVarint.decode(Hex.decode("8000"), 0, Long.MAX_VALUE))
                .hasMessageContaining("not minimally encoded");
        assertThatThrownBy(() -> UnsignedVarint.decode(Hex.decode("ffffffffffffffffff01"), 0, Long.MAX_VALUE))
                .hasMessageContaining("longer than 9");
        assertThatThrownBy(() -> UnsignedVarint.tryRead(Unpooled.wrappedBuffer(Hex.decode("ac02")), 299))
                .hasMessageContaining("exceeds limit 299");
    }

    @Property(tries = 300)
    void varintRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
        byte[] enc = UnsignedVarint.encode(v);
        assertThat(enc.length).isEqualTo(UnsignedVarint.encodedLength(v));
        assertThat(UnsignedVarint.decode(enc, 0, Long.MAX_VALUE)).containsExactly(v, enc.length);
    }

    @Property(tries = 100)
    void lengthPrefixedReaderReassemblesAnySplit(@ForAll @Size(max = 8) List<@Size(max = 300) byte[]> messages,
            @ForAll @IntRange(min = 1, max = 50) int chunk) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] m : messages) {
            all.writeBytes(LengthPrefixedReader.frame(m));
        }
        byte[] bytes = all.toByteArray();
        LengthPrefixedReader r = new LengthPrefixedReader(300);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            out.addAll(r.feed(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
        }
        assertThat(out).hasSize(messages.size());
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i)).isEqualTo(messages.get(i));
        }
        assertThat(r.bufferedBytes()).isZero();
    }

    @Test
    void lengthPrefixedReaderRefusesOversizedMessageBeforeBuffering() {
        LengthPrefixedReader r = new LengthPrefixedReader(10);
        assertThatThrownBy(() -> r.feed(UnsignedVarint.encode(11))).hasMessageContaining("exceeds limit 10");
    }
}
