package io.zklayer.p2p.host;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.zklayer.p2p.mss.MultistreamNegotiator;
import io.zklayer.p2p.yamux.YamuxStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs multistream-select at the start of a stream and then hands the stream, with any bytes that
 * followed the selection, to the protocol's handler. A failure or timeout resets the stream.
 */
final class StreamNegotiation implements StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamNegotiation.class);

    private final YamuxStream stream;
    private final MultistreamNegotiator negotiator;
    private final Function<String, StreamHandler> onSelected;
    private final Consumer<String> onFailed;
    private ByteBuf buffer = Unpooled.buffer(0);
    private ScheduledFuture<?> timeout;
    private boolean done;

    StreamNegotiation(YamuxStream stream, MultistreamNegotiator negotiator,
            Function<String, StreamHandler> onSelected, Consumer<String> onFailed) {
        this.stream = stream;
        this.negotiator = negotiator;
        this.onSelected = onSelected;
        this.onFailed = onFailed;
    }

    void start(long timeoutMillis) {
        timeout = stream.executor().schedule(() -> fail("multistream: stream not negotiated within " + timeoutMillis
                + " ms"), timeoutMillis, TimeUnit.MILLISECONDS);
        stream.write(negotiator.start());
    }

    @Override
    public void onData(Stream s, byte[] data) {
        if (done) {
            return;
        }
        if (buffer.readableBytes() + data.length > 4 * MultistreamNegotiator.MAX_MESSAGE) {
            fail("multistream: more than " + 4 * MultistreamNegotiator.MAX_MESSAGE + " bytes buffered during negotiation");
            return;
        }
        ByteBuf joined = Unpooled.buffer(buffer.readableBytes() + data.length);
        joined.writeBytes(buffer).writeBytes(data);
        buffer = joined;
        MultistreamNegotiator.Step step = negotiator.onData(buffer);
        if (step.reply().length > 0) {
            stream.write(step.reply());
        }
        if (step.isFailed()) {
            fail(step.failure());
        } else if (step.isSelected()) {
            done = true;
            timeout.cancel(false);
            stream.setProtocol(step.selected());
            StreamHandler next = onSelected.apply(step.selected());
            if (next == null) {
                stream.reset();
                return;
            }
            stream.setHandler(next);
            if (buffer.isReadable()) {
                byte[] rest = new byte[buffer.readableBytes()];
                buffer.readBytes(rest);
                next.onData(stream, rest);
            }
        }
    }

    @Override
    public void onRemoteClose(Stream s) {
        if (!done) {
            fail("multistream: remote closed the stream during negotiation");
        }
    }

    @Override
    public void onClosed(Stream s) {
        if (!done) {
            done = true;
            if (timeout != null) {
                timeout.cancel(false);
            }
            onFailed.accept("multistream: stream closed during negotiation");
        }
    }

    private void fail(String reason) {
        if (done) {
            return;
        }
        done = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        LOG.debug("Resetting {}: {}", stream, reason);
        onFailed.accept(reason);
        stream.reset();
    }
}
