package io.zklayer.primitives.trie;

import io.zklayer.primitives.codec.ScaleReader;
import io.zklayer.primitives.codec.ScaleWriter;
import io.zklayer.primitives.hashing.Hashing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Substrate-style read proof: an unordered set of encoded trie nodes (and V1 hashed values),
 * enough to walk from a state root to the proved keys.
 *
 * <p>Duplicates are dropped and the nodes are kept sorted by bytes, so equal sets encode the same
 * way. The SCALE form is {@code Vec<Vec<u8>>}, as sp-trie's {@code StorageProof} and the RPC
 * {@code state_getReadProof} list: the proof of the single leaf {@code [aa → bb]} is
 * {@code 0x04 10 42aa04bb}.
 */
public final class StorageProof {
    private static final int MAX_NODES = 1 << 20;
    private final List<byte[]> nodes;

    /** Creates a proof from any collection of encoded nodes (order and duplicates do not matter). */
    public StorageProof(Collection<byte[]> nodes) {
        TreeMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[] n : nodes) {
            sorted.put(n, n.clone());
        }
        this.nodes = List.copyOf(sorted.values());
    }

    /** Returns the nodes, sorted by unsigned bytes, without duplicates. */
    public List<byte[]> nodes() {
        List<byte[]> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(n.clone()));
        return out;
    }

    /** Returns how many distinct nodes the proof holds. */
    public int size() {
        return nodes.size();
    }

    /** Returns the SCALE encoding {@code Vec<Vec<u8>>}. */
    public byte[] encode() {
        ScaleWriter w = new ScaleWriter();
        w.compact(nodes.size());
        nodes.forEach(w::bytes);
        return w.toByteArray();
    }

    /** Decodes the SCALE form; lengths are checked against the input before anything is allocated. */
    public static StorageProof decode(byte[] bytes) {
        ScaleReader r = new ScaleReader(bytes);
        int n = r.length("StorageProof", 1);
        if (n > MAX_NODES) {
            throw r.error("StorageProof", n + " nodes exceed the limit of " + MAX_NODES);
        }
        List<byte[]> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(r.bytes());
        }
        r.expectEnd("StorageProof");
        return new StorageProof(nodes);
    }

    /** Returns a node store that holds exactly the proof's nodes, each under its blake2b-256. */
    NodeStore asNodeStore() {
        Map<ByteBuffer, byte[]> byHash = new HashMap<>();
        for (byte[] n : nodes) {
            byHash.put(ByteBuffer.wrap(Hashing.blake2b256(n)), n);
        }
        return hash -> byHash.get(ByteBuffer.wrap(hash));
    }
}
