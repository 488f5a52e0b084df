package io.zklayer.p2p.gossip;

import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The router's view of one peer: the topics it announced, the outbound stream RPCs go on (RPCs
 * wait in a bounded queue while it opens) and its per-heartbeat IHAVE counters. Router thread only.
 */
final class GossipPeer {
    final PeerId id;
    final Set<String> topics = new LinkedHashSet<>();
    final List<byte[]> queued = new ArrayList<>();
    Stream out;
    boolean opening;
    int reopens;
    int ihaveCount;
    int asked;

    GossipPeer(PeerId id) {
        this.id = id;
    }
}
