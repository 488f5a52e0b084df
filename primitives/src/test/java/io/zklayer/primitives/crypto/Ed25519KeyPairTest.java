package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ed25519KeyPairTest {
    private static final JsonNode ED25519 = CryptoVectors.polkadotKeys().get("ed25519");
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void aliceUriGivesThePolkadotJsPublicKeyAndAddresses() {
        Ed25519KeyPair alice = Ed25519KeyPair.fromSecretUri(ED25519.get("uri").asText());

        assertThat(alice.publicKey().toString()).isEqualTo(ED25519.get("publicKey").asText())
                .isEqualTo("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
        assertThat(alice.publicKey().toSs58(42)).isEqualTo("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu")
                .isEqualTo(ED25519.get("ss58_42").asText());
        assertThat(alice.publicKey().toSs58(0)).isEqualTo(ED25519.get("ss58_0_polkadot").asText());
    }

    @Test
    void aliceSignatureOfHelloEqualsPolkadotJsByteForByte() {
        Ed25519KeyPair alice = Ed25519KeyPair.fromSecretUri("//Alice");

        Ed25519Signature signature = alice.sign(HELLO);

        assertThat(signature.toString()).isEqualTo(ED25519.get("sign_hello").asText());
        assertThat(signature.bytes()).hasSize(64);
        assertThat(alice.verify(HELLO, signature)).isEqualTo(ED25519.get("verifies").asBoolean()).isTrue();
    }

    @Test
    void polkadotJsSignatureVerifiesUnderAlicesKeyAndFailsWhenTampered() {
        Ed25519PublicKey alice = Ed25519PublicKey.fromHex(ED25519.get("publicKey").asText());
        byte[] sig = Hex.decode(ED25519.get("sign_hello").asText());

        assertThat(alice.verify(HELLO, Ed25519Signature.of(sig))).isTrue();
        assertThat(alice.verify("hellO".getBytes(StandardCharsets.UTF_8), Ed25519Signature.of(sig))).isFalse();
        sig[10] ^= 1;
        assertThat(alice.verify(HELLO, Ed25519Signature.of(sig))).isFalse();
        assertThat(DevAccounts.BOB.publicKey().verify(HELLO, DevAccounts.ALICE.keyPair().sign(HELLO))).isFalse();
    }

    @Test
    void devPhraseWithoutDerivationGivesTheVectorKey() {
        String expected = CryptoVectors.polkadotKeys().get("ed25519_devphrase_noderiv").get("publicKey").asText();

        assertThat(Ed25519KeyPair.fromPhrase(DevAccounts.DEV_PHRASE, "").publicKey().toString())
                .isEqualTo(expected)
                .isEqualTo("0x345071da55e5dccefaaa440339415ef9f2663338a38f7da0df21be5ab4e055ef");
        assertThat(Ed25519KeyPair.fromSecretUri(DevAccounts.DEV_PHRASE).publicKey().toString()).isEqualTo(expected);
        assertThat(Ed25519KeyPair.fromSecretUri("").publicKey().toString()).isEqualTo(expected);
    }

    @Test
    void rfc8032FirstTestVectorSignsAndVerifies() {
        // RFC 8032 section 7.1, TEST 1: empty message.
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(pair.publicKey().toString())
                .isEqualTo("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(pair.sign(new byte[0]).toString()).isEqualTo("0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e0652249015"
                + "55fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void hardDerivationIsBlake2OfTheScaleTuple() {
        byte[] seed = Hex.decode("0x" + "11".repeat(32));
        byte[] chainCode = DeriveJunction.parse("//Alice").chainCode();
        // ("Ed25519HDKD", seed, cc) SCALE-encoded: compact length 11 (0x2c), the text, then the two arrays.
        byte[] expected = io.zklayer.primitives.hashing.Hashing.blake2b256(Hex.decode(
                "0x2c" + Hex.encodeNoPrefix("Ed25519HDKD".getBytes(StandardCharsets.US_ASCII))
                        + "11".repeat(32) + Hex.encodeNoPrefix(chainCode)));

        Ed25519KeyPair derived = Ed25519KeyPair.fromSeed(seed).derive(DeriveJunction.parse("//Alice"));

        assertThat(derived.seed()).isEqualTo(expected);
        assertThat(derived.publicKey()).isEqualTo(Ed25519KeyPair.fromSeed(expected).publicKey());
    }

    @Test
    void softJunctionIsRefusedNamingTheJunction() {
        assertThatThrownBy(() -> DevAccounts.ALICE.keyPair().derive(DeriveJunction.hard("x"), DeriveJunction.soft("foo")))
                .isInstanceOfSatisfying(InvalidSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSecretException.Reason.SOFT_JUNCTION))
                .hasMessageContaining("'/foo'");
        assertThatThrownBy(() -> Ed25519KeyPair.fromSecretUri("//Alice/soft"))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("soft junction '/soft'");
    }

    @Test
    void toStringShowsThePublicKeyButNeverTheSeed() {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(Hex.decode("0x" + "ab".repeat(32)));

        assertThat(pair.toString()).contains(pair.publicKey().toString()).doesNotContain("abab");
        assertThat(pair.toString()).doesNotContain(Hex.encodeNoPrefix(pair.seed()));
    }

    @Test
    void seedIsACopy() {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(new byte[32]);
        byte[] seed = pair.seed();
        seed[0] = 1;

        assertThat(pair.seed()[0]).isZero();
    }

    @Test
    void wrongSizesAreRefusedNamingTheLength() {
        assertThatThrownBy(() -> Ed25519KeyPair.fromSeed(new byte[31])).hasMessageContaining("32 bytes, got 31");
        assertThatThrownBy(() -> Ed25519PublicKey.of(new byte[33])).hasMessageContaining("32 bytes, got 33");
        assertThatThrownBy(() -> Ed25519Signature.of(new byte[63])).hasMessageContaining("64 bytes, got 63");
    }

    @Test
    void arbitraryBytesAsKeyOrSignatureVerifyFalseWithoutThrowing() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            byte[] sig = new byte[64];
            random.nextBytes(key);
            random.nextBytes(sig);
            assertThat(Ed25519PublicKey.of(key).verify(HELLO, Ed25519Signature.of(sig))).isFalse();
        }
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        assertThat(Ed25519PublicKey.of(allOnes).verify(HELLO, DevAccounts.ALICE.keyPair().sign(HELLO))).isFalse();
    }

    @Test
    void smallOrderKeyIsRefusedUnlikeZip215() {
        // Identity point as key and as R, S = 0: ZIP-215 (Substrate's ed25519-zebra) accepts this
        // for any message; strict RFC 8032 verification, ours, does not. See Ed25519PublicKey#verify.
        byte[] identity = Hex.decode("0x01" + "00".repeat(31));
        byte[] sig = Hex.decode("0x01" + "00".repeat(63));

        assertThat(Ed25519PublicKey.of(identity).verify(HELLO, Ed25519Signature.of(sig))).isFalse();
    }

    @Test
    void publicKeysCompareByUnsignedBytes() {
        Ed25519PublicKey low = Ed25519PublicKey.of(Hex.decode("0x01" + "00".repeat(31)));
        Ed25519PublicKey high = Ed25519PublicKey.of(Hex.decode("0xff" + "00".repeat(31)));

        assertThat(low).isLessThan(high);
        assertThat(low).isEqualTo(Ed25519PublicKey.fromHex(low.toString())).hasSameHashCodeAs(Ed25519PublicKey.fromHex(low.toString()));
    }
}
