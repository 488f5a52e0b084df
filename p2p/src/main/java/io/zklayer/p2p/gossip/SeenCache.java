package io.zklayer.p2p.gossip;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Message ids seen recently, each forgotten {@code ttl} after first sight (insertion order = expiry order). */
public final class SeenCache {
    private final long ttlMillis;
    private final LinkedHashMap<MessageId, Long> expiry = new LinkedHashMap<>();

    /** Creates the cache. */
    public SeenCache(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    /** Records an id at time {@code now}; returns false if it was already seen. */
    public boolean add(MessageId id, long now) {
        if (expiry.containsKey(id)) {
            return false;
        }
        expiry.put(id, now + ttlMillis);
        return true;
    }

    /** Returns whether the id is remembered. */
    public boolean contains(MessageId id) {
        return expiry.containsKey(id);
    }

    /** Forgets ids whose time has passed. */
    public void prune(long now) {
        Iterator<Map.Entry<MessageId, Long>> it = expiry.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > now) {
                break;
            }
            it.remove();
        }
    }

    /** Returns the number of remembered ids. */
    public int size() {
        return expiry.size();
    }
}
