package io.zklayer.p2p.identify;

import io.zklayer.p2p.multiaddr.Multiaddr;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.peer.PublicKeys;
import io.zklayer.p2p.wire.Protobuf;
import io.zklayer.p2p.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify protobuf: {@code publicKey = 1}, {@code listenAddrs = 2} (binary multiaddrs),
 * {@code protocols = 3}, {@code observedAddr = 4}, {@code protocolVersion = 5},
 * {@code agentVersion = 6}; {@code signedPeerRecord = 8} is read past. At most 128 protocols and
 * 64 addresses are kept; addresses that do not parse are skipped.
 */
public final class IdentifyMessage {
    private static final int MAX_PROTOCOLS = 128;
    private static final int MAX_ADDRESSES = 64;

    private IdentifyMessage() {}

    /** Returns the encoded message. */
    public static byte[] encode(byte[] publicKeyProtobuf, String protocolVersion, String agentVersion,
            List<String> protocols, List<Multiaddr> listenAddresses, Optional<Multiaddr> observed) {
        return Protobuf.write(out -> {
            out.writeByteArray(1, publicKeyProtobuf);
            for (Multiaddr a : listenAddresses) {
                out.writeByteArray(2, a.toBytes());
            }
            for (String p : protocols) {
                out.writeString(3, p);
            }
            if (observed.isPresent()) {
                out.writeByteArray(4, observed.get().toBytes());
            }
            out.writeString(5, protocolVersion);
            out.writeString(6, agentVersion);
        });
    }

    /**
     * Decodes a message from {@code expected}, checking its public key is that peer's.
     *
     * @throws WireFormatException if malformed or the key belongs to another peer
     */
    public static IdentifyInfo decode(byte[] bytes, PeerId expected) {
        byte[][] key = {null};
        String[] versions = {"", ""};
        List<String> protocols = new ArrayList<>();
        List<Multiaddr> addrs = new ArrayList<>();
        Multiaddr[] observed = {null};
        Protobuf.read(bytes, "Identify", (number, tag, in) -> {
            if (Protobuf.wireType(tag) != 2) {
                return false;
            }
            switch (number) {
                case 1 -> key[0] = in.readByteArray();
                case 2 -> {
                    byte[] raw = in.readByteArray();
                    if (addrs.size() < MAX_ADDRESSES) {
                        try {
                            addrs.add(Multiaddr.fromBytes(raw));
                        } catch (WireFormatException | IllegalArgumentException e) {
                            // unknown transports (webrtc, …) are skipped
                        }
                    }
                }
                case 3 -> {
                    String p = in.readString();
                    if (protocols.size() < MAX_PROTOCOLS) {
                        protocols.add(p);
                    }
                }
                case 4 -> {
                    byte[] raw = in.readByteArray();
                    try {
                        observed[0] = Multiaddr.fromBytes(raw);
                    } catch (WireFormatException | IllegalArgumentException e) {
                        observed[0] = null;
                    }
                }
                case 5 -> versions[0] = new String(in.readByteArray(), StandardCharsets.UTF_8);
                case 6 -> versions[1] = new String(in.readByteArray(), StandardCharsets.UTF_8);
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (key[0] != null) {
            PeerId fromKey = PeerId.fromEd25519PublicKey(PublicKeys.decodeEd25519(key[0]));
            if (!fromKey.equals(expected)) {
                throw new WireFormatException("identify: public key is " + fromKey + "'s, not " + expected + "'s");
            }
        }
        return new IdentifyInfo(expected, versions[0], versions[1], List.copyOf(protocols), List.copyOf(addrs),
                Optional.ofNullable(observed[0]));
    }
}
