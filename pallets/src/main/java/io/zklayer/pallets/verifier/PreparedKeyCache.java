package io.zklayer.pallets.verifier;

import io.zklayer.primitives.types.H256;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The prepared form of recently used verifying keys (e(α, β) and the Miller-loop lines of β, γ, δ),
 * by key id, least recently used first out. A key id is the hash of the key's bytes, so an entry never
 * goes stale: the same id means the same key on every fork and every node. Preparing a key costs a
 * pairing and three G2 line tables (milliseconds); verifying with a prepared key skips that.
 *
 * <p>Thread-safe: the pool validates transactions while blocks import. Preparation runs outside the
 * lock; two threads preparing the same key both succeed and one result is kept.
 */
public final class PreparedKeyCache {
    private final int capacity;
    private final LinkedHashMap<H256, PreparedVerifyingKey> entries;
    private long hits;
    private long misses;

    /** Creates a cache holding at most {@code capacity} prepared keys. */
    public PreparedKeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("prepared key cache capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<H256, PreparedVerifyingKey> eldest) {
                return size() > PreparedKeyCache.this.capacity;
            }
        };
    }

    /** Returns the prepared key for {@code keyId}, preparing it with {@code prepare} on a miss. */
    public PreparedVerifyingKey get(H256 keyId, Supplier<PreparedVerifyingKey> prepare) {
        synchronized (this) {
            PreparedVerifyingKey cached = entries.get(keyId);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        PreparedVerifyingKey prepared = prepare.get();
        synchronized (this) {
            PreparedVerifyingKey raced = entries.putIfAbsent(keyId, prepared);
            return raced != null ? raced : prepared;
        }
    }

    /** Returns whether {@code keyId} is cached (without touching its recency). */
    public synchronized boolean contains(H256 keyId) {
        return entries.containsKey(keyId);
    }

    /** Returns the number of cached keys. */
    public synchronized int size() {
        return entries.size();
    }

    /** Returns the number of lookups answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Returns the number of lookups that had to prepare the key. */
    public synchronized long misses() {
        return misses;
    }
}
