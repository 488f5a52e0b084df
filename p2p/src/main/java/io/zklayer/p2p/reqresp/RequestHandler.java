package io.zklayer.p2p.reqresp;

import io.zklayer.p2p.peer.PeerId;
import java.util.concurrent.CompletableFuture;

/**
 * Answers requests of one protocol. Called on the connection's event loop, so long work must
 * complete the future from elsewhere; a failed future resets the stream (the requester sees
 * {@link RequestFailedException.Reason#NO_RESPONSE}).
 */
@FunctionalInterface
public interface RequestHandler {
    /** Returns the response to a request from {@code peer}. */
    CompletableFuture<byte[]> handle(PeerId peer, byte[] request);
}
