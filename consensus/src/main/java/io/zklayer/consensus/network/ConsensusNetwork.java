package io.zklayer.consensus.network;

import io.zklayer.consensus.finality.FinalityMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The network as consensus sees it (ARCHITECTURE §5, "consensus sees the network through a small
 * interface"): gossip finality messages to everyone, send one to a single peer, receive them, ask a
 * peer for blocks or justifications, and report peers that misbehave. The node implements it over
 * libp2p ({@code io.zklayer.node.network}); consensus tests use an in-memory network with
 * deterministic delivery.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Messages cross the wire as {@link FinalityMessage#encode} bytes; incoming bytes are decoded
 *       with {@link FinalityMessage#decode} (bounded at {@link FinalityMessage#MAX_ENCODED_BYTES})
 *       and a peer whose bytes do not decode is reported {@link PeerReport#MALFORMED_MESSAGE}
 *       instead of being passed on.</li>
 *   <li>{@link #broadcast} and {@link #send} never call the {@link Inbound} handler on the calling
 *       thread (no synchronous loop-back), and never block on the network.</li>
 *   <li>The handler may be called from any network thread; the finality gadget moves the work onto
 *       its own event loop.</li>
 *   <li>A node does not receive its own broadcasts.</li>
 * </ul>
 */
public interface ConsensusNetwork {
    /** Receives finality messages from peers. */
    @FunctionalInterface
    interface Inbound {
        /** Called for each decoded message from {@code from}. */
        void onFinalityMessage(PeerRef from, FinalityMessage message);
    }

    /** Gossips {@code message} (a vote or a commit) to every connected peer, which relay it on. */
    void broadcast(FinalityMessage message);

    /** Sends {@code message} (a catch-up request or answer) to {@code peer} alone. */
    void send(PeerRef peer, FinalityMessage message);

    /** Installs the receiver of incoming finality messages (one; a second call replaces the first). */
    void setInbound(Inbound inbound);

    /**
     * Asks {@code peer} for blocks. The future completes with the peer's answer (possibly fewer
     * blocks than asked, or none), or exceptionally when the peer disconnects, times out or answers
     * with something that does not decode.
     */
    CompletableFuture<List<BlockData>> requestBlocks(PeerRef peer, BlockRequest request);

    /** Adjusts {@code peer}'s reputation for what it sent. */
    void report(PeerRef peer, PeerReport report);

    /** Returns the peers connected now. */
    List<PeerRef> peers();
}
