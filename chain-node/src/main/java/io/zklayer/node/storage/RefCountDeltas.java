package io.zklayer.node.storage;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.storage.KeyValueBatch;
import io.zklayer.primitives.storage.KeyValueStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference-count changes of trie nodes gathered for one batch, then written as their net effect:
 * a node goes into {@link Column#TRIE_NODES} when its count rises from zero and leaves it when its
 * count falls to zero. Counts are u64 little-endian in {@link Column#TRIE_REFS}.
 */
final class RefCountDeltas {
    private final TreeMap<byte[], Long> deltas = new TreeMap<>(Arrays::compareUnsigned);
    private final Map<ByteBuffer, byte[]> encodings = new HashMap<>();

    void insert(byte[] hash, byte[] encoded) {
        deltas.merge(hash, 1L, Long::sum);
        encodings.putIfAbsent(ByteBuffer.wrap(hash), encoded);
    }

    void release(byte[] hash) {
        deltas.merge(hash, -1L, Long::sum);
    }

    /** Adds the net changes to {@code batch}, reading the current counts from {@code kv}. */
    void writeTo(KeyValueStore kv, KeyValueBatch batch) {
        List<byte[]> changed = new ArrayList<>(deltas.size());
        deltas.forEach((hash, d) -> {
            if (d != 0) {
                changed.add(hash);
            }
        });
        List<byte[]> counts = kv.getAll(Column.TRIE_REFS, changed);
        for (int i = 0; i < changed.size(); i++) {
            byte[] hash = changed.get(i);
            long current = decode(counts.get(i));
            long next = current + deltas.get(hash);
            if (next < 0) {
                throw new IllegalStateException("storage: reference count of trie node " + Hex.encode(hash)
                        + " would fall to " + next + " (journal and counts disagree)");
            }
            if (next == 0) {
                batch.delete(Column.TRIE_REFS, hash);
                batch.delete(Column.TRIE_NODES, hash);
                continue;
            }
            batch.put(Column.TRIE_REFS, hash, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(next).array());
            if (current == 0) {
                byte[] enc = encodings.get(ByteBuffer.wrap(hash));
                if (enc == null) {
                    throw new IllegalStateException("storage: trie node " + Hex.encode(hash) + " gains references but its bytes are unknown");
                }
                batch.put(Column.TRIE_NODES, hash, enc);
            }
        }
    }

    static long decode(byte[] count) {
        if (count == null) {
            return 0;
        }
        if (count.length != 8) {
            throw new StorageException("storage: reference count has " + count.length + " bytes, expected 8");
        }
        return ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
