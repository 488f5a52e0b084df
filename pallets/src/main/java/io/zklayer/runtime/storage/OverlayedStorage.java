package io.zklayer.runtime.storage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runtime's read-write view of the state during one block: changes are held in layers over a
 * read-only {@link StateBackend}. {@link #startTransaction()} opens a layer that
 * {@link #rollbackTransaction()} drops whole (a failed call leaves nothing behind) or
 * {@link #commitTransaction()} folds into the one below. {@link #changes()} gives the block's net
 * changes for computing the new state root.
 */
public final class OverlayedStorage {
    /** A layer maps keys to a value or to empty (deleted). */
    private final Deque<NavigableMap<StorageBytes, Optional<byte[]>>> layers = new ArrayDeque<>();
    private final StateBackend backend;

    /** Creates an overlay with one committed layer over {@code backend}. */
    public OverlayedStorage(StateBackend backend) {
        this.backend = backend;
        layers.push(new TreeMap<>());
    }

    /** Returns the value at {@code key} as the overlay sees it, or null when absent. */
    public byte[] get(byte[] key) {
        StorageBytes k = StorageBytes.of(key);
        for (NavigableMap<StorageBytes, Optional<byte[]>> layer : layers) {
            Optional<byte[]> v = layer.get(k);
            if (v != null) {
                return v.map(byte[]::clone).orElse(null);
            }
        }
        return backend.get(key);
    }

    /** Returns whether a value exists at {@code key}. */
    public boolean exists(byte[] key) {
        return get(key) != null;
    }

    /** Sets {@code key} to {@code value}. */
    public void put(byte[] key, byte[] value) {
        layers.peek().put(StorageBytes.of(key), Optional.of(value.clone()));
    }

    /** Removes {@code key}. */
    public void delete(byte[] key) {
        layers.peek().put(StorageBytes.of(key), Optional.empty());
    }

    /** Returns the smallest existing key strictly greater than {@code key}, or null. */
    public byte[] nextKey(byte[] key) {
        StorageBytes cursor = StorageBytes.of(key);
        while (true) {
            byte[] fromBackend = backend.nextKey(cursor.bytes());
            StorageBytes candidate = fromBackend == null ? null : StorageBytes.of(fromBackend);
            for (NavigableMap<StorageBytes, Optional<byte[]>> layer : layers) {
                StorageBytes k = layer.higherKey(cursor);
                if (k != null && (candidate == null || k.compareTo(candidate) < 0)) {
                    candidate = k;
                }
            }
            if (candidate == null) {
                return null;
            }
            if (get(candidate.bytes()) != null) {
                return candidate.bytes();
            }
            cursor = candidate; // deleted in the overlay: keep looking
        }
    }

    /** Removes every key starting with {@code prefix}; returns how many were removed. */
    public int clearPrefix(byte[] prefix) {
        int removed = 0;
        byte[] k = exists(prefix) ? prefix : nextKey(prefix);
        while (k != null && StorageBytes.of(k).startsWith(prefix)) {
            byte[] next = nextKey(k);
            delete(k);
            removed++;
            k = next;
        }
        return removed;
    }

    /** Opens a nested transaction layer. */
    public void startTransaction() {
        layers.push(new TreeMap<>());
    }

    /** Folds the innermost transaction into the layer below. */
    public void commitTransaction() {
        requireOpenTransaction();
        NavigableMap<StorageBytes, Optional<byte[]>> top = layers.pop();
        layers.peek().putAll(top);
    }

    /** Drops the innermost transaction and every change made in it. */
    public void rollbackTransaction() {
        requireOpenTransaction();
        layers.pop();
    }

    /** Returns how many transactions are open. */
    public int transactionDepth() {
        return layers.size() - 1;
    }

    /**
     * Returns the net changes against the backend, in key order: a value, or null for a deletion.
     * Only with no transaction open.
     */
    public NavigableMap<StorageBytes, byte[]> changes() {
        if (transactionDepth() != 0) {
            throw new IllegalStateException("changes() with " + transactionDepth() + " transactions still open");
        }
        NavigableMap<StorageBytes, byte[]> out = new TreeMap<>();
        for (Map.Entry<StorageBytes, Optional<byte[]>> e : layers.peek().entrySet()) {
            out.put(e.getKey(), e.getValue().map(byte[]::clone).orElse(null));
        }
        return out;
    }

    private void requireOpenTransaction() {
        if (layers.size() < 2) {
            throw new IllegalStateException("no storage transaction is open");
        }
    }

    /** Returns an iterator over the keys with {@code prefix}, in order, as the overlay sees them. */
    public Iterator<byte[]> keysWithPrefix(byte[] prefix) {
        return new Iterator<>() {
            private byte[] next = first();

            private byte[] first() {
                byte[] k = exists(prefix) ? prefix : nextKey(prefix);
                return k != null && StorageBytes.of(k).startsWith(prefix) ? k : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public byte[] next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                byte[] out = next;
                byte[] k = nextKey(out);
                next = k != null && StorageBytes.of(k).startsWith(prefix) ? k : null;
                return out;
            }
        };
    }
}
