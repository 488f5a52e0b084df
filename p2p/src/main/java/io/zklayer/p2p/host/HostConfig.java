package io.zklayer.p2p.host;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.yamux.YamuxLimits;
import java.util.List;

/**
 * What a host is: its identity, where it listens, its limits and timeouts.
 *
 * @param hostKey the Ed25519 identity
 * @param listenAddresses TCP multiaddrs to bind, e.g. {@code /ip4/127.0.0.1/tcp/0}
 * @param agentVersion the identify agent string
 * @param upgradeTimeoutMillis most time from TCP connect to a multiplexed connection
 * @param streamNegotiationTimeoutMillis most time for multistream-select on a stream
 * @param yamuxLimits per-connection stream limits
 * @param connectionLimits peer limits, back-off and bootnodes
 * @param ioThreads Netty event-loop threads
 */
public record HostConfig(HostKey hostKey, List<Multiaddr> listenAddresses, String agentVersion,
        long upgradeTimeoutMillis, long streamNegotiationTimeoutMillis, YamuxLimits yamuxLimits,
        ConnectionLimits connectionLimits, int ioThreads) {

    /** Returns a config listening on an ephemeral loopback port with the default limits. */
    public static HostConfig loopback(HostKey key) {
        return new HostConfig(key, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")), "zklayer/0.1.0", 10_000,
                10_000, YamuxLimits.defaults(), ConnectionLimits.defaults(), 1);
    }

    /** Returns a copy with other connection limits. */
    public HostConfig withConnectionLimits(ConnectionLimits limits) {
        return new HostConfig(hostKey, listenAddresses, agentVersion, upgradeTimeoutMillis,
                streamNegotiationTimeoutMillis, yamuxLimits, limits, ioThreads);
    }

    /** Returns a copy with other listen addresses. */
    public HostConfig withListenAddresses(List<Multiaddr> addresses) {
        return new HostConfig(hostKey, addresses, agentVersion, upgradeTimeoutMillis,
                streamNegotiationTimeoutMillis, yamuxLimits, connectionLimits, ioThreads);
    }

    /** Returns a copy with other yamux limits. */
    public HostConfig withYamuxLimits(YamuxLimits limits) {
        return new HostConfig(hostKey, listenAddresses, agentVersion, upgradeTimeoutMillis,
                streamNegotiationTimeoutMillis, limits, connectionLimits, ioThreads);
    }
}
