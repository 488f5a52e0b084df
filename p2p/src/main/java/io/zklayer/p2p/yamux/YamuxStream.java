package io.zklayer.p2p.yamux;

import io.netty.util.concurrent.EventExecutor;
import io.zklayer.p2p.host.Stream;
import io.zklayer.p2p.host.StreamHandler;
import io.zklayer.p2p.peer.PeerId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One yamux stream with its two flow-control windows: data beyond the peer's window waits in a
 * bounded queue until a window update arrives; received data is credited back to the peer (a
 * window update) once delivered to the handler, when half the initial window has been consumed.
 * All state lives on the session's event loop; public methods called elsewhere hop onto it.
 */
public final class YamuxStream implements Stream {
    private static final Logger LOG = LoggerFactory.getLogger(YamuxStream.class);
    private static final int MAX_DATA_FRAME = 64 * 1024;

    private final YamuxSession session;
    private final int id;
    private final boolean initiator;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final List<byte[]> undelivered = new ArrayList<>();
    private int pendingOffset;
    private long pendingBytes;
    private long sendWindow = YamuxFrame.INITIAL_WINDOW;
    private long recvWindow = YamuxFrame.INITIAL_WINDOW;
    private long consumedUncredited;
    private boolean finRequested;
    private boolean finSent;
    private boolean remoteFin;
    private boolean closed;
    private boolean remoteFinUndelivered;
    private StreamHandler handler;
    private volatile String protocol;

    YamuxStream(YamuxSession session, int id, boolean initiator) {
        this.session = session;
        this.id = id;
        this.initiator = initiator;
    }

    /** Returns the yamux stream id (odd when the dialer opened it). */
    public int id() {
        return id;
    }

    @Override
    public PeerId remotePeer() {
        return session.remotePeer();
    }

    @Override
    public String protocol() {
        return protocol;
    }

    /** Records the protocol negotiated on this stream. */
    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    @Override
    public boolean isInitiator() {
        return initiator;
    }

    /** Returns the event loop that owns this stream. */
    public EventExecutor executor() {
        return session.executor();
    }

    /** Sets (or replaces) the handler, delivering any data that arrived before it; event loop only. */
    public void setHandler(StreamHandler handler) {
        this.handler = handler;
        if (handler != null && !undelivered.isEmpty()) {
            List<byte[]> queued = new ArrayList<>(undelivered);
            undelivered.clear();
            for (byte[] d : queued) {
                deliver(d);
            }
        }
        if (handler != null && remoteFinUndelivered) {
            remoteFinUndelivered = false;
            handler.onRemoteClose(this);
        }
    }

    @Override
    public void write(byte[] data) {
        if (!executor().inEventLoop()) {
            executor().execute(() -> write(data));
            return;
        }
        if (closed || finRequested || data.length == 0) {
            return;
        }
        pending.add(data);
        pendingBytes += data.length;
        flush();
        if (pendingBytes > session.limits().maxSendQueueBytes()) {
            LOG.info("Resetting yamux stream {} to {}: {} bytes wait for the peer's window, over the limit of {}", id,
                    remotePeer(), pendingBytes, session.limits().maxSendQueueBytes());
            reset();
        }
    }

    @Override
    public void closeWrite() {
        if (!executor().inEventLoop()) {
            executor().execute(this::closeWrite);
            return;
        }
        if (closed || finRequested) {
            return;
        }
        finRequested = true;
        flush();
    }

    @Override
    public void reset() {
        if (!executor().inEventLoop()) {
            executor().execute(this::reset);
            return;
        }
        if (closed) {
            return;
        }
        session.sendFrame(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_RST, id, 0, null, 0, 0);
        terminate();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Returns bytes queued awaiting the peer's window. */
    public long queuedBytes() {
        return pendingBytes;
    }

    private void flush() {
        while (!pending.isEmpty() && sendWindow > 0 && !closed) {
            byte[] head = pending.peek();
            int n = (int) Math.min(Math.min(head.length - pendingOffset, sendWindow), MAX_DATA_FRAME);
            session.sendFrame(YamuxFrame.TYPE_DATA, 0, id, n, head, pendingOffset, n);
            sendWindow -= n;
            pendingBytes -= n;
            pendingOffset += n;
            if (pendingOffset == head.length) {
                pending.poll();
                pendingOffset = 0;
            }
        }
        if (finRequested && !finSent && pending.isEmpty() && !closed) {
            finSent = true;
            session.sendFrame(YamuxFrame.TYPE_DATA, YamuxFrame.FLAG_FIN, id, 0, null, 0, 0);
            if (remoteFin) {
                terminate();
            }
        }
    }

    // ---- called by the session on the event loop ----

    /** Adds a window update from the peer; false if the window would exceed 2^32-1. */
    boolean onWindowUpdate(long delta) {
        sendWindow += delta;
        if (sendWindow > 0xFFFF_FFFFL) {
            return false;
        }
        flush();
        return true;
    }

    long receiveWindow() {
        return recvWindow;
    }

    void onData(byte[] data) {
        recvWindow -= data.length;
        if (handler == null) {
            undelivered.add(data);
        } else {
            deliver(data);
        }
    }

    private void deliver(byte[] data) {
        consumedUncredited += data.length;
        if (consumedUncredited >= YamuxFrame.INITIAL_WINDOW / 2 && !closed) {
            session.sendFrame(YamuxFrame.TYPE_WINDOW_UPDATE, 0, id, (int) consumedUncredited, null, 0, 0);
            recvWindow += consumedUncredited;
            consumedUncredited = 0;
        }
        try {
            handler.onData(this, data);
        } catch (RuntimeException e) {
            LOG.warn("Resetting yamux stream {} ({}) to {}: handler failed", id, protocol, remotePeer(), e);
            reset();
        }
    }

    void onRemoteFin() {
        if (remoteFin) {
            return;
        }
        remoteFin = true;
        if (handler != null) {
            handler.onRemoteClose(this);
        } else {
            remoteFinUndelivered = true;
        }
        if (finSent) {
            terminate();
        }
    }

    void onRemoteReset() {
        terminate();
    }

    void terminate() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        pendingBytes = 0;
        session.removeStream(id);
        if (handler != null) {
            try {
                handler.onClosed(this);
            } catch (RuntimeException e) {
                LOG.warn("Stream {} ({}) close handler failed", id, protocol, e);
            }
        }
    }

    @Override
    public String toString() {
        return "yamux stream " + id + " (" + protocol + ") to " + remotePeer();
    }
}
