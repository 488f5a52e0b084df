package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Base58Test {
    @Test
    void knownBitcoinAlphabetEncodings() {
        // Vectors of the IETF base58 draft (draft-msporny-base58) and Bitcoin Core's base58 tests.
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
        assertThat(Base58.encode(Hex.decode("0x0000287fb4cd"))).isEqualTo("11233QC4");
        assertThat(Base58.encode(Hex.decode("0x61"))).isEqualTo("2g");
        assertThat(Base58.encode(Hex.decode("0x00eb15231dfceb60925886b67d065299925915aeb172c06647")))
                .isEqualTo("1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L");
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.encode(new byte[3])).isEqualTo("111");
    }

    @Test
    void decodesTheKnownEncodingsBack() {
        assertThat(Base58.decode("11233QC4", 64)).isEqualTo(Hex.decode("0x0000287fb4cd"));
        assertThat(Base58.decode("2NEpo7TZRRrLZSi2U", 64)).isEqualTo("Hello World!".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base58.decode("", 64)).isEmpty();
    }

    @Test
    void charactersOutsideTheAlphabetAreNamedWithTheirPosition() {
        for (String bad : new String[] {"0", "O", "I", "l", "+", "é"}) {
            String text = "2N" + bad + "Ep";
            assertThatThrownBy(() -> Base58.decode(text, 64)).as(bad)
                    .hasMessageContaining("invalid character '" + bad + "' at position 2");
            assertThat(Base58.firstInvalidCharacter(text)).isEqualTo(2);
        }
        assertThat(Base58.firstInvalidCharacter("2NEp")).isEqualTo(-1);
    }

    @Test
    void textTooLongForTheLimitIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> Base58.decode("z".repeat(10_000), 36)).hasMessageContaining("longer than");
        assertThatThrownBy(() -> Base58.decode("zzzzz", 3)).hasMessageContaining("decodes to 4 bytes, more than the limit of 3");
    }

    @Property(tries = 300, seed = "58")
    void decodeInvertsEncode(@ForAll @Size(max = 40) byte[] bytes) {
        assertThat(Base58.decode(Base58.encode(bytes), 40)).isEqualTo(bytes);
    }
}
