package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Whole-set roots: the vectors through {@link TrieRoots#of}, and the ordered root's compact keys. */
class TrieRootsTest {
    @Test
    void rootOfEntriesMatchesEveryVector() {
        for (TrieVectors.Case c : TrieVectors.rootCases()) {
            Map<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
            c.entries().forEach(e -> entries.put(e.key(), e.value()));
            assertThat(Hex.encode(TrieRoots.of(c.layout(), entries))).as(c.toString()).isEqualTo(Hex.encode(c.root()));
        }
    }

    @Test
    void orderedRootOfNothingIsTheEmptyRoot() {
        assertThat(TrieRoots.ordered(TrieLayout.V0, List.of())).isEqualTo(Trie.EMPTY_ROOT);
    }

    @Test
    void orderedRootKeysValuesByCompactIndex() {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            values.add(new byte[] {(byte) i});
        }
        Trie manual = Trie.empty(TrieLayout.V1, h -> null);
        for (int i = 0; i < 70; i++) {
            byte[] key = i < 64 ? new byte[] {(byte) (i << 2)} : new byte[] {(byte) (((i << 2) | 1) & 0xFF), (byte) (i >>> 6)};
            manual.put(key, values.get(i));
        }
        assertThat(TrieRoots.ordered(TrieLayout.V1, values)).isEqualTo(manual.rootHash());
    }
}
