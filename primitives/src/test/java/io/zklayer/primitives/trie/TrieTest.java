package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link Trie} beyond the vectors: iteration, next key, incremental commits, missing nodes. */
class TrieTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Trie sample() {
        Trie t = Trie.empty(TrieLayout.V1, new MemoryNodeStore());
        for (String k : new String[] {"alfa", "alfabet", "alpha", "beta", "bet", "gamma", ""}) {
            t.put(b(k), b(k.toUpperCase()));
        }
        return t;
    }

    private static List<String> keys(java.util.Iterator<TrieEntry> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(e -> out.add(new String(e.key(), StandardCharsets.US_ASCII)));
        return out;
    }

    @Test
    void iteratesAllKeysInUnsignedOrderWithBranchValuesFirst() {
        assertThat(keys(sample().iterator(new byte[0]))).containsExactly("", "alfa", "alfabet", "alpha", "bet", "beta", "gamma");
    }

    @Test
    void iteratesOnlyKeysWithThePrefix() {
        assertThat(keys(sample().iterator(b("alf")))).containsExactly("alfa", "alfabet");
        assertThat(keys(sample().iterator(b("be")))).containsExactly("bet", "beta");
        assertThat(keys(sample().iterator(b("x")))).isEmpty();
    }

    @Test
    void iteratesFromALowerBound() {
        assertThat(keys(sample().iterator(new byte[0], b("alfb")))).containsExactly("alpha", "bet", "beta", "gamma");
        assertThat(keys(sample().iterator(b("al"), b("alfa")))).containsExactly("alfa", "alfabet", "alpha");
    }

    @Test
    void nextKeyIsStrictlyGreater() {
        Trie t = sample();
        assertThat(t.nextKey(b("alfa"))).hasValueSatisfying(k -> assertThat(k).isEqualTo(b("alfabet")));
        assertThat(t.nextKey(b("b"))).hasValueSatisfying(k -> assertThat(k).isEqualTo(b("bet")));
        assertThat(t.nextKey(b("gamma"))).isEmpty();
    }

    @Test
    void emptyValueIsPresentAndRemovalOfAbsentKeyChangesNothing() {
        Trie t = Trie.empty(TrieLayout.V0, new MemoryNodeStore());
        t.put(b("k"), new byte[0]);
        byte[] root = t.rootHash();
        assertThat(t.get(b("k"))).hasValueSatisfying(v -> assertThat(v).isEmpty());
        t.remove(b("absent"));
        t.remove(b("k2"));
        assertThat(t.rootHash()).isEqualTo(root);
        t.remove(b("k"));
        assertThat(t.rootHash()).isEqualTo(Trie.EMPTY_ROOT);
    }

    @Test
    void commitAfterOneChangeStoresOnlyThePathToTheRoot() {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie t = Trie.empty(TrieLayout.V1, store);
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            byte[] k = new byte[32];
            r.nextBytes(k);
            t.put(k, k);
        }
        TrieCommit first = t.commit();
        store.apply(first.changes());
        byte[] k = new byte[32];
        r.nextBytes(k);
        Trie reopened = Trie.open(TrieLayout.V1, store, first.root());
        reopened.put(k, new byte[] {1});
        TrieCommit second = reopened.commit();
        assertThat(second.changes().inserted()).hasSizeLessThanOrEqualTo(5);
        assertThat(second.changes().obsolete()).hasSizeLessThanOrEqualTo(4);
        store.apply(second.changes());
        assertThat(Trie.open(TrieLayout.V1, store, second.root()).get(k)).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
    }

    @Test
    void checkpointResetForgetsLaterChanges() {
        Trie t = sample();
        byte[] before = t.rootHash();
        Trie.Checkpoint mark = t.checkpoint();
        t.put(b("zeta"), b("Z"));
        t.remove(b("alfa"));
        assertThat(t.rootHash()).isNotEqualTo(before);
        t.reset(mark);
        assertThat(t.rootHash()).isEqualTo(before);
        assertThat(t.get(b("alfa"))).isPresent();
    }

    @Test
    void readingANodeTheStoreLacksNamesTheNode() {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie t = sample();
        byte[] root = t.commit().root();
        assertThatThrownBy(() -> Trie.open(TrieLayout.V1, store, root).get(b("alfa")))
                .isInstanceOf(MissingNodeException.class)
                .hasMessageContaining(Hex.encode(root));
    }

    @Test
    void hashedValueIsStoredAsItsOwnNodeInV1() {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie t = Trie.empty(TrieLayout.V1, store);
        byte[] big = new byte[100];
        big[0] = 9;
        t.put(b("big"), big);
        TrieCommit c = t.commit();
        assertThat(c.changes().inserted()).anySatisfy(e -> assertThat(e.encoded()).isEqualTo(big));
        store.apply(c.changes());
        assertThat(Trie.open(TrieLayout.V1, store, c.root()).get(b("big"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(big));
        Trie again = Trie.open(TrieLayout.V1, store, c.root());
        again.remove(b("big"));
        TrieCommit removed = again.commit();
        assertThat(removed.changes().obsolete()).hasSize(2);
        store.apply(removed.changes());
        assertThat(store.size()).isZero();
    }
}
