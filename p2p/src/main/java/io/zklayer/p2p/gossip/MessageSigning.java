package io.zklayer.p2p.gossip;

import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.peer.PublicKeys;
import io.zklayer.p2p.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The StrictSign policy: every message carries {@code from}, an 8-byte {@code seqno} and an Ed25519
 * {@code signature} by {@code from}'s key over {@code "libp2p-pubsub:" ‖ message without signature
 * and key}. The key comes from the identity peer id, or from {@code key} when present (which must
 * then match {@code from}).
 */
public final class MessageSigning {
    private static final byte[] PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

    private MessageSigning() {}

    /** Returns the message signed by the host key (from = the host's peer id). */
    public static PubMessage sign(HostKey key, String topic, byte[] data, byte[] seqno) {
        PubMessage unsigned = new PubMessage(key.peerId().toBytes(), data, seqno, topic, null, null);
        byte[] sig = key.sign(signedBytes(unsigned));
        return new PubMessage(unsigned.from(), data, seqno, topic, sig, null);
    }

    /** Returns why the message fails StrictSign, or empty if it passes. */
    public static Optional<String> check(PubMessage m) {
        if (m.from() == null || m.signature() == null || m.seqno() == null) {
            return Optional.of("gossipsub: StrictSign message lacks from, seqno or signature");
        }
        if (m.seqno().length != 8) {
            return Optional.of("gossipsub: seqno is " + m.seqno().length + " bytes, not 8");
        }
        PeerId from;
        try {
            from = PeerId.fromBytes(m.from());
        } catch (WireFormatException e) {
            return Optional.of("gossipsub: bad from: " + e.getMessage());
        }
        byte[] publicKey;
        if (m.key() != null) {
            try {
                publicKey = PublicKeys.decodeEd25519(m.key());
            } catch (WireFormatException e) {
                return Optional.of("gossipsub: bad key: " + e.getMessage());
            }
            if (!PeerId.fromEd25519PublicKey(publicKey).equals(from)) {
                return Optional.of("gossipsub: key does not match from " + from);
            }
        } else {
            Optional<byte[]> inline = from.ed25519PublicKey();
            if (inline.isEmpty()) {
                return Optional.of("gossipsub: no key for from " + from);
            }
            publicKey = inline.get();
        }
        if (!HostKey.verify(publicKey, signedBytes(m), m.signature())) {
            return Optional.of("gossipsub: signature by " + from + " does not verify");
        }
        return Optional.empty();
    }

    static byte[] signedBytes(PubMessage m) {
        byte[] body = m.encode(false);
        byte[] out = new byte[PREFIX.length + body.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        System.arraycopy(body, 0, out, PREFIX.length, body.length);
        return out;
    }
}
