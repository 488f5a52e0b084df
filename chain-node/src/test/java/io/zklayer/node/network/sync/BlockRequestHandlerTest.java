package io.zklayer.node.network.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.consensus.network.BlockData;
import io.zklayer.consensus.network.BlockRequest;
import io.zklayer.consensus.network.BlockRequest.Direction;
import io.zklayer.consensus.network.BlockRequest.Field;
import io.zklayer.consensus.network.BlockRequest.From;
import io.zklayer.node.network.FakeChain;
import io.zklayer.node.network.protocol.BlockResponse;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Serving block ranges from a stored chain, and checking what a peer sends back. */
class BlockRequestHandlerTest {
    private static final EnumSet<Field> ALL = EnumSet.of(Field.HEADER, Field.BODY, Field.JUSTIFICATION);

    private static BlockRequest up(long from, int max) {
        return new BlockRequest(new From.Number(from), Direction.ASCENDING, max, ALL);
    }

    @Test
    void servesAscendingRangesOnTheBestChainCappedAtTheChainsEnd() {
        FakeChain chain = new FakeChain();
        chain.extend(10, 0, 3);
        chain.putJustification(chain.canonicalHash(4).orElseThrow(), new byte[] {1});
        BlockResponse r = new BlockRequestHandler(chain).handle(up(3, 128));
        assertThat(r.blocks()).extracting(d -> d.header().orElseThrow().number()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(r.blocks().get(1).justification()).isPresent();
        assertThat(r.blocks().get(0).justification()).isEmpty();
        assertThat(r.blocks().get(0).body().orElseThrow()).hasSize(1);
        assertThat(BlockRanges.check(up(3, 128), r).blocks()).hasSize(8);
    }

    @Test
    void servesDescendingFromAHashAndOnlyTheAskedParts() {
        FakeChain chain = new FakeChain();
        Header tip = chain.extend(10, 0, 0);
        BlockRequest down = new BlockRequest(new From.Hash(tip.hash()), Direction.DESCENDING, 4, EnumSet.of(Field.HEADER));
        BlockResponse r = new BlockRequestHandler(chain).handle(down);
        assertThat(r.blocks()).extracting(d -> d.header().orElseThrow().number()).containsExactly(10L, 9L, 8L, 7L);
        assertThat(r.blocks()).allSatisfy(d -> assertThat(d.body()).isEmpty());
    }

    @Test
    void anUnknownStartGivesNothingAndAForkBlockOnlyItself() {
        FakeChain chain = new FakeChain();
        Header five = chain.extend(5, 0, 0);
        chain.extend(5, 0, 0);
        Block fork = FakeChain.child(five, 9, 0);
        chain.importBlock(fork);
        BlockRequestHandler handler = new BlockRequestHandler(chain);
        assertThat(handler.handle(up(99, 10)).blocks()).isEmpty();
        assertThat(handler.handle(new BlockRequest(new From.Hash(H256.ZERO), Direction.ASCENDING, 10, ALL)).blocks()).isEmpty();
        assertThat(handler.handle(new BlockRequest(new From.Hash(fork.hash()), Direction.ASCENDING, 10, ALL)).blocks())
                .extracting(BlockData::hash).containsExactly(fork.hash());
    }

    @Test
    void stopsOnceTheResponsePassesTheSoftLimitButAlwaysSendsOneBlock() {
        FakeChain chain = new FakeChain();
        chain.extend(5, 0, 3 << 20);
        BlockResponse r = new BlockRequestHandler(chain).handle(up(1, 5));
        assertThat(r.blocks()).hasSize(2);
        assertThat(r.encode().length).isLessThanOrEqualTo(BlockResponse.SOFT_LIMIT_BYTES);
        FakeChain huge = new FakeChain();
        huge.extend(2, 0, 9 << 20);
        assertThat(new BlockRequestHandler(huge).handle(up(1, 2)).blocks()).hasSize(1);
    }

    @Test
    void responsesThatDoNotAnswerTheRequestAreRefused() {
        FakeChain chain = new FakeChain();
        chain.extend(6, 0, 0);
        List<BlockData> good = new BlockRequestHandler(chain).handle(up(2, 4)).blocks();

        assertThatThrownBy(() -> BlockRanges.check(up(2, 3), good)).hasMessageContaining("4 blocks returned, 3 asked for");
        assertThatThrownBy(() -> BlockRanges.check(up(3, 4), good)).hasMessageContaining("first block is #2, not the requested #3");
        List<BlockData> gap = new ArrayList<>(good);
        gap.remove(1);
        assertThatThrownBy(() -> BlockRanges.check(up(2, 4), gap)).hasMessageContaining("is not the child of block 0");
        List<BlockData> lying = new ArrayList<>(good);
        lying.set(0, new BlockData(H256.ZERO, good.get(0).header(), good.get(0).body(), Optional.empty()));
        assertThatThrownBy(() -> BlockRanges.check(up(2, 4), lying)).hasMessageContaining("but its header hashes to");
        List<BlockData> bodiless = new ArrayList<>(good);
        bodiless.set(2, new BlockData(good.get(2).hash(), good.get(2).header(), Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> BlockRanges.check(up(2, 4), bodiless)).hasMessageContaining("block 2 lacks its body");
    }
}
