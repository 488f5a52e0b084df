package io.zklayer.consensus.network;

import java.util.Objects;

/**
 * A peer as the network layer names it (for libp2p, the base58 peer id), opaque to consensus:
 * consensus only hands it back to the network to answer, ask or report that peer.
 *
 * @param id the network's identifier of the peer
 */
public record PeerRef(String id) {
    /** Checks that the id is present and not blank. */
    public PeerRef {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("peer id is blank");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
