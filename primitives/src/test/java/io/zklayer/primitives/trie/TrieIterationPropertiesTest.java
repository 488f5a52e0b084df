package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Prefix and lower-bound iteration, and next-key through an overlay, agree with a sorted map. */
class TrieIterationPropertiesTest {
    @Provide
    Arbitrary<byte[]> smallKeys() {
        return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x1f, (byte) 0xf0, (byte) 0xff)
                .list().ofMaxSize(4)
                .map(l -> {
                    byte[] k = new byte[l.size()];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = l.get(i);
                    }
                    return k;
                });
    }

    @Provide
    Arbitrary<Set<byte[]>> keySets() {
        return smallKeys().set().ofMaxSize(40);
    }

    @Property(tries = 300, seed = "31337")
    void prefixAndLowerBoundIterationMatchASortedMap(@ForAll("keySets") Set<byte[]> keys,
            @ForAll("smallKeys") byte[] prefix, @ForAll("smallKeys") byte[] from) {
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        keys.forEach(k -> model.put(k, k));
        MemoryNodeStore store = new MemoryNodeStore();
        Trie built = Trie.empty(TrieLayout.V1, store);
        model.forEach(built::put);
        TrieCommit c = built.commit();
        store.apply(c.changes());
        Trie trie = Trie.open(TrieLayout.V1, store, c.root());

        List<String> expected = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : model.tailMap(from, true).entrySet()) {
            if (startsWith(e.getKey(), prefix)) {
                expected.add(Hex.encode(e.getKey()));
            }
        }
        List<String> actual = new ArrayList<>();
        trie.iterator(prefix, from).forEachRemaining(e -> actual.add(Hex.encode(e.key())));
        assertThat(actual).containsExactlyElementsOf(expected);

        byte[] next = model.higherKey(from);
        assertThat(trie.nextKey(from).map(Hex::encode).orElse(null)).isEqualTo(next == null ? null : Hex.encode(next));
    }

    @Property(tries = 200, seed = "4711")
    void nextKeyThroughTheOverlayMatchesASortedMap(@ForAll("keySets") Set<byte[]> base,
            @ForAll("keySets") Set<byte[]> added, @ForAll("keySets") Set<byte[]> removed, @ForAll("smallKeys") byte[] from) {
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        Trie trie = Trie.empty(TrieLayout.V0, new MemoryNodeStore());
        for (byte[] k : base) {
            trie.put(k, k);
            model.put(k, k);
        }
        TrieState state = new TrieState(trie);
        for (byte[] k : added) {
            state.put(k, new byte[] {1});
            model.put(k, new byte[] {1});
        }
        state.startTransaction();
        for (byte[] k : removed) {
            state.remove(k);
            model.remove(k);
        }
        byte[] next = model.higherKey(from);
        assertThat(state.nextKey(from).map(Hex::encode).orElse(null)).isEqualTo(next == null ? null : Hex.encode(next));
        state.commitTransaction();
        assertThat(Hex.encode(state.storageRoot())).isEqualTo(Hex.encode(TrieRoots.of(TrieLayout.V0, model)));
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }
}
