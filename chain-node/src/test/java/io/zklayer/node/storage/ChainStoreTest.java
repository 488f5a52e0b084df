package io.zklayer.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.storage.MemoryKeyValueStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieChangeSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed accessors, chain rules, canonical index and schema checks of {@link ChainStore}. */
class ChainStoreTest {
    @TempDir
    Path dir;

    @Test
    void importedBlocksReadBackWithPointersAndCanonicalIndex() {
        try (ChainStore store = ChainStore.openRocks(dir, Pruning.DEFAULT, false)) {
            ChainHead g = TestBlocks.genesis(store, 50);
            ChainHead b1 = TestBlocks.child(store, g, new Random(1), 5, 50, true, 0);
            ChainHead b2 = TestBlocks.child(store, b1, new Random(2), 5, 50, true, 0);
            assertThat(store.genesis()).contains(g);
            assertThat(store.best()).contains(b2);
            assertThat(store.finalized()).contains(g);
            assertThat(store.canonicalHash(1)).hasValueSatisfying(h -> assertThat(h).isEqualTo(b1.hash()));
            byte[] header = store.header(b2.hash()).orElseThrow();
            assertThat(Hashing.blake2b256(header)).isEqualTo(b2.hash());
            assertThat(store.body(b2.hash())).isPresent();
            assertThat(store.blockInfo(b2.hash()).orElseThrow().parentHash()).isEqualTo(b1.hash());
            assertThat(store.state(b2.hash(), TestBlocks.LAYOUT).storageRoot()).isEqualTo(store.blockInfo(b2.hash()).orElseThrow().stateRoot());
        }
        try (ChainStore reopened = ChainStore.openRocks(dir, Pruning.DEFAULT, false)) {
            assertThat(reopened.best().orElseThrow().number()).isEqualTo(2);
        }
    }

    @Test
    void rejectsBlocksThatBreakChainRules() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.DEFAULT)) {
            ChainHead g = TestBlocks.genesis(store, 10);
            byte[] orphanHeader = TestBlocks.header(new byte[32], 5, Trie.EMPTY_ROOT, 9);
            byte[] unknownParent = Hashing.blake2b256(new byte[] {1});
            assertThatThrownBy(() -> store.importBlock(new BlockImport(orphanHeader, new BlockInfo(unknownParent, Trie.EMPTY_ROOT, 5),
                    new byte[0], null, TrieChangeSet.EMPTY, true, false)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("is unknown");
            assertThatThrownBy(() -> store.importBlock(new BlockImport(TestBlocks.header(g.hash(), 2, Trie.EMPTY_ROOT, 0),
                    new BlockInfo(g.hash(), Trie.EMPTY_ROOT, 2), new byte[0], null, TrieChangeSet.EMPTY, true, false)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("does not follow its parent");
            assertThatThrownBy(() -> TestBlocks.genesis(store, 3))
                    .isInstanceOf(StorageException.class).hasMessageContaining("genesis");
            ChainHead b1 = TestBlocks.child(store, g, new Random(3), 2, 10, true, 0);
            store.finalizeBlock(b1.hash(), new byte[] {7});
            assertThat(store.justification(b1.hash())).hasValueSatisfying(j -> assertThat(j).containsExactly(7));
            assertThatThrownBy(() -> TestBlocks.child(store, g, new Random(4), 2, 10, false, 1))
                    .isInstanceOf(StorageException.class).hasMessageContaining("not above the finalized");
        }
    }

    @Test
    void switchingToALongerForkRewritesTheCanonicalIndex() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.DEFAULT)) {
            ChainHead g = TestBlocks.genesis(store, 20);
            ChainHead a1 = TestBlocks.child(store, g, new Random(1), 3, 20, true, 0);
            ChainHead a2 = TestBlocks.child(store, a1, new Random(2), 3, 20, true, 0);
            ChainHead a3 = TestBlocks.child(store, a2, new Random(3), 3, 20, true, 0);
            ChainHead b1 = TestBlocks.child(store, g, new Random(4), 3, 20, false, 1);
            ChainHead b2 = TestBlocks.child(store, b1, new Random(5), 3, 20, true, 1);
            assertThat(store.best()).contains(b2);
            assertThat(store.canonicalHash(1)).hasValueSatisfying(h -> assertThat(h).isEqualTo(b1.hash()));
            assertThat(store.canonicalHash(2)).hasValueSatisfying(h -> assertThat(h).isEqualTo(b2.hash()));
            assertThat(store.canonicalHash(3)).isEmpty();
            store.setBest(a3.hash());
            assertThat(store.canonicalHash(1)).hasValueSatisfying(h -> assertThat(h).isEqualTo(a1.hash()));
            assertThat(store.canonicalHash(3)).hasValueSatisfying(h -> assertThat(h).isEqualTo(a3.hash()));
            store.finalizeBlock(a2.hash(), null);
            assertThatThrownBy(() -> store.setBest(b2.hash())).isInstanceOf(StorageException.class)
                    .hasMessageContaining("does not descend from the finalized");
            assertThatThrownBy(() -> store.finalizeBlock(b1.hash(), null)).isInstanceOf(StorageException.class);
        }
    }

    @Test
    void stateOfAForkThatFinalityAbandonedIsReportedPruned() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.DEFAULT)) {
            ChainHead g = TestBlocks.genesis(store, 20);
            ChainHead a1 = TestBlocks.child(store, g, new Random(1), 3, 20, true, 0);
            ChainHead a2 = TestBlocks.child(store, a1, new Random(2), 3, 20, true, 0);
            ChainHead b = g;
            for (int n = 1; n <= 4; n++) {
                b = TestBlocks.child(store, b, new Random(10 + n), 3, 20, false, 1);
            }
            ChainHead b4 = b;
            assertThat(store.state(b4.hash(), TestBlocks.LAYOUT).storageRoot()).isEqualTo(store.blockInfo(b4.hash()).orElseThrow().stateRoot());
            store.finalizeBlock(a2.hash(), null);
            assertThatThrownBy(() -> store.stateRoot(b4.hash())).isInstanceOf(StatePrunedException.class)
                    .hasMessageContaining("fork that finality abandoned");
            assertThat(store.stateRoot(a2.hash())).isNotNull();
        }
    }

    @Test
    void importWhoseStateRootNodeIsNowhereIsRefused() {
        try (ChainStore store = ChainStore.open(new MemoryKeyValueStore(), Pruning.DEFAULT)) {
            ChainHead g = TestBlocks.genesis(store, 5);
            byte[] bogusRoot = Hashing.blake2b256(new byte[] {42});
            assertThatThrownBy(() -> store.importBlock(new BlockImport(TestBlocks.header(g.hash(), 1, bogusRoot, 0),
                    new BlockInfo(g.hash(), bogusRoot, 1), new byte[0], null, TrieChangeSet.EMPTY, true, false)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("neither stored nor among");
            assertThat(store.best()).contains(g);
        }
    }

    @Test
    void openingADatabaseOfAnotherSchemaVersionIsAClearError() {
        try (ChainStore store = ChainStore.openRocks(dir, Pruning.DEFAULT, false)) {
            TestBlocks.genesis(store, 5);
            store.keyValueStore().write(new KeyValueBatch().put(Column.META, Column.KEY_SCHEMA_VERSION,
                    ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(99).array()));
        }
        assertThatThrownBy(() -> ChainStore.openRocks(dir, Pruning.DEFAULT, false))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("version " + Column.SCHEMA_VERSION);
    }

    @Test
    void openingWithAnotherPruningModeIsAClearError() {
        try (ChainStore store = ChainStore.openRocks(dir, Pruning.keepLast(16), false)) {
            TestBlocks.genesis(store, 5);
        }
        assertThatThrownBy(() -> ChainStore.openRocks(dir, Pruning.archive(), false))
                .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("keep-16").hasMessageContaining("archive");
    }

    @Test
    void unknownColumnFamilyOnDiskIsASchemaError() {
        enum Foreign implements io.zklayer.primitives.storage.StoreColumn {
            LEGACY;

            @Override
            public int id() {
                return 200;
            }
        }
        RocksKeyValueStore.open(dir, java.util.List.of(Foreign.LEGACY), false).close();
        assertThatThrownBy(() -> ChainStore.openRocks(dir, Pruning.DEFAULT, false))
                .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("200-LEGACY");
    }
}
