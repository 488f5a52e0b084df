package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeriveJunctionTest {
    private static String zeros(int bytes) {
        return "00".repeat(bytes);
    }

    @Test
    void numericJunctionIsU64LittleEndianZeroPadded() {
        DeriveJunction five = DeriveJunction.parse("//5");

        assertThat(five.isHard()).isTrue();
        assertThat(Hex.encode(five.chainCode())).isEqualTo("0x05" + zeros(31));
        assertThat(DeriveJunction.parse("//258").chainCode()).startsWith(0x02, 0x01, 0x00);
        assertThat(five).isEqualTo(DeriveJunction.hard(5));
    }

    @Test
    void largestU64IsNumericAndOneMoreIsText() {
        assertThat(Hex.encode(DeriveJunction.parse("//18446744073709551615").chainCode()))
                .isEqualTo("0x" + "ff".repeat(8) + zeros(24));
        // 2^64 does not parse as u64, so it is the 20-character string: compact 20 = 0x50.
        assertThat(Hex.encode(DeriveJunction.parse("//18446744073709551616").chainCode())).isEqualTo("0x50"
                + Hex.encodeNoPrefix("18446744073709551616".getBytes(StandardCharsets.US_ASCII)) + zeros(11));
    }

    @Test
    void numberParsingFollowsRustPlusSignAndAsciiDigitsOnly() {
        assertThat(DeriveJunction.parse("//+5")).isEqualTo(DeriveJunction.hard(5));
        assertThat(DeriveJunction.parse("//007")).isEqualTo(DeriveJunction.hard(7));
        // Arabic-Indic five is a digit for Java but not for Rust's u64 parser: it is text.
        assertThat(DeriveJunction.parse("//\u0665")).isEqualTo(DeriveJunction.hard("\u0665"));
        assertThat(DeriveJunction.parse("//-1")).isEqualTo(DeriveJunction.hard("-1"));
    }

    @Test
    void textJunctionIsScaleStringZeroPadded() {
        assertThat(Hex.encode(DeriveJunction.parse("//Alice").chainCode()))
                .isEqualTo("0x14416c696365" + zeros(26));
        assertThat(DeriveJunction.hard("5")).isNotEqualTo(DeriveJunction.hard(5));
    }

    @Test
    void encodingOf32BytesIsKeptAndLongerIsBlake2Hashed() {
        String name31 = "x".repeat(31);
        String name32 = "x".repeat(32);

        assertThat(Hex.encode(DeriveJunction.hard(name31).chainCode()))
                .isEqualTo("0x7c" + Hex.encodeNoPrefix(name31.getBytes(StandardCharsets.US_ASCII)));
        byte[] encoded32 = Hex.decode("0x80" + Hex.encodeNoPrefix(name32.getBytes(StandardCharsets.US_ASCII)));
        assertThat(DeriveJunction.hard(name32).chainCode()).isEqualTo(Hashing.blake2b256(encoded32));
    }

    @Test
    void softJunctionParsesAsSoft() {
        DeriveJunction soft = DeriveJunction.parse("/foo");

        assertThat(soft.isHard()).isFalse();
        assertThat(soft.toString()).isEqualTo("/foo");
        assertThat(soft).isEqualTo(DeriveJunction.soft("foo")).isNotEqualTo(DeriveJunction.hard("foo"));
    }

    @Test
    void malformedElementsAreRefused() {
        for (String bad : new String[] {"", "/", "//", "Alice", "//a/b", "///x"}) {
            assertThatThrownBy(() -> DeriveJunction.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidSecretException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.BAD_FORMAT));
        }
    }
}
