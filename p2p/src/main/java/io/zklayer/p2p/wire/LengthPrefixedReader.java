package io.zklayer.p2p.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into unsigned-varint length-prefixed messages, the framing libp2p protocols
 * (identify, gossipsub, request-response) use inside a stream.
 *
 * <p>Bytes {@code 03 61 62 63 01 7a} → messages {@code "abc"}, {@code "z"}. A length above the limit
 * fails before any of the message is buffered, so a peer cannot make the reader hold more than
 * {@code maxMessageBytes} plus one varint.
 */
public final class LengthPrefixedReader {
    private final int maxMessageBytes;
    private final ByteBuf pending = Unpooled.buffer(0);

    /** Creates a reader that rejects messages longer than {@code maxMessageBytes}. */
    public LengthPrefixedReader(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Appends bytes and returns every message now complete, in order.
     *
     * @throws WireFormatException if a length prefix is malformed or above the limit
     */
    public List<byte[]> feed(byte[] data) {
        List<byte[]> out = new ArrayList<>(1);
        pending.writeBytes(data);
        while (true) {
            int mark = pending.readerIndex();
            long len = UnsignedVarint.tryRead(pending, maxMessageBytes);
            if (len == UnsignedVarint.INCOMPLETE) {
                break;
            }
            if (pending.readableBytes() < len) {
                pending.readerIndex(mark);
                break;
            }
            byte[] msg = new byte[(int) len];
            pending.readBytes(msg);
            out.add(msg);
        }
        pending.discardReadBytes();
        return out;
    }

    /** Returns the number of bytes buffered for an incomplete message. */
    public int bufferedBytes() {
        return pending.readableBytes();
    }

    /** Returns {@code varint(len) ‖ message}. */
    public static byte[] frame(byte[] message) {
        byte[] prefix = UnsignedVarint.encode(message.length);
        byte[] out = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(message, 0, out, prefix.length, message.length);
        return out;
    }
}
