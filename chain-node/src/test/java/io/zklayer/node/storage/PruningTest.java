package io.zklayer.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.storage.MemoryKeyValueStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** States leave the store once outside the pruning window, and the node count stops growing. */
class PruningTest {
    private static final int KEYS = 200;

    @TempDir
    Path dir;

    @Test
    void thousandBlocksWithPruning256KeepOnlyTheWindowAndABoundedNodeCount() {
        try (ChainStore store = ChainStore.openRocks(dir, Pruning.DEFAULT, false)) {
            Random r = new Random(1000);
            ChainHead head = TestBlocks.genesis(store, KEYS);
            List<ChainHead> chain = new ArrayList<>(List.of(head));
            long countAt400 = 0;
            long countAt700 = 0;
            for (int n = 1; n <= 1000; n++) {
                head = TestBlocks.child(store, head, r, 8, KEYS, true, 0);
                chain.add(head);
                if (n > 2) {
                    store.finalizeBlock(chain.get(n - 2).hash(), null);
                }
                if (n == 400) {
                    countAt400 = store.trieNodeCount();
                }
                if (n == 700) {
                    countAt700 = store.trieNodeCount();
                }
            }
            long countAt1000 = store.trieNodeCount();
            // Once the window is full, each block adds about as many nodes as pruning removes.
            assertThat(countAt700).isBetween(countAt400 * 9 / 10, countAt400 * 11 / 10);
            assertThat(countAt1000).isBetween(countAt400 * 9 / 10, countAt400 * 11 / 10);

            ChainHead oldestKept = chain.get(1000 - 255);
            assertFullState(store, oldestKept);
            assertFullState(store, head);
            for (int n : new int[] {0, 1, 500, 1000 - 256}) {
                ChainHead gone = chain.get(n);
                assertThatThrownBy(() -> store.trie(gone.hash(), TestBlocks.LAYOUT))
                        .isInstanceOf(StatePrunedException.class)
                        .hasMessageContaining("state of block #" + n).hasMessageContaining("was pruned");
            }
            assertThat(store.header(chain.get(1).hash())).as("pruning removes states, not blocks").isPresent();
        }
    }

    @Test
    void pruningNeverPassesTheFinalizedBlock() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.keepLast(4))) {
            Random r = new Random(5);
            ChainHead head = TestBlocks.genesis(store, 40);
            List<ChainHead> chain = new ArrayList<>(List.of(head));
            for (int n = 1; n <= 20; n++) {
                head = TestBlocks.child(store, head, r, 4, 40, true, 0);
                chain.add(head);
            }
            // Nothing finalized but genesis: every state is still there.
            for (ChainHead h : chain) {
                assertFullState(store, h);
            }
            store.finalizeBlock(chain.get(10).hash(), null);
            assertFullState(store, chain.get(10));
            assertThatThrownBy(() -> store.trie(chain.get(9).hash(), TestBlocks.LAYOUT)).isInstanceOf(StatePrunedException.class);
            store.finalizeBlock(chain.get(20).hash(), null);
            for (int n = 17; n <= 20; n++) {
                assertFullState(store, chain.get(n));
            }
            assertThatThrownBy(() -> store.trie(chain.get(16).hash(), TestBlocks.LAYOUT)).isInstanceOf(StatePrunedException.class);
        }
    }

    @Test
    void abandonedForkStatesAreRemovedWhenTheirHeightIsFinalized() {
        MemoryKeyValueStore kv = new MemoryKeyValueStore();
        try (ChainStore store = ChainStore.open(kv, Pruning.keepLast(2))) {
            Random r = new Random(9);
            ChainHead g = TestBlocks.genesis(store, 60);
            ChainHead a = g;
            for (int n = 1; n <= 6; n++) {
                a = TestBlocks.child(store, a, r, 5, 60, true, 0);
            }
            long withoutFork = store.trieNodeCount();
            ChainHead fork1 = TestBlocks.child(store, g, r, 30, 60, false, 7);
            ChainHead fork2 = TestBlocks.child(store, fork1, r, 30, 60, false, 7);
            assertThat(store.trieNodeCount()).isGreaterThan(withoutFork);
            assertFullState(store, fork2);
            ChainHead main = a;
            for (int n = 7; n <= 9; n++) {
                main = TestBlocks.child(store, main, r, 5, 60, true, 0);
                store.finalizeBlock(main.hash(), null);
            }
            assertThatThrownBy(() -> store.trie(fork2.hash(), TestBlocks.LAYOUT)).isInstanceOf(StatePrunedException.class);
            // Only the two kept states' nodes remain: rebuild them and count.
            assertThat(store.trieNodeCount()).isLessThanOrEqualTo(nodesOf(store, main) + nodesOf(store, new ChainHead(store.canonicalHash(8).orElseThrow(), 8)));
            assertFullState(store, main);
        }
    }

    @Test
    void archiveKeepsEveryState() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.archive())) {
            Random r = new Random(11);
            ChainHead head = TestBlocks.genesis(store, 30);
            List<ChainHead> chain = new ArrayList<>(List.of(head));
            for (int n = 1; n <= 300; n++) {
                head = TestBlocks.child(store, head, r, 3, 30, true, 0);
                store.finalizeBlock(head.hash(), null);
                chain.add(head);
            }
            for (ChainHead h : chain) {
                assertFullState(store, h);
            }
        }
    }

    /** Reads every entry of the state and checks that rebuilding it gives the block's state root. */
    static void assertFullState(ChainStore store, ChainHead block) {
        byte[] root = store.stateRoot(block.hash());
        Trie rebuilt = Trie.empty(TestBlocks.LAYOUT, h -> null);
        Iterator<TrieEntry> it = store.trie(block.hash(), TestBlocks.LAYOUT).iterator(new byte[0]);
        it.forEachRemaining(e -> rebuilt.put(e.key(), e.value()));
        assertThat(rebuilt.rootHash()).as("state of " + block).isEqualTo(root);
    }

    private static long nodesOf(ChainStore store, ChainHead block) {
        Trie rebuilt = Trie.empty(TestBlocks.LAYOUT, h -> null);
        store.trie(block.hash(), TestBlocks.LAYOUT).iterator(new byte[0]).forEachRemaining(e -> rebuilt.put(e.key(), e.value()));
        return rebuilt.commit().changes().inserted().size();
    }
}
