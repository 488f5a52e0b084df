package io.zklayer.primitives.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Read proofs verify for present and absent keys, and fail once any node of the proof is altered. */
class ReadProofsPropertiesTest {
    @Provide
    Arbitrary<Map<byte[], byte[]>> states() {
        Arbitrary<byte[]> keys = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(6);
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(70);
        return Arbitraries.maps(keys, values).ofMinSize(1).ofMaxSize(80)
                .map(m -> {
                    Map<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
                    sorted.putAll(m);
                    return sorted;
                });
    }

    @Provide
    Arbitrary<TrieLayout> layouts() {
        return Arbitraries.of(TrieLayout.values());
    }

    @Property(tries = 200, seed = "424242")
    void proofsVerifyPresentAndAbsentKeysAndFailWhenTampered(
            @ForAll("states") Map<byte[], byte[]> state, @ForAll("layouts") TrieLayout layout,
            @ForAll byte[] absentKey, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
        MemoryNodeStore store = new MemoryNodeStore();
        Trie trie = Trie.empty(layout, store);
        state.forEach(trie::put);
        TrieCommit commit = trie.commit();
        store.apply(commit.changes());
        byte[] root = commit.root();

        byte[] presentKey = state.keySet().stream().skip(pick % state.size()).findFirst().orElseThrow();
        StorageProof proof = ReadProofs.generate(store, root, List.of(presentKey, absentKey));
        StorageProof decoded = StorageProof.decode(proof.encode());

        assertThat(ReadProofs.verify(root, decoded, presentKey)).isInstanceOfSatisfying(ProofResult.Present.class,
                p -> assertThat(p.value()).isEqualTo(state.get(presentKey)));
        if (!state.containsKey(absentKey)) {
            assertThat(ReadProofs.verify(root, decoded, absentKey)).isInstanceOf(ProofResult.Absent.class);
        }

        StorageProof single = ReadProofs.generate(store, root, List.of(presentKey));
        List<byte[]> nodes = single.nodes();
        Random r = new Random(pick);
        int victim = r.nextInt(nodes.size());
        byte[] bad = nodes.get(victim).clone();
        bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
        nodes.set(victim, bad);
        assertThat(ReadProofs.verify(root, new StorageProof(nodes), presentKey)).isInstanceOf(ProofResult.Invalid.class);
    }
}
