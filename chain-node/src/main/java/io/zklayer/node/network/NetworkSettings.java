package io.zklayer.node.network;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.HostKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a node takes part in the network: its libp2p identity, where it listens, whom it dials, its
 * role and the peer limits.
 *
 * @param nodeKey the libp2p identity (its peer id is what other nodes put in {@code /p2p/…})
 * @param listenAddresses TCP multiaddrs to bind, e.g. {@code /ip4/0.0.0.0/tcp/30333}
 * @param bootnodes peers dialled at start and re-dialled while disconnected (with back-off)
 * @param reservedNodes peers always kept connected, like bootnodes; never evicted
 * @param authority whether this node is a validator (announced in the status handshake)
 * @param maxPeers the most connections the host admits
 * @param banDuration how long a peer whose reputation fell to the ban threshold stays disconnected
 */
public record NetworkSettings(HostKey nodeKey, List<Multiaddr> listenAddresses, List<Multiaddr> bootnodes,
                              List<Multiaddr> reservedNodes, boolean authority, int maxPeers, Duration banDuration) {
    /** Substrate's default libp2p port. */
    public static final int DEFAULT_PORT = 30333;
    /** The default peer limit. */
    public static final int DEFAULT_MAX_PEERS = 50;
    /** The default ban. */
    public static final Duration DEFAULT_BAN = Duration.ofMinutes(5);

    /** Checks and copies. */
    public NetworkSettings {
        Objects.requireNonNull(nodeKey, "nodeKey");
        listenAddresses = List.copyOf(listenAddresses);
        bootnodes = List.copyOf(bootnodes);
        reservedNodes = List.copyOf(reservedNodes);
        Objects.requireNonNull(banDuration, "banDuration");
        if (listenAddresses.isEmpty()) {
            throw new IllegalArgumentException("network: at least one listen address is needed");
        }
        for (Multiaddr m : bootnodes) {
            requirePeerId("bootnode", m);
        }
        for (Multiaddr m : reservedNodes) {
            requirePeerId("reserved node", m);
        }
        if (maxPeers < 1) {
            throw new IllegalArgumentException("network: maxPeers must be at least 1, got " + maxPeers);
        }
    }

    /** Returns settings listening on 127.0.0.1 on a free port, no bootnodes: for tests. */
    public static NetworkSettings loopback(HostKey key, boolean authority) {
        return new NetworkSettings(key, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")), List.of(), List.of(),
                authority, DEFAULT_MAX_PEERS, DEFAULT_BAN);
    }

    /** Returns a copy with these bootnodes. */
    public NetworkSettings withBootnodes(List<Multiaddr> nodes) {
        return new NetworkSettings(nodeKey, listenAddresses, nodes, reservedNodes, authority, maxPeers, banDuration);
    }

    /** Returns a copy with this ban duration. */
    public NetworkSettings withBanDuration(Duration ban) {
        return new NetworkSettings(nodeKey, listenAddresses, bootnodes, reservedNodes, authority, maxPeers, ban);
    }

    private static void requirePeerId(String what, Multiaddr m) {
        if (m.peerId().isEmpty()) {
            throw new IllegalArgumentException("network: " + what + " " + m + " must end in /p2p/<peer id>");
        }
    }
}
