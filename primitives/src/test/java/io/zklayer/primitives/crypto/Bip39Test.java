package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Bip39Test {
    private static final String ABANDON_ABOUT =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @Test
    void abandonAboutIsAllZeroEntropy() {
        assertThat(Bip39.entropy(ABANDON_ABOUT)).isEqualTo(new byte[16]);
        assertThat(Bip39.phrase(new byte[16])).isEqualTo(ABANDON_ABOUT);
    }

    @Test
    void trezorReferenceVectorsGiveTheirEntropy() {
        // From the BIP-39 reference vectors (trezor/python-mnemonic vectors.json), entropy ↔ mnemonic.
        assertThat(Hex.encode(Bip39.entropy("legal winner thank year wave sausage worth useful legal winner thank yellow")))
                .isEqualTo("0x7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f");
        assertThat(Hex.encode(Bip39.entropy("letter advice cage absurd amount doctor acoustic avoid letter advice cage above")))
                .isEqualTo("0x80808080808080808080808080808080");
        assertThat(Bip39.phrase(Hex.decode("0x" + "ff".repeat(16))))
                .isEqualTo("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong");
        assertThat(Bip39.phrase(new byte[32])).isEqualTo("abandon ".repeat(23) + "art");
    }

    @Test
    void devPhraseMiniSecretIsPbkdf2OfTheEntropy() {
        assertThat(Hex.encode(Bip39.entropy(DevAccounts.DEV_PHRASE))).isEqualTo("0x1a486a5fbe53639984cb64b070755f7b");
        assertThat(Hex.encode(Bip39.miniSecret(DevAccounts.DEV_PHRASE, "")))
                .isEqualTo("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
        assertThat(Bip39.miniSecret(DevAccounts.DEV_PHRASE, null)).isEqualTo(Bip39.miniSecret(DevAccounts.DEV_PHRASE, ""));
    }

    @Test
    void wrongLastWordFailsTheChecksum() {
        assertThatThrownBy(() -> Bip39.entropy(ABANDON_ABOUT.replace("about", "abandon")))
                .isInstanceOfSatisfying(InvalidSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.BAD_CHECKSUM))
                .hasMessageContaining("checksum of the 12-word phrase");
        assertThatThrownBy(() -> Bip39.entropy("walk bottom drive obey lake curtain smoke basket hold race lonely fit"))
                .isInstanceOfSatisfying(InvalidSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.BAD_CHECKSUM));
    }

    @Test
    void unknownWordIsNamedWithItsPosition() {
        assertThatThrownBy(() -> Bip39.entropy(DevAccounts.DEV_PHRASE.replace("lake", "lakes")))
                .isInstanceOfSatisfying(InvalidSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.UNKNOWN_WORD))
                .hasMessageContaining("word 4 'lakes'");
        assertThatThrownBy(() -> Bip39.entropy(DevAccounts.DEV_PHRASE.replace("bottom", "Bottom")))
                .hasMessageContaining("word 1 'Bottom'");
    }

    @Test
    void wordCountsOtherThan12To24InStepsOf3AreRefused() {
        for (int count : new int[] {0, 1, 9, 11, 13, 14, 27}) {
            String phrase = String.join(" ", java.util.Collections.nCopies(count, "abandon"));
            assertThatThrownBy(() -> Bip39.entropy(phrase)).as("%d words", count)
                    .isInstanceOfSatisfying(InvalidSecretException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.BAD_WORD_COUNT))
                    .hasMessageContaining("this one has " + count);
        }
        assertThatThrownBy(() -> Bip39.entropy(null)).isInstanceOf(InvalidSecretException.class);
        assertThatThrownBy(() -> Bip39.entropy("abandon ".repeat(200))).hasMessageContaining("longer than");
    }

    @Test
    void anyWhitespaceSeparatesWords() {
        assertThat(Bip39.entropy("  " + ABANDON_ABOUT.replace(" ", " \t\n ") + " ")).isEqualTo(new byte[16]);
    }

    @Test
    void entropyOfWrongLengthIsRefused() {
        for (int length : new int[] {0, 12, 15, 17, 36}) {
            assertThatThrownBy(() -> Bip39.phrase(new byte[length]))
                    .isInstanceOfSatisfying(InvalidSecretException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.BAD_ENTROPY_LENGTH))
                    .hasMessageContaining("got " + length);
            assertThatThrownBy(() -> Bip39.miniSecretFromEntropy(new byte[length], ""))
                    .isInstanceOf(InvalidSecretException.class);
        }
    }

    @Test
    void wordlistIsTheSorted2048WordEnglishList() {
        assertThat(Bip39.englishWords()).hasSize(2048).startsWith("abandon", "ability", "able").endsWith("zone", "zoo");
        assertThat(Bip39.englishWords().get(1337)).isEqualTo("poet");
    }

    @Property(tries = 200, seed = "20261121")
    void phraseOfEntropyDecodesBackToIt(@ForAll @IntRange(min = 4, max = 8) int words4,
            @ForAll @Size(32) byte[] randomBytes) {
        byte[] entropy = Arrays.copyOf(randomBytes, words4 * 4);

        String phrase = Bip39.phrase(entropy);

        assertThat(phrase.split(" ")).hasSize(words4 * 3);
        assertThat(Bip39.entropy(phrase)).isEqualTo(entropy);
    }
}
