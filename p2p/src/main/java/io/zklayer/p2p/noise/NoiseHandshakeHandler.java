package io.zklayer.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the libp2p noise XX handshake on a connection: 2-byte big-endian length-prefixed messages,
 * the dialer first. Once the remote identity payload verifies (and, when dialing a known peer id,
 * matches it) the handler installs {@link NoiseTransportCodec} in its place and calls
 * {@code onSecured} with the codec's context and the remote peer id. Any failure, or no completion
 * within the timeout, closes the connection with the reason logged.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(NoiseHandshakeHandler.class);
    /** The name under which the transport codec is installed. */
    public static final String CODEC_NAME = "noise";

    private final HostKey hostKey;
    private final NoiseHandshake handshake;
    private final boolean initiator;
    private final Optional<PeerId> expectedPeer;
    private final long timeoutMillis;
    private final BiConsumer<ChannelHandlerContext, PeerId> onSecured;
    private PeerId remotePeer;
    private ScheduledFuture<?> timeout;

    /** Creates the handler for one connection. */
    public NoiseHandshakeHandler(HostKey hostKey, byte[] staticKey, SecureRandom random, boolean initiator,
            Optional<PeerId> expectedPeer, long timeoutMillis, BiConsumer<ChannelHandlerContext, PeerId> onSecured) {
        this.hostKey = hostKey;
        this.handshake = new NoiseHandshake(initiator, staticKey, random);
        this.initiator = initiator;
        this.expectedPeer = expectedPeer;
        this.timeoutMillis = timeoutMillis;
        this.onSecured = onSecured;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> {
            if (!handshake.isComplete()) {
                LOG.info("Closing {}: noise handshake not complete after {} ms", ctx.channel().remoteAddress(),
                        timeoutMillis);
                ctx.close();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        if (initiator) {
            send(ctx, handshake.writeMessage(new byte[0]));
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (handshake.isComplete()) {
            return;
        }
        if (in.readableBytes() < 2) {
            return;
        }
        int len = in.getUnsignedShort(in.readerIndex());
        if (in.readableBytes() < 2 + len) {
            return;
        }
        in.skipBytes(2);
        byte[] message = new byte[len];
        in.readBytes(message);
        try {
            byte[] payload = handshake.readMessage(message);
            if (initiator) {
                // message 2: responder's static key and identity
                remotePeer = NoisePayload.verify(payload, handshake.remoteStaticPublicKey());
                checkExpected();
                send(ctx, handshake.writeMessage(NoisePayload.create(hostKey, handshake.localStaticPublicKey())));
            } else if (remotePeer == null && !handshake.isComplete()) {
                // message 1 read: answer with message 2
                send(ctx, handshake.writeMessage(NoisePayload.create(hostKey, handshake.localStaticPublicKey())));
                return;
            } else {
                remotePeer = NoisePayload.verify(payload, handshake.remoteStaticPublicKey());
            }
        } catch (NoiseException e) {
            LOG.info("Closing {} ({}): {}", ctx.channel().remoteAddress(), initiator ? "outbound" : "inbound",
                    e.getMessage());
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (handshake.isComplete()) {
            CipherState[] ciphers = handshake.split();
            ctx.pipeline().addAfter(ctx.name(), CODEC_NAME, new NoiseTransportCodec(ciphers[0], ciphers[1]));
            onSecured.accept(ctx.pipeline().context(CODEC_NAME), remotePeer);
            ctx.pipeline().remove(this);
        }
    }

    private void checkExpected() {
        if (expectedPeer.isPresent() && !expectedPeer.get().equals(remotePeer)) {
            throw new NoiseException("noise: remote is " + remotePeer + ", not the dialed " + expectedPeer.get());
        }
    }

    private static void send(ChannelHandlerContext ctx, byte[] message) {
        if (message.length > 65535) {
            throw new IllegalStateException("noise: handshake message over 65535 bytes");
        }
        ByteBuf buf = ctx.alloc().buffer(2 + message.length);
        buf.writeShort(message.length).writeBytes(message);
        ctx.writeAndFlush(buf);
    }
}
