package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Roots and root-node encodings of the independent implementation (smoldot), in V0 and V1. */
class TrieVectorsTest {
    static Stream<TrieVectors.Case> cases() {
        return TrieVectors.rootCases().stream();
    }

    @Test
    void loadsAllSixtyTwoVectors() {
        assertThat(TrieVectors.rootCases()).hasSize(62);
    }

    @Test
    void emptyTrieRootIsBlake2bOfZeroByte() {
        assertThat(Trie.EMPTY_ROOT).isEqualTo(Hashing.blake2b256(new byte[] {0}));
        assertThat(Hex.encode(Trie.EMPTY_ROOT)).isEqualTo("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314");
        assertThat(Trie.empty(TrieLayout.V1, new MemoryNodeStore()).rootHash()).isEqualTo(Trie.EMPTY_ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesRootInGivenOrder(TrieVectors.Case c) {
        Trie trie = Trie.empty(c.layout(), new MemoryNodeStore());
        for (TrieEntry e : c.entries()) {
            trie.put(e.key(), e.value());
        }
        assertThat(Hex.encode(trie.rootHash())).isEqualTo(Hex.encode(c.root()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesRootAndRootNodeInReversedOrder(TrieVectors.Case c) {
        List<TrieEntry> reversed = new ArrayList<>(c.entries());
        Collections.reverse(reversed);
        Trie trie = Trie.empty(c.layout(), new MemoryNodeStore());
        for (TrieEntry e : reversed) {
            trie.put(e.key(), e.value());
        }
        TrieCommit commit = trie.commit();
        assertThat(Hex.encode(commit.root())).isEqualTo(Hex.encode(c.root()));
        if (c.rootNode() != null && !c.entries().isEmpty()) {
            byte[] rootNode = commit.changes().inserted().stream()
                    .filter(n -> Arrays.equals(n.hash(), c.root())).findFirst().orElseThrow().encoded();
            assertThat(Hex.encode(rootNode)).isEqualTo(Hex.encode(c.rootNode()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void storedTrieReadsBackEveryEntryInKeyOrder(TrieVectors.Case c) {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie trie = Trie.empty(c.layout(), store);
        for (TrieEntry e : c.entries()) {
            trie.put(e.key(), e.value());
        }
        TrieCommit commit = trie.commit();
        store.apply(commit.changes());
        Trie reopened = Trie.open(c.layout(), store, commit.root());
        List<String> seen = new ArrayList<>();
        reopened.iterator(new byte[0]).forEachRemaining(e -> seen.add(Hex.encode(e.key()) + "=" + Hex.encode(e.value())));
        List<String> expected = c.entries().stream().map(e -> Hex.encode(e.key()) + "=" + Hex.encode(e.value())).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        for (TrieEntry e : c.entries()) {
            assertThat(reopened.get(e.key())).hasValueSatisfying(v -> assertThat(v).isEqualTo(e.value()));
        }
    }
}
