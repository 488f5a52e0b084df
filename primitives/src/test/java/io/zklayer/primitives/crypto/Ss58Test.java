package io.zklayer.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ss58Test {
    private static final JsonNode KEYS = CryptoVectors.polkadotKeys();
    private static final byte[] ALICE = Hex.decode("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");

    private static void assertReason(String text, Ss58Exception.Reason reason, String messagePart) {
        assertThatThrownBy(() -> Ss58.decode(text)).as(text)
                .isInstanceOfSatisfying(Ss58Exception.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    /** Base58 of prefix bytes ‖ body ‖ the right checksum, to build addresses of odd shapes. */
    private static String withChecksum(byte[] prefixAndBody) {
        byte[] input = new byte[7 + prefixAndBody.length];
        System.arraycopy("SS58PRE".getBytes(StandardCharsets.US_ASCII), 0, input, 0, 7);
        System.arraycopy(prefixAndBody, 0, input, 7, prefixAndBody.length);
        byte[] hash = Hashing.blake2b512(input);
        byte[] data = Arrays.copyOf(prefixAndBody, prefixAndBody.length + 2);
        data[prefixAndBody.length] = hash[0];
        data[prefixAndBody.length + 1] = hash[1];
        return Base58.encode(data);
    }

    @Test
    void aliceEd25519AddressesMatchPolkadotJs() {
        assertThat(Ss58.encode(42, ALICE)).isEqualTo("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
        assertThat(Ss58.encode(0, ALICE)).isEqualTo(KEYS.get("ed25519").get("ss58_0_polkadot").asText());
        Ss58Address decoded = Ss58.decode("146SvjUZXoMaemdeiecyxgALeYMm8ZWh1yrGo8RtpoPfe7WL");
        assertThat(decoded.prefix()).isZero();
        assertThat(decoded.account()).isEqualTo(ALICE);
    }

    @Test
    void sr25519AddressesDecodeToTheSr25519PublicKey() {
        JsonNode sr = KEYS.get("sr25519");
        byte[] publicKey = Hex.decode(sr.get("publicKey").asText());

        assertThat(Ss58.decode(sr.get("ss58_42").asText())).isEqualTo(new Ss58Address(42, publicKey));
        assertThat(Ss58.decode(sr.get("ss58_0_polkadot").asText())).isEqualTo(new Ss58Address(0, publicKey));
        assertThat(Ss58.encode(42, publicKey)).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    }

    @Test
    void ecdsaAddressesDecodeToTheAccountIdAndToTheCompressedKey() {
        // The vectors hold both SS58 forms of an ecdsa key: ss58_42 carries the account id
        // (blake2b-256 of the 33-byte compressed key, 32 bytes), ss58_0_polkadot the 33-byte key itself.
        JsonNode ecdsa = KEYS.get("ecdsa");
        byte[] publicKey = Hex.decode(ecdsa.get("publicKey").asText());
        byte[] accountId = Hashing.blake2b256(publicKey);

        assertThat(Ss58.decode(ecdsa.get("ss58_42").asText())).isEqualTo(new Ss58Address(42, accountId));
        Ss58Address keyForm = Ss58.decode(ecdsa.get("ss58_0_polkadot").asText(), Ss58.ECDSA_PUBLIC_KEY_LENGTH);
        assertThat(keyForm.prefix()).isZero();
        assertThat(keyForm.payload()).hasSize(33).isEqualTo(publicKey);
        assertThat(Ss58.encode(0, publicKey)).isEqualTo(ecdsa.get("ss58_0_polkadot").asText());
        assertThat(Ss58.encode(42, accountId)).isEqualTo(ecdsa.get("ss58_42").asText());
        assertThatThrownBy(keyForm::account).isInstanceOf(IllegalStateException.class).hasMessageContaining("blake2b-256");
        // Read as an account (32-byte payload), the 33-byte form has the wrong length.
        assertReason(ecdsa.get("ss58_0_polkadot").asText(), Ss58Exception.Reason.BAD_LENGTH,
                "decodes to 36 bytes, expected 35");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 42, 46, 47, 63, 64, 65, 255, 256, 1000, 16382, 16383})
    void roundTripsAtPrefixBoundaries(int prefix) {
        String text = Ss58.encode(prefix, ALICE);

        Ss58Address decoded = Ss58.decode(text);

        assertThat(decoded.prefix()).isEqualTo(prefix);
        assertThat(decoded.account()).isEqualTo(ALICE);
        assertThat(decoded.encode()).isEqualTo(text);
    }

    @Test
    void prefixBytesPackAsSubstrateDoes() {
        assertThat(Ss58.prefixBytes(42)).containsExactly(0x2a);
        assertThat(Ss58.prefixBytes(63)).containsExactly(0x3f);
        assertThat(Ss58.prefixBytes(64)).containsExactly(0x50, 0x00);
        assertThat(Ss58.prefixBytes(255)).containsExactly(0x7f, 0xc0);
        assertThat(Ss58.prefixBytes(256)).containsExactly(0x40, 0x01);
        assertThat(Ss58.prefixBytes(16383)).containsExactly(0x7f, 0xff);
        // Kusama's neighbours in the registry: prefix 2 is one byte, 1284 (Moonbeam) is two.
        assertThat(Ss58.prefixBytes(1284)).containsExactly(0x41, 0x05);
    }

    @Test
    void twoBytePrefixAddressesMatchPolkadotJsStyleKnownValue() {
        // The prefix bits are independent of the checksum, so decode(encode) alone would not catch a
        // swapped bit: build the bytes by hand for prefix 255 and compare.
        byte[] data = new byte[34];
        data[0] = 0x7f;
        data[1] = (byte) 0xc0;
        System.arraycopy(ALICE, 0, data, 2, 32);
        assertThat(Ss58.encode(255, ALICE)).isEqualTo(withChecksum(data));
    }

    @Property(tries = 300, seed = "4242")
    void anyPrefixAndAccountRoundTrip(@ForAll @IntRange(min = 0, max = 16383) int prefix,
            @ForAll @Size(32) byte[] account) {
        Ss58Address decoded = Ss58.decode(Ss58.encode(prefix, account));

        assertThat(decoded.prefix()).isEqualTo(prefix);
        assertThat(decoded.account()).isEqualTo(account);
    }

    @Test
    void everyPrefixRoundTrips() {
        for (int prefix = 0; prefix <= Ss58.MAX_PREFIX; prefix++) {
            assertThat(Ss58.decode(Ss58.encode(prefix, ALICE)).prefix()).isEqualTo(prefix);
        }
    }

    @Test
    void changedCharacterFailsTheChecksum() {
        String good = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
        String bad = good.substring(0, 20) + (good.charAt(20) == 'a' ? 'b' : 'a') + good.substring(21);

        assertReason(bad, Ss58Exception.Reason.BAD_CHECKSUM, "does not match");
        assertReason(good.substring(0, good.length() - 1) + "v", Ss58Exception.Reason.BAD_CHECKSUM, "prefix 42");
    }

    @Test
    void wrongLengthsAreRefusedWithTheByteCount() {
        byte[] shortBody = new byte[1 + 31];
        shortBody[0] = 42;
        assertReason(withChecksum(shortBody), Ss58Exception.Reason.BAD_LENGTH, "decodes to 34 bytes, expected 35");
        byte[] longBody = new byte[1 + 34];
        longBody[0] = 42;
        assertReason(withChecksum(longBody), Ss58Exception.Reason.BAD_LENGTH, "decodes to 37 bytes, expected 35");
        assertReason("", Ss58Exception.Reason.BAD_LENGTH, "empty");
        assertReason("z".repeat(500), Ss58Exception.Reason.BAD_LENGTH, "longer than");
        assertReason(Base58.encode(new byte[] {0x50}), Ss58Exception.Reason.BAD_LENGTH, "two-byte prefix");
    }

    @Test
    void charactersOutsideBase58AreNamed() {
        assertReason("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTp0", Ss58Exception.Reason.BAD_CHARACTER,
                "invalid character '0' at position 47");
        assertReason("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiNlTTpu", Ss58Exception.Reason.BAD_CHARACTER, "'l'");
        assertReason(" 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", Ss58Exception.Reason.BAD_CHARACTER, "position 0");
    }

    @Test
    void firstByteOf128OrMoreIsNotAPrefix() {
        byte[] body = new byte[1 + 32];
        body[0] = (byte) 0x80;
        assertReason(withChecksum(body), Ss58Exception.Reason.BAD_PREFIX, "0x80");
    }

    @Test
    void encodeRejectsBadPrefixesAndAccountSizes() {
        assertThatThrownBy(() -> Ss58.encode(16384, ALICE)).hasMessageContaining("prefix 16384 is outside 0…16383");
        assertThatThrownBy(() -> Ss58.encode(-1, ALICE)).hasMessageContaining("prefix -1");
        assertThatThrownBy(() -> Ss58.encode(42, new byte[31])).hasMessageContaining("got 31");
        assertThatThrownBy(() -> Ss58.decode("5FA9", 20)).hasMessageContaining("got 20");
    }

    @Test
    void publicKeyConvenienceMethodsAgreeWithTheCodec() {
        Ed25519PublicKey alice = Ed25519PublicKey.of(ALICE);

        assertThat(alice.toSs58()).isEqualTo(Ss58.encode(ALICE));
        assertThat(Ed25519PublicKey.fromSs58(alice.toSs58(7))).isEqualTo(alice);
        assertThat(Ss58.decode(alice.toSs58(7)).encode()).isEqualTo(alice.toSs58(7));
    }
}
