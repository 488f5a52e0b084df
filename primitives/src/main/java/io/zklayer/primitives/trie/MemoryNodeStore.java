package io.zklayer.primitives.trie;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory, reference-counted {@link NodeStore} for tests, proofs and genesis building.
 *
 * <p>{@link #apply(TrieChangeSet)} adds one reference per inserted entry and removes one per
 * obsolete entry, dropping a node when its count reaches zero: applying every commit's change set
 * at once (no pruning window) leaves exactly the nodes of the latest state.
 */
public final class MemoryNodeStore implements NodeStore {
    private final Map<ByteBuffer, byte[]> nodes = new HashMap<>();
    private final Map<ByteBuffer, Long> refs = new HashMap<>();

    @Override
    public byte[] get(byte[] hash) {
        return nodes.get(ByteBuffer.wrap(hash));
    }

    /** Adds one reference to {@code encoded} under {@code hash}. */
    public void insert(byte[] hash, byte[] encoded) {
        ByteBuffer k = ByteBuffer.wrap(hash.clone());
        nodes.putIfAbsent(k, encoded);
        refs.merge(k, 1L, Long::sum);
    }

    /** Removes one reference to {@code hash}; the node goes when none is left. */
    public void release(byte[] hash) {
        ByteBuffer k = ByteBuffer.wrap(hash);
        Long n = refs.get(k);
        if (n == null) {
            throw new IllegalStateException("node store: release of an absent node");
        }
        if (n == 1L) {
            refs.remove(k);
            nodes.remove(k);
        } else {
            refs.put(k, n - 1);
        }
    }

    /** Applies a commit's insertions and then its obsolete entries. */
    public void apply(TrieChangeSet changes) {
        for (TrieChangeSet.NodeEntry e : changes.inserted()) {
            insert(e.hash(), e.encoded());
        }
        for (byte[] h : changes.obsolete()) {
            release(h);
        }
    }

    /** Applies only the insertions (an archive: old states stay readable). */
    public void applyInsertions(TrieChangeSet changes) {
        for (TrieChangeSet.NodeEntry e : changes.inserted()) {
            insert(e.hash(), e.encoded());
        }
    }

    /** Returns how many references to {@code hash} are held (0 when absent). */
    public long referenceCount(byte[] hash) {
        return refs.getOrDefault(ByteBuffer.wrap(hash), 0L);
    }

    /** Returns how many distinct nodes are held. */
    public int size() {
        return nodes.size();
    }
}
