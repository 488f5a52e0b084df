package io.zklayer.primitives.trie;

import io.zklayer.primitives.codec.ScaleWriter;
import java.util.List;
import java.util.Map;

/**
 * Roots of tries built in memory from a full set of entries, as Substrate's {@code trie_root} and
 * {@code ordered_trie_root} compute them: for example a block's extrinsics root is the ordered
 * root of its encoded extrinsics, and the root of no entries is {@link Trie#EMPTY_ROOT}.
 */
public final class TrieRoots {
    private static final NodeStore NONE = hash -> null;

    private TrieRoots() {}

    /** Returns the root of the trie holding exactly {@code entries} (order does not matter). */
    public static byte[] of(TrieLayout layout, Map<byte[], byte[]> entries) {
        Trie trie = Trie.empty(layout, NONE);
        entries.forEach(trie::put);
        return trie.rootHash();
    }

    /**
     * Returns the root of the trie mapping {@code SCALE(Compact(i))} to {@code values[i]}:
     * Substrate's {@code ordered_trie_root}. Value 0 is under key {@code 0x00}, value 1 under
     * {@code 0x04}, value 64 under {@code 0x0101}.
     */
    public static byte[] ordered(TrieLayout layout, List<byte[]> values) {
        Trie trie = Trie.empty(layout, NONE);
        for (int i = 0; i < values.size(); i++) {
            trie.put(new ScaleWriter(5).compact(i).toByteArray(), values.get(i));
        }
        return trie.rootHash();
    }
}
