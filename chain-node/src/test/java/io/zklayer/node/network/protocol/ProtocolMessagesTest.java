package io.zklayer.node.network.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.Field;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.primitives.types.OpaqueExtrinsic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The chain's wire messages: documented bytes, round trips, and every malformed input refused by name. */
class ProtocolMessagesTest {
    private static final H256 ONES = H256.fromHex("0x" + "11".repeat(32));
    private static final Header HEADER = new Header(ONES, 1, ONES, ONES, Digest.EMPTY);

    @Test
    void aRangeRequestHasTheDocumentedBytes() {
        BlockRequest r = new BlockRequest(new From.Number(1), Direction.ASCENDING, 128, EnumSet.of(Field.HEADER, Field.BODY));
        assertThat(Hex.encode(BlockRequestCodec.encode(r))).isEqualTo("0x03" + "01" + "01000000" + "00" + "80000000");
        assertThat(BlockRequestCodec.decode(BlockRequestCodec.encode(r))).isEqualTo(r);
    }

    @Test
    void aRequestByHashWithJustificationsRoundTrips() {
        BlockRequest r = new BlockRequest(new From.Hash(ONES), Direction.DESCENDING, 7,
                EnumSet.of(Field.HEADER, Field.JUSTIFICATION));
        byte[] bytes = BlockRequestCodec.encode(r);
        assertThat(bytes).hasSize(BlockRequestCodec.MAX_BYTES);
        assertThat(bytes[0]).isEqualTo((byte) 0x11);
        assertThat(BlockRequestCodec.decode(bytes)).isEqualTo(r);
    }

    @Test
    void aRequestForMoreThan128BlocksIsReadAs128() {
        byte[] bytes = Hex.decode("0x01" + "01" + "05000000" + "00" + "ffffffff");
        assertThat(BlockRequestCodec.decode(bytes).maxBlocks()).isEqualTo(BlockRequest.MAX_BLOCKS);
    }

    @Test
    void malformedRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x20" + "01" + "01000000" + "00" + "01000000")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("unknown field bits 0x20");
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x00" + "01" + "01000000" + "00" + "01000000")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("asks for no part");
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x01" + "02" + "01000000" + "00" + "01000000")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("from must be 0 (hash) or 1 (number), got 2");
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x01" + "01" + "01000000" + "02" + "01000000")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("direction");
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x01" + "01" + "01000000" + "00" + "00000000")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("max must be at least 1");
        assertThatThrownBy(() -> BlockRequestCodec.decode(Hex.decode("0x01" + "01" + "01000000" + "00" + "01000000" + "00")))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> BlockRequestCodec.decode(new byte[40]))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("exceed the limit of 39");
    }

    @Test
    void aStatusWithoutPeersIs110BytesAndRoundTrips() {
        ChainStatus s = new ChainStatus(1, ChainStatus.ROLE_AUTHORITY, ONES, 12, ONES, 10, ONES, List.of());
        byte[] bytes = s.encode();
        assertThat(bytes).hasSize(110);
        ChainStatus back = ChainStatus.decode(bytes);
        assertThat(back.isAuthority()).isTrue();
        assertThat(back.bestNumber()).isEqualTo(12);
        assertThat(back.finalizedNumber()).isEqualTo(10);
        assertThat(back.genesis()).isEqualTo(ONES);
    }

    @Test
    void aStatusWithTooManyOrOversizedPeerAddressesIsRefused() {
        ScaleWriter w = new ScaleWriter().u32(1).u8(1).raw(ONES.bytes()).u32(0).raw(ONES.bytes()).u32(0).raw(ONES.bytes());
        w.compact(33);
        for (int i = 0; i < 33; i++) {
            w.bytes(new byte[] {1});
        }
        assertThatThrownBy(() -> ChainStatus.decode(w.toByteArray())).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("knownPeers lists 33 addresses");
        ScaleWriter big = new ScaleWriter().u32(1).u8(1).raw(ONES.bytes()).u32(0).raw(ONES.bytes()).u32(0).raw(ONES.bytes());
        big.compact(1).bytes(new byte[257]);
        assertThatThrownBy(() -> ChainStatus.decode(big.toByteArray())).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("knownPeers[0] is 257 bytes");
    }

    @Test
    void anAnnouncementIsTheHeaderThenTheBestFlag() {
        byte[] bytes = new BlockAnnounce(HEADER, true).encode();
        assertThat(bytes).hasSize(99);
        assertThat(bytes[98]).isEqualTo((byte) 1);
        assertThat(BlockAnnounce.decode(bytes)).isEqualTo(new BlockAnnounce(HEADER, true));
        assertThatThrownBy(() -> BlockAnnounce.decode(java.util.Arrays.copyOf(bytes, 100)))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> BlockAnnounce.decode(new byte[BlockAnnounce.MAX_BYTES + 1]))
                .isInstanceOf(ScaleDecodeException.class).hasMessageContaining("exceed the limit");
    }

    @Test
    void aResponseRoundTripsEveryPart() {
        BlockData full = new BlockData(HEADER.hash(), Optional.of(HEADER), Optional.of(List.of(OpaqueExtrinsic.of(new byte[] {4, 5}))),
                Optional.of(new byte[] {7}));
        BlockData bare = new BlockData(ONES, Optional.empty(), Optional.empty(), Optional.empty());
        BlockResponse back = BlockResponse.decode(new BlockResponse(List.of(full, bare)).encode());
        assertThat(back.blocks()).hasSize(2);
        assertThat(back.blocks().get(0).header()).contains(HEADER);
        assertThat(back.blocks().get(0).body().orElseThrow()).containsExactly(OpaqueExtrinsic.of(new byte[] {4, 5}));
        assertThat(back.blocks().get(0).justification().orElseThrow()).containsExactly(7);
        assertThat(back.blocks().get(1).hash()).isEqualTo(ONES);
        assertThat(back.blocks().get(1).header()).isEmpty();
        assertThat(BlockResponse.encodedSize(bare)).isEqualTo(32 + 3);
    }

    @Test
    void aResponseClaimingMoreThan128BlocksIsRefusedBeforeReadingThem() {
        List<BlockData> many = new ArrayList<>();
        for (int i = 0; i < 129; i++) {
            many.add(new BlockData(ONES, Optional.empty(), Optional.empty(), Optional.empty()));
        }
        ScaleWriter w = new ScaleWriter().compact(129);
        for (int i = 0; i < 129; i++) {
            w.raw(ONES.bytes()).u8(0).u8(0).u8(0);
        }
        assertThatThrownBy(() -> BlockResponse.decode(w.toByteArray())).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("129 blocks, more than 128");
        assertThatThrownBy(() -> BlockResponse.decode(Hex.decode("0xfeffffff"))).isInstanceOf(ScaleDecodeException.class)
                .hasMessageContaining("needs at least");
        assertThatThrownBy(() -> new BlockResponse(many)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void requestsRoundTrip(@ForAll("requests") BlockRequest r) {
        assertThat(BlockRequestCodec.decode(BlockRequestCodec.encode(r))).isEqualTo(r);
    }

    @Property(tries = 500)
    void arbitraryBytesNeverCrashADecoder(@ForAll @Size(max = 200) byte[] bytes) {
        for (Runnable decoder : List.<Runnable>of(() -> BlockRequestCodec.decode(bytes), () -> ChainStatus.decode(bytes),
                () -> BlockAnnounce.decode(bytes), () -> BlockResponse.decode(bytes))) {
            try {
                decoder.run();
            } catch (ScaleDecodeException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Provide
    Arbitrary<BlockRequest> requests() {
        Arbitrary<From> from = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 0xFFFFFFFFL).map(From.Number::new),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> new From.Hash(H256.of(b))));
        Arbitrary<EnumSet<Field>> fields = Arbitraries.subsetOf(Field.values()).filter(s -> !s.isEmpty())
                .map(EnumSet::copyOf);
        return net.jqwik.api.Combinators.combine(from, Arbitraries.of(Direction.values()),
                Arbitraries.integers().between(1, BlockRequest.MAX_BLOCKS), fields).as(BlockRequest::new);
    }
}
