package io.zklayer.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.trie.TrieChangeSet;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.Block;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The in-memory ancestry answers exactly what walking the stored headers answers, on trees with
 * forks, whether blocks were learned at import or loaded on demand, and below the height it
 * forgot; and a chain imported block by block is never read back from the backend.
 */
class BlockAncestryTest {
    /** A backend that stores headers only and counts how often they are read (the seam ancestry uses). */
    static final class Headers implements ChainBackend {
        final Map<H256, Header> byHash = new HashMap<>();
        int reads;

        Header add(Header parent, int salt) {
            Header h = new Header(parent == null ? H256.ZERO : parent.hash(), parent == null ? 0 : parent.number() + 1,
                    H256.blake2b256Of(new byte[] {(byte) salt, (byte) (salt >> 8), (byte) (salt >> 16)}), H256.ZERO,
                    Digest.EMPTY);
            byHash.put(h.hash(), h);
            return h;
        }

        @Override
        public Optional<Header> header(H256 hash) {
            reads++;
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public ChainHead genesis() {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public ChainHead best() {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public ChainHead finalized() {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public TrieState stateAt(H256 hash) {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public void commit(Block block, TrieChangeSet changes, boolean makeBest, boolean makeFinal, byte[] justification) {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public void setBest(H256 hash) {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public void finalize(H256 hash, byte[] justification) {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }

        @Override
        public Optional<byte[]> justification(H256 hash) {
            throw new UnsupportedOperationException("ancestry reads headers only");
        }
    }

    private static ChainHead head(Header h) {
        return new ChainHead(h.hash(), h.number());
    }

    /** The reference: walk the stored headers one parent at a time. */
    private static Optional<ChainHead> walk(Headers store, ChainHead block, long number) {
        if (number > block.number() || number < 0) {
            return Optional.empty();
        }
        Header h = store.byHash.get(block.hash());
        while (h.number() > number) {
            h = store.byHash.get(h.parentHash());
        }
        return Optional.of(head(h));
    }

    @Test
    void skipHeightsClearLowBitsAndStayBelowTheBlock() {
        assertThat(BlockAncestry.skipHeight(0)).isZero();
        assertThat(BlockAncestry.skipHeight(1)).isZero();
        assertThat(BlockAncestry.skipHeight(6)).isEqualTo(4);
        assertThat(BlockAncestry.skipHeight(8)).isZero();
        assertThat(BlockAncestry.skipHeight(12)).isEqualTo(8);
        assertThat(BlockAncestry.skipHeight(13)).isEqualTo(1);
        assertThat(BlockAncestry.skipHeight(15)).isEqualTo(9);
        for (long n = 2; n < 5000; n++) {
            assertThat(BlockAncestry.skipHeight(n)).as("skip of %d", n).isBetween(0L, n - 1);
        }
    }

    @Property(tries = 40, seed = "20261122")
    void answersWhatWalkingTheHeadersAnswersOnForkedTrees(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 2, max = 400) int blocks,
            @ForAll @IntRange(min = 0, max = 100) int learnedPercent) {
        Random random = new Random(seed);
        Headers store = new Headers();
        BlockAncestry ancestry = new BlockAncestry(store);
        List<Header> all = new ArrayList<>();
        all.add(store.add(null, 0));
        for (int i = 1; i < blocks; i++) {
            // Mostly extend one of the newest blocks, sometimes fork from an older one.
            int parentIndex = random.nextInt(8) == 0 ? random.nextInt(all.size())
                    : Math.max(0, all.size() - 1 - random.nextInt(Math.min(3, all.size())));
            Header h = store.add(all.get(parentIndex), i);
            all.add(h);
            if (random.nextInt(100) < learnedPercent) {
                ancestry.add(h);
            }
        }
        long floor = 0;
        for (int q = 0; q < 300; q++) {
            if (random.nextInt(60) == 0) {
                floor = Math.max(floor, random.nextInt((int) all.get(all.size() - 1).number() + 1));
                ancestry.forgetBelow(floor);
            }
            ChainHead block = head(all.get(random.nextInt(all.size())));
            long number = random.nextInt((int) block.number() + 3) - 1;
            assertThat(ancestry.ancestorAt(block, number)).as("ancestor of %s at #%d (floor #%d)", block, number, floor)
                    .isEqualTo(walk(store, block, number));
            ChainHead other = head(all.get(random.nextInt(all.size())));
            assertThat(ancestry.isAncestorOrSelf(other, block))
                    .isEqualTo(walk(store, block, other.number()).map(other::equals).orElse(false));
        }
    }

    @Test
    void aChainImportedBlockByBlockIsNeverReadBackWhateverTheFinalityLag() {
        Headers store = new Headers();
        BlockAncestry ancestry = new BlockAncestry(store);
        Header genesis = store.add(null, 0);
        ancestry.add(genesis);
        Header tip = genesis;
        for (int n = 1; n <= 20_000; n++) {
            // What the header rules ask of every block: does its parent descend from the (unmoving) finalized block?
            assertThat(ancestry.isAncestorOrSelf(head(genesis), head(tip))).isTrue();
            tip = store.add(tip, n);
            ancestry.add(tip);
        }
        assertThat(store.reads).as("headers read from the backend").isZero();
        assertThat(ancestry.ancestorAt(head(tip), 1).orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void afterARestartEachStoredHeaderIsReadOnceAndForgettingBelowFinalityFreesMemory() {
        Headers store = new Headers();
        Header genesis = store.add(null, 0);
        Header tip = genesis;
        List<Header> chain = new ArrayList<>(List.of(genesis));
        for (int n = 1; n <= 3000; n++) {
            tip = store.add(tip, n);
            chain.add(tip);
        }
        BlockAncestry restarted = new BlockAncestry(store);
        assertThat(restarted.isAncestorOrSelf(head(genesis), head(tip))).isTrue();
        assertThat(store.reads).as("the first query loads the path once").isEqualTo(3001);
        Header next = store.add(tip, 3001);
        assertThat(restarted.isAncestorOrSelf(head(genesis), head(next))).isTrue();
        assertThat(store.reads).as("the next block costs one read").isEqualTo(3002);

        restarted.forgetBelow(2990);
        assertThat(restarted.size()).isEqualTo(12);
        assertThat(restarted.ancestorAt(head(next), 2995)).contains(head(chain.get(2995)));
        assertThat(restarted.ancestorAt(head(next), 10)).as("below the forgotten height it walks the headers")
                .contains(head(chain.get(10)));
    }
}
