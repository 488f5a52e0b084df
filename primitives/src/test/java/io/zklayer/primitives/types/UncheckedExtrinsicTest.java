package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.TestData;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.hashing.Hashing;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UncheckedExtrinsicTest {
    private final TestData data = new TestData(7);

    private UncheckedExtrinsic signedTransfer(TestData.Ed25519TestKey alice, AccountId32 bob, Era era, H256 birthHash) {
        Call call = new TransferAllowDeath(MultiAddress.id(bob), new BigInteger("1000000000000")).toCall();
        return data.signedExtrinsic(alice, call, new SignedExtra(era, 3, BigInteger.TEN), birthHash);
    }

    private static boolean verifies(UncheckedExtrinsic xt, AdditionalSigned additional) {
        ExtrinsicSignature sig = xt.signature().orElseThrow();
        byte[] message = new SigningPayload(xt.call(), sig.extra(), additional).toSign();
        byte[] publicKey = ((MultiAddress.Id) sig.signer()).account().bytes();
        return TestData.Ed25519TestKey.verify(publicKey, message, sig.signature().bytes());
    }

    @Test
    void signedTransferRoundTripsAndItsSignatureVerifies() {
        TestData.Ed25519TestKey alice = data.ed25519Key();
        AccountId32 bob = data.accountId();
        H256 birthHash = data.h256();
        Era era = Era.mortal(64, 1000);
        UncheckedExtrinsic xt = signedTransfer(alice, bob, era, birthHash);

        byte[] encoded = xt.encode();
        UncheckedExtrinsic decoded = UncheckedExtrinsic.CODEC.decode(encoded);
        assertThat(decoded).isEqualTo(xt);
        assertThat(decoded.isSigned()).isTrue();
        assertThat(TransferAllowDeath.CODEC.decode(decoded.call().args()))
                .isEqualTo(new TransferAllowDeath(MultiAddress.id(bob), new BigInteger("1000000000000")));

        AdditionalSigned additional = AdditionalSigned.forEra(TestData.SPEC_VERSION, TestData.TX_VERSION,
                data.genesisHash(), era, birthHash);
        assertThat(verifies(decoded, additional)).isTrue();
        // The signature binds the chain, the runtime version and the fork.
        assertThat(verifies(decoded, AdditionalSigned.forEra(TestData.SPEC_VERSION + 1, TestData.TX_VERSION,
                data.genesisHash(), era, birthHash))).isFalse();
        assertThat(verifies(decoded, AdditionalSigned.forEra(TestData.SPEC_VERSION, TestData.TX_VERSION,
                data.genesisHash(), era, data.h256()))).isFalse();
    }

    @Test
    void signedExtrinsicLayoutIsLengthVersionAddressSignatureExtraCall() {
        TestData.Ed25519TestKey alice = data.ed25519Key();
        UncheckedExtrinsic xt = signedTransfer(alice, data.accountId(), Era.IMMORTAL, H256.ZERO);
        byte[] encoded = xt.encode();
        ScaleReader r = new ScaleReader(encoded);
        assertThat(r.compactInt("len")).isEqualTo(encoded.length - 2);
        assertThat(r.u8()).isEqualTo(0x84);
        assertThat(r.u8()).isEqualTo(0); // MultiAddress::Id
        assertThat(r.raw(32, "account")).isEqualTo(alice.publicKey());
        assertThat(r.u8()).isEqualTo(0); // MultiSignature::Ed25519
        r.raw(64, "signature");
        assertThat(r.u8()).isEqualTo(0); // immortal era
        assertThat(r.compactInt("nonce")).isEqualTo(3);
        assertThat(r.compactInt("tip")).isEqualTo(10);
        assertThat(r.u8()).isEqualTo(5);
        assertThat(r.u8()).isEqualTo(0);
        assertThat(r.remaining()).isEqualTo(33 + 6); // MultiAddress::Id + Compact(10^12) in 6 bytes
    }

    @Test
    void immortalEraSignsOverTheGenesisHash() {
        AdditionalSigned additional = AdditionalSigned.forEra(1, 2, data.genesisHash(), Era.IMMORTAL, data.h256());
        assertThat(additional.eraBlockHash()).isEqualTo(data.genesisHash());
        assertThat(AdditionalSigned.immortal(1, 2, data.genesisHash())).isEqualTo(additional);
    }

    @Test
    void payloadsOver256BytesAreHashedBeforeSigning() {
        SignedExtra extra = new SignedExtra(Era.IMMORTAL, 0, BigInteger.ZERO); // 3 bytes
        AdditionalSigned additional = data.additionalSigned(Era.IMMORTAL, H256.ZERO); // 72 bytes
        // 2 + 179 + 3 + 72 = 256: signed as is.
        SigningPayload exact = new SigningPayload(new Call(1, 2, data.bytes(179)), extra, additional);
        assertThat(exact.encode()).hasSize(256);
        assertThat(exact.toSign()).isEqualTo(exact.encode());
        // One byte more: the blake2b-256 of the payload is signed.
        SigningPayload longer = new SigningPayload(new Call(1, 2, data.bytes(180)), extra, additional);
        assertThat(longer.encode()).hasSize(257);
        assertThat(longer.toSign()).isEqualTo(Hashing.blake2b256(longer.encode()));

        TestData.Ed25519TestKey key = data.ed25519Key();
        UncheckedExtrinsic xt = data.signedExtrinsic(key, longer.call(), extra, H256.ZERO);
        byte[] signature = xt.signature().orElseThrow().signature().bytes();
        assertThat(TestData.Ed25519TestKey.verify(key.publicKey(), Hashing.blake2b256(longer.encode()), signature)).isTrue();
        assertThat(TestData.Ed25519TestKey.verify(key.publicKey(), longer.encode(), signature)).isFalse();
        assertThat(verifies(UncheckedExtrinsic.CODEC.decode(xt.encode()), additional)).isTrue();
    }

    @Test
    void unsupportedVersionBytesAreRejected() {
        assertThatThrownBy(() -> UncheckedExtrinsic.CODEC.decode(Hex.decode("0x0c050500")))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessage("UncheckedExtrinsic at offset 1: unsupported version byte 0x5 (expected 0x84 signed v4 or 0x04 unsigned v4)");
        assertThatThrownBy(() -> UncheckedExtrinsic.CODEC.decode(Hex.decode("0x0c850500")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("0x85");
    }

    @Test
    void lengthPrefixMustMatchTheBody() {
        // Prefix claims 4 bytes, 3 present.
        assertThatThrownBy(() -> UncheckedExtrinsic.CODEC.decode(Hex.decode("0x10040500")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("needs at least 4 bytes but 3 remain");
        // Prefix claims 2 bytes: the call lacks its call index.
        assertThatThrownBy(() -> UncheckedExtrinsic.CODEC.decode(Hex.decode("0x08040500")))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessage("UncheckedExtrinsic.call/u8 at offset 3: needs 1 bytes but 0 remain");
        // A signed body whose signature runs past the prefix.
        UncheckedExtrinsic xt = signedTransfer(data.ed25519Key(), data.accountId(), Era.IMMORTAL, H256.ZERO);
        byte[] encoded = xt.encode();
        byte[] cut = Arrays.copyOf(encoded, 60);
        cut[0] = (byte) (58 << 2);
        cut[1] = (byte) 0x84;
        assertThatThrownBy(() -> UncheckedExtrinsic.CODEC.decode(Arrays.copyOf(cut, 59)))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("UncheckedExtrinsic");
    }

    @Test
    void extrinsicHashIsBlake2bOfTheFullEncoding() {
        UncheckedExtrinsic xt = data.uncheckedExtrinsic();
        assertThat(xt.hash().bytes()).isEqualTo(Hashing.blake2b256(xt.encode()));
    }

    @Property(tries = 100, seed = "20261121")
    void seededSignedExtrinsicsRoundTripAndVerify(@ForAll long seed) {
        TestData d = new TestData(seed);
        TestData.Ed25519TestKey key = d.ed25519Key();
        SignedExtra extra = d.signedExtra();
        H256 birth = d.h256();
        UncheckedExtrinsic xt = d.signedExtrinsic(key, d.call(400), extra, birth);
        UncheckedExtrinsic decoded = UncheckedExtrinsic.CODEC.decode(xt.encode());
        assertThat(decoded).isEqualTo(xt);
        assertThat(UncheckedExtrinsic.fromOpaque(OpaqueExtrinsic.CODEC.decode(xt.encode()))).isEqualTo(xt);
        assertThat(verifies(decoded, d.additionalSigned(extra.era(), birth))).isTrue();
    }
}
