package io.zklayer.p2p.gossip;

/** Computes a message's id, the key of the seen cache, message cache and IHAVE/IWANT. */
@FunctionalInterface
public interface MessageIdFunction {
    /** Returns the id of the message. */
    byte[] id(PubMessage message);

    /** The default for signed messages: {@code from ‖ seqno}, as js-libp2p computes it. */
    static MessageIdFunction fromAndSeqno() {
        return m -> {
            byte[] from = m.from() == null ? new byte[0] : m.from();
            byte[] seq = m.seqno() == null ? new byte[0] : m.seqno();
            byte[] out = new byte[from.length + seq.length];
            System.arraycopy(from, 0, out, 0, from.length);
            System.arraycopy(seq, 0, out, from.length, seq.length);
            return out;
        };
    }
}
