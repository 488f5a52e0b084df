package io.zklayer.p2p.gossip;

import io.zklayer.p2p.peer.PeerId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prune back-offs per (topic, peer): until the time passes neither side may graft the other into
 * the topic's mesh; a GRAFT inside it is penalised. Router thread only.
 */
final class BackoffTable {
    private final Map<String, Map<PeerId, Long>> until = new LinkedHashMap<>();

    /** Extends the back-off of the peer on the topic to at least {@code time}. */
    void extend(String topic, PeerId peer, long time) {
        until.computeIfAbsent(topic, t -> new LinkedHashMap<>()).merge(peer, time, Math::max);
    }

    /** Returns whether the peer is backing off the topic at {@code now}. */
    boolean active(String topic, PeerId peer, long now) {
        Long t = until.getOrDefault(topic, Map.of()).get(peer);
        return t != null && t > now;
    }

    /** Forgets back-offs that ended by {@code now}. */
    void prune(long now) {
        for (Map<PeerId, Long> b : until.values()) {
            b.values().removeIf(t -> t <= now);
        }
        until.values().removeIf(Map::isEmpty);
    }
}
