package io.zklayer.p2p.host;

import io.netty.channel.Channel;
import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.mss.MultistreamNegotiator;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.yamux.YamuxSession;
import io.zklayer.p2p.yamux.YamuxStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An upgraded connection to one peer: TCP, secured by noise, multiplexed by yamux. Opens outbound
 * streams and routes inbound ones to the host's protocol handlers.
 */
public final class Connection implements YamuxSession.Listener {
    private final Host host;
    private final Channel channel;
    private final PeerId remotePeer;
    private final boolean outbound;
    private final Multiaddr remoteAddress;
    private YamuxSession session;

    Connection(Host host, Channel channel, PeerId remotePeer, boolean outbound) {
        this.host = host;
        this.channel = channel;
        this.remotePeer = remotePeer;
        this.outbound = outbound;
        this.remoteAddress = Multiaddr.of((InetSocketAddress) channel.remoteAddress());
    }

    void attach(YamuxSession session) {
        this.session = session;
    }

    /** Returns the remote peer id, authenticated by the noise handshake. */
    public PeerId remotePeer() {
        return remotePeer;
    }

    /** Returns whether this side dialed. */
    public boolean isOutbound() {
        return outbound;
    }

    /** Returns the remote TCP address as a multiaddr (without /p2p). */
    public Multiaddr remoteAddress() {
        return remoteAddress;
    }

    /** Returns whether the connection is still open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Opens a stream and negotiates the first protocol of {@code protocols} the peer supports; the
     * future completes (on the event loop) once the protocol is agreed, with {@code handler}
     * installed.
     */
    public CompletableFuture<Stream> newStream(List<String> protocols, StreamHandler handler) {
        CompletableFuture<Stream> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            YamuxStream s;
            try {
                s = session.openStream();
            } catch (IllegalStateException e) {
                result.completeExceptionally(e);
                return;
            }
            StreamNegotiation negotiation = new StreamNegotiation(s, MultistreamNegotiator.initiator(protocols),
                    protocol -> {
                        result.complete(s);
                        return handler;
                    },
                    reason -> result.completeExceptionally(new StreamNegotiationException(reason)));
            s.setHandler(negotiation);
            negotiation.start(host.config().streamNegotiationTimeoutMillis());
        });
        return result;
    }

    /** Closes the connection (yamux go-away, then TCP close). */
    public void close() {
        if (session != null) {
            session.close();
        } else {
            channel.close();
        }
    }

    /** Returns the number of open streams. */
    public int streamCount() {
        return session == null ? 0 : session.streamCount();
    }

    @Override
    public void onInboundStream(YamuxStream stream) {
        StreamNegotiation negotiation = new StreamNegotiation(stream,
                MultistreamNegotiator.responder(host::supportsProtocol, host::protocols),
                protocol -> host.handlerFor(protocol, stream),
                reason -> {});
        stream.setHandler(negotiation);
        negotiation.start(host.config().streamNegotiationTimeoutMillis());
    }

    @Override
    public void onSessionClosed() {
        host.onConnectionClosed(this);
    }

    @Override
    public String toString() {
        return (outbound ? "outbound" : "inbound") + " connection to " + remotePeer + " at " + remoteAddress;
    }
}
