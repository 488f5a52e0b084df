package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The runtime's view of state: overlay reads, nested transactions, roots and commits. */
class TrieStateTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static TrieCommit genesis(MemoryNodeStore store) {
        Trie t = Trie.empty(TrieLayout.V1, store);
        for (String k : new String[] {"a1", "a2", "b1", "c1"}) {
            t.put(b(k), b("v" + k));
        }
        TrieCommit c = t.commit();
        store.apply(c.changes());
        return c;
    }

    @Test
    void rolledBackTransactionLeavesNoChange() {
        MemoryNodeStore store = new MemoryNodeStore();
        byte[] root = genesis(store).root();
        TrieState s = TrieState.at(TrieLayout.V1, store, root);
        s.put(b("x"), b("1"));
        s.startTransaction();
        s.put(b("a1"), b("changed"));
        s.remove(b("b1"));
        s.startTransaction();
        s.put(b("y"), b("2"));
        s.commitTransaction();
        assertThat(s.get(b("y"))).isPresent();
        assertThat(s.get(b("b1"))).isEmpty();
        s.rollbackTransaction();
        assertThat(s.transactionDepth()).isZero();
        assertThat(s.get(b("a1"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(b("va1")));
        assertThat(s.get(b("b1"))).isPresent();
        assertThat(s.get(b("y"))).isEmpty();
        assertThat(s.get(b("x"))).isPresent();
    }

    @Test
    void storageRootEqualsCommittedRootAndChangesNothing() {
        MemoryNodeStore store = new MemoryNodeStore();
        byte[] root = genesis(store).root();
        TrieState s = TrieState.at(TrieLayout.V1, store, root);
        s.put(b("a3"), new byte[50]);
        s.remove(b("c1"));
        byte[] previewed = s.storageRoot();
        assertThat(s.storageRoot()).isEqualTo(previewed);
        TrieCommit c = s.commit();
        assertThat(c.root()).isEqualTo(previewed);
        store.apply(c.changes());
        Trie expected = Trie.empty(TrieLayout.V1, new MemoryNodeStore());
        for (String k : new String[] {"a1", "a2", "b1"}) {
            expected.put(b(k), b("v" + k));
        }
        expected.put(b("a3"), new byte[50]);
        assertThat(c.root()).isEqualTo(expected.rootHash());
        assertThat(TrieState.at(TrieLayout.V1, store, c.root()).get(b("a3"))).isPresent();
    }

    @Test
    void nextKeyAndClearPrefixSeeOverlayAndTrie() {
        MemoryNodeStore store = new MemoryNodeStore();
        TrieState s = TrieState.at(TrieLayout.V1, store, genesis(store).root());
        s.put(b("a15"), b("new"));
        s.remove(b("a2"));
        assertThat(s.nextKey(b("a1"))).hasValueSatisfying(k -> assertThat(k).isEqualTo(b("a15")));
        assertThat(s.nextKey(b("a15"))).hasValueSatisfying(k -> assertThat(k).isEqualTo(b("b1")));
        List<String> keys = new ArrayList<>();
        s.iterator(b("a")).forEachRemaining(e -> keys.add(new String(e.key(), StandardCharsets.US_ASCII)));
        assertThat(keys).containsExactly("a1", "a15");
        assertThat(s.clearPrefix(b("a"))).isEqualTo(2);
        assertThat(s.nextKey(new byte[0])).hasValueSatisfying(k -> assertThat(k).isEqualTo(b("b1")));
    }

    @Test
    void commitInsideATransactionIsRefused() {
        TrieState s = new TrieState(Trie.empty(TrieLayout.V0, new MemoryNodeStore()));
        s.startTransaction();
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("open transaction");
        s.rollbackTransaction();
        assertThatThrownBy(s::rollbackTransaction).isInstanceOf(IllegalStateException.class).hasMessageContaining("no open transaction");
    }

    @Property(tries = 100, seed = "77")
    void randomTransactionsMatchAModelOfNestedMaps(@ForAll long seed) {
        Random r = new Random(seed);
        MemoryNodeStore store = new MemoryNodeStore();
        TrieState s = TrieState.at(TrieLayout.V1, store, genesis(store).root());
        Deque<TreeMap<byte[], byte[]>> model = new ArrayDeque<>();
        TreeMap<byte[], byte[]> base = new TreeMap<>(Arrays::compareUnsigned);
        for (String k : new String[] {"a1", "a2", "b1", "c1"}) {
            base.put(b(k), b("v" + k));
        }
        model.push(base);
        for (int i = 0; i < 80; i++) {
            int op = r.nextInt(10);
            byte[] key = new byte[] {(byte) "abc".charAt(r.nextInt(3)), (byte) ('0' + r.nextInt(4))};
            if (op < 4) {
                byte[] v = new byte[r.nextInt(45)];
                r.nextBytes(v);
                s.put(key, v);
                model.peek().put(key, v);
            } else if (op < 6) {
                s.remove(key);
                model.peek().remove(key);
            } else if (op == 6) {
                s.startTransaction();
                model.push(new TreeMap<>(model.peek()));
            } else if (op == 7 && model.size() > 1) {
                s.commitTransaction();
                TreeMap<byte[], byte[]> inner = model.pop();
                model.pop();
                model.push(inner);
            } else if (op == 8 && model.size() > 1) {
                s.rollbackTransaction();
                model.pop();
            }
            assertThat(s.get(key).orElse(null)).isEqualTo(model.peek().get(key));
        }
        while (model.size() > 1) {
            s.commitTransaction();
            TreeMap<byte[], byte[]> inner = model.pop();
            model.pop();
            model.push(inner);
        }
        Trie rebuilt = Trie.empty(TrieLayout.V1, new MemoryNodeStore());
        model.peek().forEach(rebuilt::put);
        assertThat(Hex.encode(s.commit().root())).isEqualTo(Hex.encode(rebuilt.rootHash()));
    }
}
