package io.zklayer.runtime.storage;

/**
 * A read-only chain state as the runtime sees it: the key-value pairs of the state trie at one
 * root. The node implements it over the RocksDB-backed trie; tests use {@link MemoryStateBackend}.
 */
public interface StateBackend {
    /** Returns the value at {@code key}, or null when absent. */
    byte[] get(byte[] key);

    /** Returns the smallest key strictly greater than {@code key} (unsigned byte order), or null. */
    byte[] nextKey(byte[] key);
}
