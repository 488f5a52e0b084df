package io.zklayer.p2p.gossip;

import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import io.zklayer.p2p.wire.WireFormatException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a peer's inbound gossipsub stream: varint length-prefixed RPCs, each bounded before it is
 * buffered and decoded on the event loop, then handed to the router. A malformed or oversized RPC
 * resets the stream and reports the peer for a penalty.
 */
final class RpcStreamReader implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RpcStreamReader.class);

    private final LengthPrefixedReader reader;
    private final GossipRpc.Limits limits;
    private final Consumer<GossipRpc> onRpc;
    private final Runnable onMalformed;

    RpcStreamReader(int maxRpcBytes, GossipRpc.Limits limits, Consumer<GossipRpc> onRpc, Runnable onMalformed) {
        this.reader = new LengthPrefixedReader(maxRpcBytes);
        this.limits = limits;
        this.onRpc = onRpc;
        this.onMalformed = onMalformed;
    }

    @Override
    public void onData(Stream stream, byte[] data) {
        try {
            for (byte[] frame : reader.feed(data)) {
                onRpc.accept(GossipRpc.decode(frame, limits));
            }
        } catch (WireFormatException e) {
            LOG.info("Resetting gossipsub stream from {}: {}", stream.remotePeer(), e.getMessage());
            stream.reset();
            onMalformed.run();
        }
    }

    @Override
    public void onRemoteClose(Stream stream) {
        stream.closeWrite();
    }
}
