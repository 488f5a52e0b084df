package io.zklayer.p2p.host;

import io.zklayer.p2p.multiaddr.Multiaddr;
import java.util.List;

/**
 * Connection manager settings.
 *
 * @param maxConnections most admitted connections; more are closed right after the upgrade
 * @param maxConnectionsPerPeer most connections to one peer
 * @param backoffBaseMillis first dial back-off after a failure; doubles per further failure
 * @param backoffMaxMillis cap on the back-off
 * @param bootnodes addresses (with /p2p) kept connected
 * @param maintenanceIntervalMillis how often bootnodes are re-dialled
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerPeer, long backoffBaseMillis,
        long backoffMaxMillis, List<Multiaddr> bootnodes, long maintenanceIntervalMillis) {
    /** The defaults: 64 connections, 2 per peer, back-off 1 s doubling to 5 min, no bootnodes. */
    public static ConnectionLimits defaults() {
        return new ConnectionLimits(64, 2, 1_000, 300_000, List.of(), 5_000);
    }

    /** Returns a copy with these bootnodes. */
    public ConnectionLimits withBootnodes(List<Multiaddr> nodes) {
        return new ConnectionLimits(maxConnections, maxConnectionsPerPeer, backoffBaseMillis, backoffMaxMillis,
                List.copyOf(nodes), maintenanceIntervalMillis);
    }

    /** Returns a copy with another connection cap. */
    public ConnectionLimits withMaxConnections(int max) {
        return new ConnectionLimits(max, maxConnectionsPerPeer, backoffBaseMillis, backoffMaxMillis, bootnodes,
                maintenanceIntervalMillis);
    }
}
