package io.zklayer.primitives.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The in-memory twin of the node's RocksDB store, for tests of other modules: same interface,
 * same ordering, batches applied atomically under a lock.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
    private final Map<Integer, TreeMap<byte[], byte[]>> columns = new HashMap<>();
    private boolean closed;

    @Override
    public synchronized byte[] get(StoreColumn column, byte[] key) {
        checkOpen();
        byte[] v = column(column).get(key);
        return v == null ? null : v.clone();
    }

    @Override
    public synchronized void write(KeyValueBatch batch) {
        checkOpen();
        for (KeyValueBatch.Op op : batch.ops()) {
            if (op.value() == null) {
                column(op.column()).remove(op.key());
            } else {
                column(op.column()).put(op.key(), op.value());
            }
        }
    }

    @Override
    public void scan(StoreColumn column, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        List<Map.Entry<byte[], byte[]>> matching = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            for (Map.Entry<byte[], byte[]> e : column(column).tailMap(prefix, true).entrySet()) {
                byte[] k = e.getKey();
                if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
                    break;
                }
                matching.add(Map.entry(k.clone(), e.getValue().clone()));
            }
        }
        for (Map.Entry<byte[], byte[]> e : matching) {
            if (!visitor.test(e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    /** Returns how many entries {@code column} holds. */
    public synchronized int count(StoreColumn column) {
        return column(column).size();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private TreeMap<byte[], byte[]> column(StoreColumn c) {
        return columns.computeIfAbsent(c.id(), id -> new TreeMap<>(Arrays::compareUnsigned));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("key-value store: used after close");
        }
    }
}
