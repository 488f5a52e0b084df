package io.zklayer.p2p.identify;

import io.zklayer.p2p.host.Connection;
import io.zklayer.p2p.host.ConnectionListener;
import io.zklayer.p2p.host.Host;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.wire.LengthPrefixedReader;
import io.zklayer.p2p.wire.WireFormatException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libp2p identify ({@code /ipfs/id/1.0.0}) and identify push ({@code /ipfs/id/push/1.0.0}).
 *
 * <p>On every new connection this host asks the peer to identify itself; the side serving the
 * stream writes one varint length-prefixed identify message and closes. {@link #pushToAll} sends
 * this host's current message to every connected peer, e.g. after a protocol was added. What peers
 * said is kept per peer until they disconnect. Messages over 64 KiB are refused.
 */
public final class IdentifyService implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(IdentifyService.class);
    /** The identify protocol id. */
    public static final String PROTOCOL = "/ipfs/id/1.0.0";
    /** The identify push protocol id. */
    public static final String PUSH_PROTOCOL = "/ipfs/id/push/1.0.0";
    /** The protocol version this host announces. */
    public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    private static final int MAX_MESSAGE = 64 * 1024;

    private final Host host;
    private final Map<PeerId, IdentifyInfo> peers = new ConcurrentHashMap<>();
    private final Map<PeerId, CompletableFuture<IdentifyInfo>> inflight = new ConcurrentHashMap<>();
    private final List<Consumer<IdentifyInfo>> listeners = new CopyOnWriteArrayList<>();

    /** Creates the service, serving both protocols and identifying every new connection. */
    public IdentifyService(Host host) {
        this.host = host;
        host.setProtocolHandler(PROTOCOL, this::serve);
        host.setProtocolHandler(PUSH_PROTOCOL, stream -> new Reader(stream.remotePeer(), new CompletableFuture<>()));
        host.addConnectionListener(this);
    }

    /** Adds a listener told each time a peer identifies (or pushes) itself. */
    public void addListener(Consumer<IdentifyInfo> listener) {
        listeners.add(listener);
    }

    /** Returns what the peer last said, if it has identified. */
    public Optional<IdentifyInfo> info(PeerId peer) {
        return Optional.ofNullable(peers.get(peer));
    }

    /**
     * Asks a connected peer to identify itself. Concurrent calls for one peer share one request,
     * since peers such as js-libp2p accept a single identify stream at a time.
     */
    public CompletableFuture<IdentifyInfo> identify(PeerId peer) {
        CompletableFuture<IdentifyInfo> fresh = new CompletableFuture<>();
        CompletableFuture<IdentifyInfo> running = inflight.putIfAbsent(peer, fresh);
        if (running != null) {
            return running;
        }
        fresh.whenComplete((info, e) -> inflight.remove(peer, fresh));
        request(peer, fresh);
        return fresh;
    }

    private void request(PeerId peer, CompletableFuture<IdentifyInfo> result) {
        host.newStream(peer, List.of(PROTOCOL), new Reader(peer, result)).whenComplete((s, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                s.closeWrite();
            }
        });
    }

    /** Pushes this host's identify message to every connected peer. */
    public void pushToAll() {
        for (PeerId peer : host.connectedPeers()) {
            host.connection(peer).ifPresent(c -> c.newStream(List.of(PUSH_PROTOCOL), new Discard())
                    .whenComplete((s, e) -> {
                        if (e == null) {
                            s.write(LengthPrefixedReader.frame(message(c)));
                            s.closeWrite();
                        }
                    }));
        }
    }

    @Override
    public void onConnected(Connection connection) {
        identify(connection.remotePeer()).whenComplete((info, e) -> {
            if (e != null) {
                LOG.debug("Identify of {} failed: {}", connection.remotePeer(), e.toString());
            }
        });
    }

    @Override
    public void onDisconnected(Connection connection) {
        if (host.connection(connection.remotePeer()).isEmpty()) {
            peers.remove(connection.remotePeer());
        }
    }

    private StreamHandler serve(Stream stream) {
        host.connection(stream.remotePeer()).ifPresent(c -> {
            stream.write(LengthPrefixedReader.frame(message(c)));
            stream.closeWrite();
        });
        return new Discard();
    }

    private byte[] message(Connection c) {
        return IdentifyMessage.encode(host.config().hostKey().publicKeyProtobuf(), PROTOCOL_VERSION,
                host.config().agentVersion(), host.protocols(), host.listenAddresses(),
                Optional.of(c.remoteAddress()));
    }

    private void accept(IdentifyInfo info) {
        peers.put(info.peer(), info);
        for (Consumer<IdentifyInfo> l : listeners) {
            l.accept(info);
        }
    }

    /** Reads one length-prefixed identify message. */
    private final class Reader implements StreamHandler {
        private final PeerId peer;
        private final CompletableFuture<IdentifyInfo> result;
        private final LengthPrefixedReader reader = new LengthPrefixedReader(MAX_MESSAGE);

        Reader(PeerId peer, CompletableFuture<IdentifyInfo> result) {
            this.peer = peer;
            this.result = result;
        }

        @Override
        public void onData(Stream stream, byte[] data) {
            if (result.isDone()) {
                return;
            }
            try {
                List<byte[]> messages = reader.feed(data);
                if (!messages.isEmpty()) {
                    IdentifyInfo info = IdentifyMessage.decode(messages.get(0), peer);
                    accept(info);
                    result.complete(info);
                }
            } catch (WireFormatException e) {
                LOG.info("Bad identify message from {}: {}", peer, e.getMessage());
                result.completeExceptionally(e);
                stream.reset();
            }
        }

        @Override
        public void onRemoteClose(Stream stream) {
            stream.closeWrite();
        }

        @Override
        public void onClosed(Stream stream) {
            result.completeExceptionally(new IllegalStateException("identify: stream closed before a message"));
        }
    }

    /** Ignores inbound bytes. */
    private static final class Discard implements StreamHandler {
        @Override
        public void onData(Stream stream, byte[] data) {}

        @Override
        public void onRemoteClose(Stream stream) {
            stream.closeWrite();
        }
    }
}
