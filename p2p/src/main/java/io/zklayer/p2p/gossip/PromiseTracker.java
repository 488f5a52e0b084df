package io.zklayer.p2p.gossip;

import io.zklayer.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IWANT promises (gossipsub v1.1): after a peer's IHAVE made us ask for a message, that peer owes
 * it by a deadline. Any copy of the message, from anyone, settles every promise for it; a missed
 * deadline is a broken promise. Router thread only.
 */
final class PromiseTracker {
    private final Map<MessageId, Map<PeerId, Long>> deadlines = new LinkedHashMap<>();

    /** Records that {@code peer} owes {@code id} by {@code deadline} (an earlier promise stands). */
    void promise(MessageId id, PeerId peer, long deadline) {
        deadlines.computeIfAbsent(id, k -> new LinkedHashMap<>()).putIfAbsent(peer, deadline);
    }

    /** Settles the promises for a message that arrived. */
    void delivered(MessageId id) {
        deadlines.remove(id);
    }

    /** Removes and returns the peers whose promises expired by {@code now}, one entry per broken promise. */
    List<PeerId> expire(long now) {
        List<PeerId> broken = new ArrayList<>();
        for (Iterator<Map<PeerId, Long>> it = deadlines.values().iterator(); it.hasNext(); ) {
            Map<PeerId, Long> byPeer = it.next();
            for (Iterator<Map.Entry<PeerId, Long>> e = byPeer.entrySet().iterator(); e.hasNext(); ) {
                Map.Entry<PeerId, Long> entry = e.next();
                if (entry.getValue() <= now) {
                    broken.add(entry.getKey());
                    e.remove();
                }
            }
            if (byPeer.isEmpty()) {
                it.remove();
            }
        }
        return broken;
    }
}
