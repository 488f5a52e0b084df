package io.zklayer.runtime.storage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A state held in a sorted map: genesis building and tests of the runtime. */
public final class MemoryStateBackend implements StateBackend {
    private final NavigableMap<StorageBytes, byte[]> entries = new TreeMap<>();

    /** Creates an empty state. */
    public MemoryStateBackend() {}

    /** Creates a state holding {@code entries}. */
    public MemoryStateBackend(Map<StorageBytes, byte[]> entries) {
        entries.forEach((k, v) -> this.entries.put(k, v.clone()));
    }

    /** Applies a change set (null values delete). */
    public void apply(Map<StorageBytes, byte[]> changes) {
        changes.forEach((k, v) -> {
            if (v == null) {
                entries.remove(k);
            } else {
                entries.put(k, v.clone());
            }
        });
    }

    /** Returns a copy of every entry in key order. */
    public NavigableMap<StorageBytes, byte[]> entries() {
        TreeMap<StorageBytes, byte[]> out = new TreeMap<>();
        entries.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public byte[] get(byte[] key) {
        byte[] v = entries.get(StorageBytes.of(key));
        return v == null ? null : v.clone();
    }

    @Override
    public byte[] nextKey(byte[] key) {
        StorageBytes k = entries.higherKey(StorageBytes.of(key));
        return k == null ? null : k.bytes();
    }
}
