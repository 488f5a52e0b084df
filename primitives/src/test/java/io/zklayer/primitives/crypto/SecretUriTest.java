package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import org.junit.jupiter.api.Test;

class SecretUriTest {
    private static final String ABANDON =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private static void assertReason(String uri, InvalidSecretException.Reason reason, String messagePart) {
        assertThatThrownBy(() -> SecretUri.parse(uri).ed25519()).as(uri)
                .isInstanceOfSatisfying(InvalidSecretException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    @Test
    void pathWithoutPhraseMeansTheDevPhrase() {
        SecretUri uri = SecretUri.parse("//Alice");

        assertThat(uri.phrase()).isEqualTo(DevAccounts.DEV_PHRASE);
        assertThat(uri.hasExplicitPhrase()).isFalse();
        assertThat(uri.junctions()).containsExactly(DeriveJunction.hard("Alice"));
        assertThat(uri.password()).isEmpty();
        assertThat(uri.ed25519().publicKey())
                .isEqualTo(SecretUri.parse(DevAccounts.DEV_PHRASE + "//Alice").ed25519().publicKey());
    }

    @Test
    void phraseWithTwoJunctions() {
        SecretUri uri = SecretUri.parse(ABANDON + "//a//5");

        assertThat(uri.phrase()).isEqualTo(ABANDON);
        assertThat(uri.junctions()).containsExactly(DeriveJunction.hard("a"), DeriveJunction.hard(5));
        assertThat(uri.ed25519().publicKey()).isEqualTo(
                Ed25519KeyPair.fromPhrase(ABANDON, "").derive(DeriveJunction.hard("a"), DeriveJunction.hard(5)).publicKey());
    }

    @Test
    void passwordIsEverythingAfterTheFirstTripleSlash() {
        assertThat(SecretUri.parse(ABANDON + "///secret").password()).contains("secret");
        assertThat(SecretUri.parse(ABANDON + "//a///pass/with//slashes").password()).contains("pass/with//slashes");
        SecretUri fourSlashes = SecretUri.parse(ABANDON + "////x");
        assertThat(fourSlashes.junctions()).isEmpty();
        assertThat(fourSlashes.password()).contains("/x");
        assertThat(SecretUri.parse("///").password()).contains("");
    }

    @Test
    void substrateAddressUriExamplesSplitTheSameWay() {
        // Cases of sp_core::crypto::AddressUri's own tests, on our parser.
        SecretUri mixed = SecretUri.parse("sdasd/xx//a/b//c///pass");
        assertThat(mixed.phrase()).isEqualTo("sdasd");
        assertThat(mixed.junctions()).extracting(DeriveJunction::toString).containsExactly("/xx", "//a", "/b", "//c");
        assertThat(mixed.password()).contains("pass");
        SecretUri eightSlashes = SecretUri.parse("////////");
        assertThat(eightSlashes.hasExplicitPhrase()).isFalse();
        assertThat(eightSlashes.password()).contains("/////");
        assertThat(SecretUri.parse("sdasd/asd.a").junctions()).extracting(DeriveJunction::toString).containsExactly("/asd.a");
        assertReason("sd.asd//asd.a", InvalidSecretException.Reason.BAD_FORMAT, "position 2");
        assertReason("sdasd//", InvalidSecretException.Reason.BAD_FORMAT, "empty junction name");
    }

    @Test
    void passwordSaltsTheMnemonic() {
        assertThat(SecretUri.parse(ABANDON + "///TREZOR").rootSeed()).isEqualTo(Bip39.miniSecret(ABANDON, "TREZOR"));
        assertThat(SecretUri.parse(ABANDON + "///").rootSeed()).isEqualTo(Bip39.miniSecret(ABANDON, ""));
    }

    @Test
    void rawSeedIsUsedAsIsAndIgnoresThePassword() {
        String seedHex = "0x" + "42".repeat(32);

        SecretUri uri = SecretUri.parse(seedHex + "//1");

        assertThat(uri.isRawSeed()).isTrue();
        assertThat(uri.rootSeed()).isEqualTo(Hex.decode(seedHex));
        assertThat(SecretUri.parse(seedHex + "///pw").ed25519().publicKey())
                .isEqualTo(Ed25519KeyPair.fromSeed(Hex.decode(seedHex)).publicKey());
        assertThat(uri.ed25519().publicKey())
                .isEqualTo(Ed25519KeyPair.fromSeed(Hex.decode(seedHex)).derive(DeriveJunction.hard(1)).publicKey());
    }

    @Test
    void rawSeedOfWrongLengthOrDigitsIsRefused() {
        assertReason("0x" + "42".repeat(31), InvalidSecretException.Reason.BAD_SEED, "64 hex digits (32 bytes), this one has 62");
        assertReason("0x" + "42".repeat(33), InvalidSecretException.Reason.BAD_SEED, "this one has 66");
        assertReason("0x" + "4".repeat(63), InvalidSecretException.Reason.BAD_SEED, "this one has 63");
        assertReason("0x" + "4g" + "42".repeat(31), InvalidSecretException.Reason.BAD_SEED, "invalid character 'g' at position 1");
    }

    @Test
    void badWordsAndChecksumAreNamed() {
        assertReason("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon",
                InvalidSecretException.Reason.BAD_CHECKSUM, "checksum");
        assertReason("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandn about//Alice",
                InvalidSecretException.Reason.UNKNOWN_WORD, "word 11 'abandn'");
        assertReason("bottom drive obey//Alice", InvalidSecretException.Reason.BAD_WORD_COUNT, "this one has 3");
    }

    @Test
    void softJunctionInTheUriIsAnErrorNamingIt() {
        assertReason("//Alice/foo//bar", InvalidSecretException.Reason.SOFT_JUNCTION, "'/foo'");
        // Parsing alone accepts it: soft junctions exist, ed25519 just cannot use them.
        assertThat(SecretUri.parse("//Alice/foo").junctions()).extracting(DeriveJunction::isHard).containsExactly(true, false);
    }

    @Test
    void malformedShapesAreRefusedWithThePosition() {
        assertReason(ABANDON + "/", InvalidSecretException.Reason.BAD_FORMAT, "empty junction name");
        assertReason(ABANDON + "//a//", InvalidSecretException.Reason.BAD_FORMAT, "empty junction name");
        assertReason("abandon-abandon//x", InvalidSecretException.Reason.BAD_FORMAT, "position 7");
        assertReason("abandon\tabout", InvalidSecretException.Reason.BAD_FORMAT, "position 7");
        assertReason("abandon_about", InvalidSecretException.Reason.BAD_FORMAT, "position 7");
        assertReason("ab\u00e9", InvalidSecretException.Reason.BAD_FORMAT, "not an ASCII letter");
        assertReason("//Alice///pass\nword", InvalidSecretException.Reason.BAD_FORMAT, "line break");
        assertThatThrownBy(() -> SecretUri.parse(null)).isInstanceOf(InvalidSecretException.class);
        assertThatThrownBy(() -> SecretUri.parse("a".repeat(5000))).hasMessageContaining("longer than 4096");
    }

    @Test
    void toStringHidesPhraseAndPassword() {
        String text = SecretUri.parse(ABANDON + "//a///hunter2").toString();

        assertThat(text).doesNotContain("abandon").doesNotContain("hunter2").contains("junctions=1");
        assertThat(SecretUri.parse("//Alice").toString()).contains("<dev phrase>").contains("password=none");
    }
}
