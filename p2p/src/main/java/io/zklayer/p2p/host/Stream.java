package io.zklayer.p2p.host;

import io.zklayer.p2p.peer.PeerId;

/**
 * One multiplexed, bidirectional byte stream to a peer (a yamux stream), after its protocol has been
 * negotiated.
 *
 * <p>Methods may be called from any thread; the stream's events reach its {@link StreamHandler} on
 * the connection's event loop, in order. Writes beyond the peer's flow-control window are queued up
 * to a limit, past which the stream is reset.
 */
public interface Stream {
    /** Returns the remote peer. */
    PeerId remotePeer();

    /** Returns the negotiated protocol id, or null before negotiation finished. */
    String protocol();

    /** Returns whether this side opened the stream. */
    boolean isInitiator();

    /** Queues bytes to send. */
    void write(byte[] data);

    /** Half-closes: sends FIN after queued data; the remote may still write. */
    void closeWrite();

    /** Aborts the stream in both directions (RST). */
    void reset();

    /** Returns whether the stream was reset or fully closed. */
    boolean isClosed();
}
