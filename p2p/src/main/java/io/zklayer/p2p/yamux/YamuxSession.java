package io.zklayer.p2p.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.EventExecutor;
import io.zklayer.p2p.peer.PeerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A yamux session over a secured connection (spec: hashicorp/yamux {@code spec.md}, as libp2p uses
 * it under {@code /yamux/1.0.0}). The dialer opens odd stream ids, the listener even ones; a
 * stream opens with a SYN window update and is acknowledged with ACK. Pings are answered, go-away
 * closes the connection.
 *
 * <p>Protocol violations — a version other than 0, an unknown frame type, data beyond the
 * stream's receive window, a window above 2^32-1, a SYN with the wrong parity or a reused id —
 * send go-away (protocol error) and close the connection, logging the rule broken. All state is on
 * the channel's event loop.
 */
public final class YamuxSession extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);

    /** Receives session events on the event loop. */
    public interface Listener {
        /** Called for each stream the peer opened, before any of its data is delivered. */
        void onInboundStream(YamuxStream stream);

        /** Called once when the session ends. */
        void onSessionClosed();
    }

    private final boolean initiator;
    private final PeerId remotePeer;
    private final YamuxLimits limits;
    private final Listener listener;
    private final Map<Integer, YamuxStream> streams = new HashMap<>();
    private ChannelHandlerContext ctx;
    private int nextId;
    private boolean flushScheduled;
    private boolean goingAway;
    private boolean closedNotified;

    /** Creates the session; {@code initiator} is whether this side dialed the connection. */
    public YamuxSession(boolean initiator, PeerId remotePeer, YamuxLimits limits, Listener listener) {
        this.initiator = initiator;
        this.remotePeer = remotePeer;
        this.limits = limits;
        this.listener = listener;
        this.nextId = initiator ? 1 : 2;
    }

    PeerId remotePeer() {
        return remotePeer;
    }

    YamuxLimits limits() {
        return limits;
    }

    /** Returns the event loop of this session. */
    public EventExecutor executor() {
        return ctx.executor();
    }

    /** Returns the number of open streams. */
    public int streamCount() {
        return streams.size();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Opens an outbound stream (SYN sent at once); event loop only.
     *
     * @throws IllegalStateException if the session is closing or at its stream limit
     */
    public YamuxStream openStream() {
        if (!ctx.executor().inEventLoop()) {
            throw new IllegalStateException("yamux: openStream off the event loop");
        }
        if (goingAway || !ctx.channel().isActive()) {
            throw new IllegalStateException("yamux: session to " + remotePeer + " is closing");
        }
        if (streams.size() >= limits.maxStreams()) {
            throw new IllegalStateException("yamux: " + streams.size() + " streams open to " + remotePeer
                    + ", the limit");
        }
        int id = nextId;
        nextId += 2;
        YamuxStream s = new YamuxStream(this, id, true);
        streams.put(id, s);
        sendFrame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, id, 0, null, 0, 0);
        return s;
    }

    /** Sends a ping carrying {@code opaque}; the reply is not tracked. */
    public void ping(int opaque) {
        sendFrame(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_SYN, 0, opaque, null, 0, 0);
    }

    /** Sends go-away (normal) and closes the connection. */
    public void close() {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(this::close);
            return;
        }
        goAway(YamuxFrame.GO_AWAY_NORMAL, null);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= YamuxFrame.HEADER_LENGTH && !goingAway) {
            int base = in.readerIndex();
            int version = in.getUnsignedByte(base);
            int type = in.getUnsignedByte(base + 1);
            int flags = in.getUnsignedShort(base + 2);
            int id = in.getInt(base + 4);
            long length = in.getUnsignedInt(base + 8);
            if (version != 0) {
                protocolError("yamux: frame version " + version + ", expected 0");
                return;
            }
            if (type > YamuxFrame.TYPE_GO_AWAY) {
                protocolError("yamux: unknown frame type " + type);
                return;
            }
            if (type == YamuxFrame.TYPE_DATA) {
                YamuxStream s = streams.get(id);
                long window = s != null ? s.receiveWindow() : YamuxFrame.INITIAL_WINDOW;
                if (length > window) {
                    protocolError("yamux: stream " + id + " sent " + length + " bytes over its receive window of "
                            + window);
                    return;
                }
                if (in.readableBytes() < YamuxFrame.HEADER_LENGTH + length) {
                    return;
                }
            }
            in.skipBytes(YamuxFrame.HEADER_LENGTH);
            switch (type) {
                case YamuxFrame.TYPE_DATA, YamuxFrame.TYPE_WINDOW_UPDATE -> {
                    byte[] data = null;
                    if (type == YamuxFrame.TYPE_DATA) {
                        data = new byte[(int) length];
                        in.readBytes(data);
                    }
                    if (!onStreamFrame(type, flags, id, length, data)) {
                        return;
                    }
                }
                case YamuxFrame.TYPE_PING -> {
                    if ((flags & YamuxFrame.FLAG_SYN) != 0) {
                        sendFrame(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_ACK, 0, (int) length, null, 0, 0);
                    }
                }
                default -> {
                    LOG.debug("Peer {} sent yamux go-away code {}", remotePeer, length);
                    goingAway = true;
                    ctx.close();
                    return;
                }
            }
        }
    }

    private boolean onStreamFrame(int type, int flags, int id, long length, byte[] data) {
        YamuxStream s = streams.get(id);
        if ((flags & YamuxFrame.FLAG_SYN) != 0) {
            boolean remoteParity = initiator ? id % 2 == 0 : id % 2 == 1;
            if (id == 0 || !remoteParity) {
                protocolError("yamux: SYN for stream " + id + " with the wrong parity");
                return false;
            }
            if (s != null) {
                protocolError("yamux: SYN for stream " + id + " which is already open");
                return false;
            }
            if (streams.size() >= limits.maxStreams()) {
                LOG.info("Refusing yamux stream {} from {}: {} streams open, the limit", id, remotePeer,
                        streams.size());
                sendFrame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_RST, id, 0, null, 0, 0);
                return true;
            }
            s = new YamuxStream(this, id, false);
            streams.put(id, s);
            sendFrame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_ACK, id, 0, null, 0, 0);
            listener.onInboundStream(s);
        }
        if (s == null) {
            return true; // frames racing a local close or reset are dropped
        }
        if (type == YamuxFrame.TYPE_WINDOW_UPDATE) {
            if (!s.onWindowUpdate(length)) {
                protocolError("yamux: stream " + id + " window above 2^32-1");
                return false;
            }
        } else if (data.length > 0) {
            s.onData(data);
        }
        if ((flags & YamuxFrame.FLAG_RST) != 0) {
            s.onRemoteReset();
        } else if ((flags & YamuxFrame.FLAG_FIN) != 0) {
            s.onRemoteFin();
        }
        return true;
    }

    void removeStream(int id) {
        streams.remove(id);
    }

    void sendFrame(int type, int flags, int id, int length, byte[] data, int offset, int dataLength) {
        if (ctx == null || !ctx.channel().isActive()) {
            return;
        }
        ByteBuf buf = ctx.alloc().buffer(YamuxFrame.HEADER_LENGTH + dataLength);
        buf.writeByte(0).writeByte(type).writeShort(flags).writeInt(id).writeInt(length);
        if (data != null) {
            buf.writeBytes(data, offset, dataLength);
        }
        ctx.write(buf);
        if (!flushScheduled) {
            flushScheduled = true;
            ctx.executor().execute(() -> {
                flushScheduled = false;
                ctx.flush();
            });
        }
    }

    private void protocolError(String reason) {
        goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR, reason);
    }

    private void goAway(int code, String reason) {
        if (goingAway) {
            return;
        }
        if (reason != null) {
            LOG.info("Closing connection to {}: {}", remotePeer, reason);
        }
        goingAway = true;
        if (ctx.channel().isActive()) {
            ByteBuf buf = ctx.alloc().buffer(YamuxFrame.HEADER_LENGTH);
            buf.writeByte(0).writeByte(YamuxFrame.TYPE_GO_AWAY).writeShort(0).writeInt(0).writeInt(code);
            ctx.writeAndFlush(buf).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closeAll();
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        closeAll();
    }

    private void closeAll() {
        goingAway = true;
        for (YamuxStream s : new ArrayList<>(streams.values())) {
            s.terminate();
        }
        if (!closedNotified) {
            closedNotified = true;
            listener.onSessionClosed();
        }
    }
}
