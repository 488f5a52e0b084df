package io.zklayer.p2p.identify;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.PeerId;
import java.util.List;
import java.util.Optional;

/**
 * What a peer said about itself in an identify message.
 *
 * @param peer the peer (its key matched the connection's authenticated id)
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 * @param agentVersion e.g. {@code js-libp2p/3.3.11}
 * @param protocols the protocol ids it serves
 * @param listenAddresses where it listens
 * @param observedAddress how it sees our address, if said
 */
public record IdentifyInfo(PeerId peer, String protocolVersion, String agentVersion, List<String> protocols,
        List<Multiaddr> listenAddresses, Optional<Multiaddr> observedAddress) {}
