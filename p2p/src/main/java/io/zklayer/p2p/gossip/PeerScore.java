package io.zklayer.p2p.gossip;

import io.zklayer.p2p.peer.PeerId;
import java.util.HashMap;
import java.util.Map;

/**
 * A subset of gossipsub v1.1 peer scoring in integers: P4 (invalid messages: bad signature, failed
 * decoding, rejected by a validator) weighted {@code -10} per squared count, and P7 (behaviour
 * penalty: GRAFT during back-off, malformed or oversized RPCs, broken IWANT promises) weighted
 * {@code -10} per squared count. Both counters decay by 1% per heartbeat and outlive a
 * disconnect, so reconnecting does not launder them.
 *
 * <p>Thresholds: below {@link #GOSSIP_THRESHOLD} no gossip is exchanged with the peer, below
 * {@link #PUBLISH_THRESHOLD} own messages are not flood-published to it, below
 * {@link #GRAYLIST_THRESHOLD} its RPCs are ignored. So one bad signature silences gossip with the
 * peer for a while; three put it on the graylist.
 */
public final class PeerScore {
    /** No IHAVE/IWANT with peers below this. */
    public static final long GOSSIP_THRESHOLD = -10;
    /** No flood-publishing to peers below this. */
    public static final long PUBLISH_THRESHOLD = -50;
    /** RPCs from peers below this are dropped. */
    public static final long GRAYLIST_THRESHOLD = -80;
    private static final long WEIGHT = 10;
    /** Counters are kept in hundredths so that decay stays integral. */
    private static final long UNIT = 100;

    private final Map<PeerId, long[]> counters = new HashMap<>();

    /** Records an invalid message from the peer. */
    public void invalidMessage(PeerId peer) {
        counters.computeIfAbsent(peer, k -> new long[2])[0] += UNIT;
    }

    /** Records misbehaviour by the peer. */
    public void behaviourPenalty(PeerId peer) {
        counters.computeIfAbsent(peer, k -> new long[2])[1] += UNIT;
    }

    /** Returns the peer's score (0 when nothing is held against it). */
    public long score(PeerId peer) {
        long[] c = counters.get(peer);
        if (c == null) {
            return 0;
        }
        return -WEIGHT * (c[0] * c[0] + c[1] * c[1]) / (UNIT * UNIT);
    }

    /** Decays all counters by 1% (heartbeat), forgetting those that reach zero. */
    public void decay() {
        counters.values().forEach(c -> {
            c[0] = c[0] * 99 / 100;
            c[1] = c[1] * 99 / 100;
        });
        counters.values().removeIf(c -> c[0] == 0 && c[1] == 0);
    }

    /** Forgets a peer. */
    public void remove(PeerId peer) {
        counters.remove(peer);
    }
}
