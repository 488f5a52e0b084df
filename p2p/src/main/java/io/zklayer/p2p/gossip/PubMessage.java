package io.zklayer.p2p.gossip;

import io.zklayer.p2p.wire.Protobuf;
import io.zklayer.p2p.wire.WireFormatException;
import java.nio.charset.StandardCharsets;

/**
 * A pubsub {@code Message} as it travels: {@code from = 1} (peer id bytes), {@code data = 2},
 * {@code seqno = 3} (8 bytes big-endian), {@code topic = 4}, {@code signature = 5},
 * {@code key = 6}. Any field but the topic may be absent (null).
 *
 * <p>{@link #encode(boolean)} writes fields in field-number order, the canonical form js-libp2p
 * signs and verifies: the signed bytes are {@code "libp2p-pubsub:" ‖ encode(without signature and
 * key)}.
 */
public record PubMessage(byte[] from, byte[] data, byte[] seqno, String topic, byte[] signature, byte[] key) {
    /** Returns the protobuf encoding; {@code withSignature=false} omits signature and key. */
    public byte[] encode(boolean withSignature) {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        return Protobuf.write(out -> {
            if (from != null) {
                out.writeByteArray(1, from);
            }
            if (data != null) {
                out.writeByteArray(2, data);
            }
            if (seqno != null) {
                out.writeByteArray(3, seqno);
            }
            out.writeByteArray(4, topicBytes);
            if (withSignature && signature != null) {
                out.writeByteArray(5, signature);
            }
            if (withSignature && key != null) {
                out.writeByteArray(6, key);
            }
        });
    }

    /** Returns the encoded size with signature, for limits. */
    public int size() {
        return encode(true).length;
    }

    /**
     * Decodes a message.
     *
     * @throws WireFormatException if malformed or the topic is missing
     */
    public static PubMessage decode(byte[] bytes) {
        byte[][] f = new byte[7][];
        Protobuf.read(bytes, "pubsub Message", (number, tag, in) -> {
            if (number >= 1 && number <= 6 && Protobuf.wireType(tag) == 2) {
                f[number] = in.readByteArray();
                return true;
            }
            return false;
        });
        if (f[4] == null) {
            throw new WireFormatException("gossipsub: message without a topic");
        }
        return new PubMessage(f[1], f[2], f[3], new String(f[4], StandardCharsets.UTF_8), f[5], f[6]);
    }
}
