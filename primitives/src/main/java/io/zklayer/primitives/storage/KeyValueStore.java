package io.zklayer.primitives.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A store of byte keys and values in named columns, written only by atomic batches.
 *
 * * <p>Implementations: RocksDB in the chain-node module and
 * {@link MemoryKeyValueStore} for tests. Keys within a column are ordered as unsigned bytes.
 */
public interface KeyValueStore extends AutoCloseable {
    /** Returns the value under {@code key} in {@code column}, or null when there is none. */
    byte[] get(StoreColumn column, byte[] key);

    /**
     * Returns the values under {@code keys} in {@code column}, in the same order, null where a key
     * has none. Stores that can read many keys at once (RocksDB's multi-get) override this.
     */
    default List<byte[]> getAll(StoreColumn column, List<byte[]> keys) {
        List<byte[]> out = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            out.add(get(column, k));
        }
        return out;
    }

    /** Applies every operation of {@code batch} or, if it fails, none of them. */
    void write(KeyValueBatch batch);

    /**
     * Visits the entries of {@code column} whose key starts with {@code prefix}, in ascending
     * unsigned key order, until {@code visitor} returns false.
     */
    void scan(StoreColumn column, byte[] prefix, BiPredicate<byte[], byte[]> visitor);

    /** Releases the store; further use is an error. */
    @Override
    void close();
}
