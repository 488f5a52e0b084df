package io.zklayer.primitives.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashingTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twox128OfSystemMatchesSubstrate() {
        assertThat(Hex.encode(Hashing.twox128(utf8("System")))).isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7");
    }

    @Test
    void systemAccountAndEventsPrefixesMatchTheVectorsReadme() {
        assertThat(Hex.encode(StorageKeys.prefix("System", "Account")))
                .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
        assertThat(Hex.encode(StorageKeys.prefix("System", "Events")))
                .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7");
    }

    @Test
    void blake2b256OfAbcIsTheRfc7693Answer() {
        assertThat(Hex.encode(Hashing.blake2b256(utf8("abc"))))
                .isEqualTo("0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Test
    void blake2b512OfAbcIsTheRfc7693Answer() {
        assertThat(Hex.encode(Hashing.blake2b512(utf8("abc")))).isEqualTo(
                "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void keccak256KnownAnswers() {
        assertThat(Hex.encode(Hashing.keccak256(new byte[0])))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Hex.encode(Hashing.keccak256(utf8("abc"))))
                .isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    }

    @Test
    void sha256KnownAnswers() {
        assertThat(Hex.encode(Hashing.sha256(utf8("abc"))))
                .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void xxHash64ReferenceValues() {
        // Values from the xxHash reference implementation's sanity checks.
        assertThat(XxHash64.hash(new byte[0], 0)).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(XxHash64.hash(utf8("abc"), 0)).isEqualTo(0x44BC2CF5AD770999L);
    }

    @Test
    void twoxLongInputsCoverTheStripeLoop() {
        byte[] input = new byte[100];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) i;
        }
        // twox64 is the first 8 bytes of twox128 (same seed 0) for any input length.
        assertThat(Hashing.twox128(input)).startsWith(Hashing.twox64(input));
        assertThat(Hashing.twox256(input)).startsWith(Hashing.twox128(input));
    }

    @Test
    void concatHashersKeepTheKey() {
        byte[] key = utf8("key");
        assertThat(StorageHasher.BLAKE2_128_CONCAT.hash(key)).hasSize(16 + 3).endsWith(key);
        assertThat(StorageHasher.TWOX_64_CONCAT.hash(key)).hasSize(8 + 3).endsWith(key);
        assertThat(StorageHasher.IDENTITY.hash(key)).isEqualTo(key);
    }
}
