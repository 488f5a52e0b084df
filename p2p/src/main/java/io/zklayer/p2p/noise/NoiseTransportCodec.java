package io.zklayer.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageCodec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The noise transport after the handshake: each frame is {@code u16 big-endian length ‖
 * ciphertext ‖ 16-byte tag}, at most 65,535 bytes, so outbound data is cut into pieces of at most
 * 65,519 plaintext bytes. Inbound frames decrypt to plaintext buffers passed up the pipeline; a
 * frame that fails authentication closes the connection.
 */
public final class NoiseTransportCodec extends ByteToMessageCodec<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(NoiseTransportCodec.class);
    /** Largest frame on the wire, excluding the 2-byte length. */
    public static final int MAX_FRAME = 65535;
    /** Largest plaintext per frame. */
    public static final int MAX_PLAINTEXT = MAX_FRAME - CipherState.TAG_LENGTH;
    private static final byte[] NO_AD = new byte[0];

    private final CipherState send;
    private final CipherState receive;
    private boolean failed;

    /** Creates the codec from the handshake's split cipher states. */
    public NoiseTransportCodec(CipherState send, CipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        while (msg.isReadable()) {
            int n = Math.min(MAX_PLAINTEXT, msg.readableBytes());
            byte[] plain = new byte[n];
            msg.readBytes(plain);
            byte[] ct = send.encrypt(NO_AD, plain, 0, n);
            out.writeShort(ct.length).writeBytes(ct);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= 2) {
            int len = in.getUnsignedShort(in.readerIndex());
            if (in.readableBytes() < 2 + len) {
                return;
            }
            in.skipBytes(2);
            byte[] ct = new byte[len];
            in.readBytes(ct);
            try {
                out.add(Unpooled.wrappedBuffer(receive.decrypt(NO_AD, ct, 0, len)));
            } catch (NoiseException e) {
                failed = true;
                LOG.info("Closing {}: {}", ctx.channel().remoteAddress(), e.getMessage());
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
        }
    }
}
