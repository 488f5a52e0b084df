package io.zklayer.p2p.gossip;

/**
 * Gossipsub parameters; {@link #defaults()} are the v1.1 spec's.
 *
 * @param d desired mesh degree (6)
 * @param dLo lower bound before grafting (4)
 * @param dHi upper bound before pruning (12)
 * @param dLazy minimum peers to gossip to (6)
 * @param gossipFactorPercent share of other topic peers to gossip to, in percent (25)
 * @param heartbeatMillis heartbeat interval (1 s)
 * @param fanoutTtlMillis fanout kept after the last publish (60 s)
 * @param mcacheLength history windows kept (5)
 * @param mcacheGossip windows announced in IHAVE (3)
 * @param seenTtlMillis how long message ids are remembered (2 min)
 * @param pruneBackoffMillis back-off after a prune (1 min)
 * @param floodPublish whether own messages go to every subscribed peer (v1.1 default)
 * @param maxRpcBytes largest RPC read from a peer (1 MiB)
 * @param maxIHaveLength most message ids asked for per peer per heartbeat (5000)
 * @param maxIHaveMessages most IHAVE messages heeded per peer per heartbeat (10)
 * @param iwantFollowupMillis time a peer has to deliver a message it announced and we asked for (3 s)
 */
public record GossipConfig(int d, int dLo, int dHi, int dLazy, int gossipFactorPercent, long heartbeatMillis,
        long fanoutTtlMillis, int mcacheLength, int mcacheGossip, long seenTtlMillis, long pruneBackoffMillis,
        boolean floodPublish, int maxRpcBytes, int maxIHaveLength, int maxIHaveMessages, long iwantFollowupMillis) {

    /** Returns the spec defaults. */
    public static GossipConfig defaults() {
        return new GossipConfig(6, 4, 12, 6, 25, 1_000, 60_000, 5, 3, 120_000, 60_000, true, 1 << 20, 5000, 10, 3_000);
    }

    /** Returns a copy with another heartbeat interval. */
    public GossipConfig withHeartbeatMillis(long millis) {
        return new GossipConfig(d, dLo, dHi, dLazy, gossipFactorPercent, millis, fanoutTtlMillis, mcacheLength,
                mcacheGossip, seenTtlMillis, pruneBackoffMillis, floodPublish, maxRpcBytes, maxIHaveLength,
                maxIHaveMessages, iwantFollowupMillis);
    }

    /** Returns a copy with flood publishing on or off. */
    public GossipConfig withFloodPublish(boolean flood) {
        return new GossipConfig(d, dLo, dHi, dLazy, gossipFactorPercent, heartbeatMillis, fanoutTtlMillis,
                mcacheLength, mcacheGossip, seenTtlMillis, pruneBackoffMillis, flood, maxRpcBytes, maxIHaveLength,
                maxIHaveMessages, iwantFollowupMillis);
    }

    /** Returns a copy with another IWANT follow-up time. */
    public GossipConfig withIWantFollowupMillis(long millis) {
        return new GossipConfig(d, dLo, dHi, dLazy, gossipFactorPercent, heartbeatMillis, fanoutTtlMillis,
                mcacheLength, mcacheGossip, seenTtlMillis, pruneBackoffMillis, floodPublish, maxRpcBytes,
                maxIHaveLength, maxIHaveMessages, millis);
    }
}
