package io.zklayer.primitives.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.TestData;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.hashing.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void headerWithEmptyDigestIs98BytesInFieldOrder() {
        TestData data = new TestData(1);
        Header header = new Header(data.h256(), 1, data.h256(), data.h256(), Digest.EMPTY);
        byte[] encoded = header.encode();
        assertThat(encoded).hasSize(98);
        assertThat(Hex.encode(encoded)).isEqualTo(header.parentHash().toHex() + "04"
                + header.stateRoot().toHex().substring(2) + header.extrinsicsRoot().toHex().substring(2) + "00");
        assertThat(header.hash().bytes()).isEqualTo(Hashing.blake2b256(encoded));
    }

    @Property(tries = 100, seed = "20261121")
    void hashChangesWhenAnyFieldChanges(@ForAll long seed) {
        TestData data = new TestData(seed);
        Header h = data.header();
        List<UnaryOperator<Header>> changes = new ArrayList<>();
        changes.add(x -> new Header(data.h256(), x.number(), x.stateRoot(), x.extrinsicsRoot(), x.digest()));
        changes.add(x -> new Header(x.parentHash(), x.number() ^ 1, x.stateRoot(), x.extrinsicsRoot(), x.digest()));
        changes.add(x -> new Header(x.parentHash(), x.number(), data.h256(), x.extrinsicsRoot(), x.digest()));
        changes.add(x -> new Header(x.parentHash(), x.number(), x.stateRoot(), data.h256(), x.digest()));
        changes.add(x -> {
            List<DigestItem> logs = new ArrayList<>(x.digest().logs());
            logs.add(new DigestItem.Seal(ConsensusEngineId.AURA, data.bytes(64)));
            return x.withDigest(new Digest(logs));
        });
        for (UnaryOperator<Header> change : changes) {
            Header changed = change.apply(h);
            assertThat(changed).isNotEqualTo(h);
            assertThat(changed.hash()).isNotEqualTo(h.hash());
        }
        assertThat(new Header(h.parentHash(), h.number(), h.stateRoot(), h.extrinsicsRoot(), h.digest()).hash())
                .isEqualTo(h.hash());
    }

    @Test
    void childOfLinksToItsParentsHash() {
        TestData data = new TestData(2);
        Header parent = data.header();
        Header child = data.childOf(parent);
        assertThat(child.parentHash()).isEqualTo(parent.hash());
        assertThat(child.number()).isEqualTo(parent.number() + 1);
    }

    @Test
    void digestItemVariantsUseSubstrateIndexes() {
        assertThat(Hex.encode(DigestItem.CODEC.encode(new DigestItem.PreRuntime(ConsensusEngineId.AURA, Hex.decode("0x0102")))))
                .isEqualTo("0x0661757261080102");
        assertThat(Hex.encode(DigestItem.CODEC.encode(new DigestItem.Consensus(ConsensusEngineId.BABE, new byte[0]))))
                .isEqualTo("0x044241424500");
        assertThat(Hex.encode(DigestItem.CODEC.encode(new DigestItem.Seal(ConsensusEngineId.GRANDPA, new byte[] {9}))))
                .isEqualTo("0x0546524e4b0409");
        assertThat(Hex.encode(DigestItem.CODEC.encode(new DigestItem.Other(new byte[] {7})))).isEqualTo("0x000407");
        assertThat(Hex.encode(DigestItem.CODEC.encode(DigestItem.RuntimeEnvironmentUpdated.INSTANCE))).isEqualTo("0x08");
    }

    @Test
    void unknownDigestItemInAHeaderNamesThePath() {
        TestData data = new TestData(3);
        Header header = new Header(data.h256(), 5, data.h256(), data.h256(), Digest.of(new DigestItem.Other(new byte[0])));
        byte[] encoded = header.encode();
        encoded[98] = 7; // the digest item's index byte: 32 + 1 + 32 + 32 + 1 (Vec length) = 98
        assertThatThrownBy(() -> Header.CODEC.decode(encoded))
                .isInstanceOf(ScaleDecodeException.class)
                .hasMessage("Header.digest/Vec<DigestItem>[0]/DigestItem at offset 98: unknown variant index 7");
    }

    @Test
    void nonCanonicalBlockNumberIsRejected() {
        TestData data = new TestData(4);
        byte[] encoded = new Header(data.h256(), 1, data.h256(), data.h256(), Digest.EMPTY).encode();
        byte[] padded = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, padded, 0, 32);
        padded[32] = 0x05; // 1 in two-byte mode: 0x0500
        padded[33] = 0x00;
        System.arraycopy(encoded, 33, padded, 34, encoded.length - 33);
        assertThatThrownBy(() -> Header.CODEC.decode(padded)).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("Header.number/Compact<u32> at offset 32: non-canonical encoding of 1 in 2 bytes");
    }

    @Test
    void numbersBeyondU32AreRefused() {
        assertThatThrownBy(() -> new Header(H256.ZERO, 1L << 32, H256.ZERO, H256.ZERO, Digest.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u32");
    }

    @Test
    void blockCarriesOpaqueExtrinsicsWithTheirLengthPrefix() {
        TestData data = new TestData(5);
        UncheckedExtrinsic xt = UncheckedExtrinsic.unsigned(new Call(5, 0, new byte[0]));
        assertThat(Hex.encode(xt.encode())).isEqualTo("0x0c040500");
        Block block = new Block(data.header(), List.of(xt.toOpaque()));
        byte[] encoded = Block.CODEC.encode(block);
        assertThat(Hex.encode(encoded)).endsWith("040c040500");
        Block decoded = Block.CODEC.decode(encoded);
        assertThat(decoded).isEqualTo(block);
        assertThat(decoded.hash()).isEqualTo(block.header().hash());
        assertThat(UncheckedExtrinsic.fromOpaque(decoded.extrinsics().get(0))).isEqualTo(xt);
        assertThat(decoded.extrinsics().get(0).encode()).isEqualTo(xt.encode());
    }

    @Test
    void valuesAreImmutable() {
        byte[] data = {1, 2, 3};
        DigestItem.Other other = new DigestItem.Other(data);
        data[0] = 9;
        other.data()[1] = 9;
        assertThat(other.data()).containsExactly(1, 2, 3);
        byte[] hashBytes = new byte[32];
        H256 h = H256.of(hashBytes);
        hashBytes[0] = 1;
        assertThat(h).isEqualTo(H256.ZERO);
        assertThat(h.toString()).isEqualTo("0x" + "00".repeat(32));
    }

    @Test
    void engineIdsPrintAsAsciiWhenTheyCan() {
        assertThat(ConsensusEngineId.GRANDPA).hasToString("FRNK");
        assertThat(ConsensusEngineId.of(new byte[] {0, 1, 2, 3})).hasToString("0x00010203");
    }
}
