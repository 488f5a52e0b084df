package io.zklayer.primitives.trie;

/**
 * Where a trie's nodes live, keyed by the blake2b-256 hash of their encoding. A value that layout
 * V1 stores by hash is a node here too, keyed by the hash of the value.
 *
 * <p>The node's storage reads the trie-node column of RocksDB through this interface; tests use
 * {@link MemoryNodeStore}; proof checking uses the nodes of a proof.
 */
@FunctionalInterface
public interface NodeStore {
    /** Returns the node (or hashed value) stored under {@code hash}, or null when there is none. */
    byte[] get(byte[] hash);
}
