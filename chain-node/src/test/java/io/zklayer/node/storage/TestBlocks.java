package io.zklayer.node.storage;

import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.trie.TrieState;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded block builder for storage tests: each block changes some keys of a bounded key space on
 * top of its parent's state and is imported with its trie changes.
 */
final class TestBlocks {
    static final TrieLayout LAYOUT = TrieLayout.V1;

    private TestBlocks() {}

    /** Returns a SCALE header: parent ‖ Compact(number) ‖ stateRoot ‖ extrinsicsRoot ‖ empty digest. */
    static byte[] header(byte[] parent, long number, byte[] stateRoot, int salt) {
        byte[] extrinsicsRoot = salt == 0 ? Trie.EMPTY_ROOT : Hashing.blake2b256(new byte[] {(byte) salt, (byte) (salt >>> 8)});
        return new ScaleWriter().raw(parent).compact(number).raw(stateRoot).raw(extrinsicsRoot).compact(0).toByteArray();
    }

    /** Returns the key with index {@code i} (32 bytes, like a hashed storage key). */
    static byte[] key(int i) {
        return Hashing.blake2b256(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16)});
    }

    /** Returns a value of 0–63 bytes derived from the block number and key index (V1 hashes the long ones). */
    static byte[] value(long number, int i, int salt) {
        byte[] seed = Hashing.blake2b512(new byte[] {(byte) number, (byte) (number >>> 8), (byte) (number >>> 16), (byte) i, (byte) (i >>> 8), (byte) salt});
        return Arrays.copyOf(seed, (seed[0] & 0x3F));
    }

    /** Imports genesis with {@code keys} entries and returns its head. */
    static ChainHead genesis(ChainStore store, int keys) {
        Trie trie = Trie.empty(LAYOUT, store.nodeStore());
        for (int i = 0; i < keys; i++) {
            trie.put(key(i), value(0, i, 0));
        }
        TrieCommit c = trie.commit();
        byte[] header = header(new byte[32], 0, c.root(), 0);
        return store.importBlock(new BlockImport(header, new BlockInfo(new byte[32], c.root(), 0), new byte[] {0}, null, c.changes(), true, false));
    }

    /**
     * Imports a child of {@code parent} that rewrites {@code changes} random keys below
     * {@code keySpace} (deleting about one in eight) and returns its head.
     */
    static ChainHead child(ChainStore store, ChainHead parent, Random r, int changes, int keySpace, boolean makeBest, int salt) {
        TrieState state = store.state(parent.hash(), LAYOUT);
        long number = parent.number() + 1;
        for (int c = 0; c < changes; c++) {
            int i = r.nextInt(keySpace);
            if (r.nextInt(8) == 0) {
                state.remove(key(i));
            } else {
                state.put(key(i), value(number, i, salt));
            }
        }
        TrieCommit commit = state.commit();
        byte[] header = header(parent.hash(), number, commit.root(), salt);
        byte[] body = new byte[] {0};
        return store.importBlock(new BlockImport(header, new BlockInfo(parent.hash(), commit.root(), number), body, null,
                commit.changes(), makeBest, false));
    }
}
