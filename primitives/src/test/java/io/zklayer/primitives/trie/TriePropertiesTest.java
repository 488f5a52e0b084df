package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.Hex;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of inserts and deletes (keys from a small alphabet, so that prefixes, shared
 * paths and branch values are common; values of 0–40 bytes, so that V1 hashes some) give the same
 * root, the same stored nodes and the same reference counts as building the final key set from
 * scratch.
 */
class TriePropertiesTest {
    /** One step: a put ({@code value != null}) or a delete, and whether to commit after it. */
    record Op(byte[] key, byte[] value, boolean commitAfter) {
        @Override
        public String toString() {
            return (value == null ? "del " : "put ") + Hex.encode(key) + (value == null ? "" : "=" + Hex.encode(value)) + (commitAfter ? " ;" : "");
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<byte[]> key = Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0xff, (byte) 0x3a)
                .list().ofMinSize(0).ofMaxSize(4)
                .map(l -> {
                    byte[] k = new byte[l.size()];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = l.get(i);
                    }
                    return k;
                });
        Arbitrary<byte[]> value = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40),
                Arbitraries.of(new byte[] {7}, new byte[40]))
                .injectNull(0.3);
        return Combinators.combine(key, value, Arbitraries.of(true, false, false, false)).as(Op::new)
                .list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300, seed = "20261121")
    void randomChangesGiveTheRootOfTheFinalKeySetInV0(@ForAll("ops") List<Op> ops) {
        checkAgainstRebuild(TrieLayout.V0, ops);
    }

    @Property(tries = 300, seed = "20261122")
    void randomChangesGiveTheRootOfTheFinalKeySetInV1(@ForAll("ops") List<Op> ops) {
        checkAgainstRebuild(TrieLayout.V1, ops);
    }

    private static void checkAgainstRebuild(TrieLayout layout, List<Op> ops) {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie trie = Trie.empty(layout, store);
        TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
        for (Op op : ops) {
            if (op.value() == null) {
                trie.remove(op.key());
                model.remove(op.key());
            } else {
                trie.put(op.key(), op.value());
                model.put(op.key(), op.value());
            }
            if (op.commitAfter()) {
                TrieCommit c = trie.commit();
                store.apply(c.changes());
                // Reopen from the store half the time: the next changes then start from loaded nodes.
                if ((c.root()[0] & 1) == 0) {
                    trie = Trie.open(layout, store, c.root());
                }
            }
        }
        TrieCommit last = trie.commit();
        store.apply(last.changes());

        MemoryNodeStore fresh = new MemoryNodeStore();
        Trie rebuilt = Trie.empty(layout, fresh);
        model.forEach(rebuilt::put);
        TrieCommit built = rebuilt.commit();
        fresh.apply(built.changes());

        assertThat(Hex.encode(last.root())).isEqualTo(Hex.encode(built.root()));
        Map<ByteBuffer, Long> expectedRefs = new HashMap<>();
        built.changes().inserted().forEach(e -> expectedRefs.merge(ByteBuffer.wrap(e.hash()), 1L, Long::sum));
        assertThat(store.size()).as("distinct stored nodes").isEqualTo(expectedRefs.size());
        expectedRefs.forEach((h, n) -> assertThat(store.referenceCount(h.array())).as("references of " + Hex.encode(h.array())).isEqualTo(n));

        List<String> iterated = new ArrayList<>();
        Trie.open(layout, store, last.root()).iterator(new byte[0])
                .forEachRemaining(e -> iterated.add(Hex.encode(e.key()) + "=" + Hex.encode(e.value())));
        List<String> expected = new ArrayList<>();
        model.forEach((k, v) -> expected.add(Hex.encode(k) + "=" + Hex.encode(v)));
        assertThat(iterated).containsExactlyElementsOf(expected);
    }
}
