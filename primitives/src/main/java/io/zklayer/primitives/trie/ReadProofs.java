package io.zklayer.primitives.trie;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleDecodeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds and checks read proofs of the state trie.
 *
 * <p>A proof for some keys is every stored node read while looking them up from the root: the
 * hashed nodes on each key's path (the root included) and, in V1, the hashed values reached.
 * Inline nodes travel inside their parents. Checking walks the same paths using only the proof's
 * nodes, each found by its own blake2b-256, so a changed node no longer matches the hash its
 * parent names and the walk fails.
 */
public final class ReadProofs {
    private ReadProofs() {}

    /**
     * Returns the proof of {@code keys} (present or absent) in the state {@code root} read from
     * {@code store}.
     *
     * @throws MissingNodeException when the store lacks a node of that state
     */
    public static StorageProof generate(NodeStore store, byte[] root, List<byte[]> keys) {
        Map<ByteBuffer, byte[]> recorded = new LinkedHashMap<>();
        NodeStore recording = hash -> {
            byte[] n = store.get(hash);
            if (n != null) {
                recorded.put(ByteBuffer.wrap(hash.clone()), n);
            }
            return n;
        };
        Trie trie = Trie.open(TrieLayout.V1, recording, root);
        for (byte[] key : keys) {
            trie.get(key);
        }
        return new StorageProof(new ArrayList<>(recorded.values()));
    }

    /** Returns what {@code proof} shows about {@code key} in the state {@code root}. */
    public static ProofResult verify(byte[] root, StorageProof proof, byte[] key) {
        try {
            Optional<byte[]> v = Trie.open(TrieLayout.V1, proof.asNodeStore(), root).get(key);
            return v.<ProofResult>map(ProofResult.Present::new).orElseGet(ProofResult.Absent::new);
        } catch (MissingNodeException e) {
            return new ProofResult.Invalid("proof lacks the node " + Hex.encode(e.hash()) + " on the path of key " + Hex.encode(key));
        } catch (ScaleDecodeException e) {
            return new ProofResult.Invalid("proof node on the path of key " + Hex.encode(key) + " does not decode: " + e.getMessage());
        }
    }
}
