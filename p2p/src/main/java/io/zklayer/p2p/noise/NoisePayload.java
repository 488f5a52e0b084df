package io.zklayer.p2p.noise;

import io.zklayer.p2p.peer.HostKey;
import io.zklayer.p2p.peer.PeerId;
import io.zklayer.p2p.peer.PublicKeys;
import io.zklayer.p2p.wire.Protobuf;
import io.zklayer.p2p.wire.WireFormatException;
import java.nio.charset.StandardCharsets;

/**
 * The libp2p noise handshake payload ({@code NoiseHandshakePayload}: {@code identity_key = 1},
 * {@code identity_sig = 2}, {@code extensions = 4}), which binds the noise static key to the
 * peer's libp2p identity: {@code identity_sig} is the identity key's signature over
 * {@code "noise-libp2p-static-key:" ‖ static X25519 public key}.
 *
 * <p>This host sends no extensions, so the stream muxer is negotiated with multistream-select
 * after the handshake; extensions from the remote are read past.
 */
public final class NoisePayload {
    private static final byte[] SIG_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

    private NoisePayload() {}

    /** Returns the payload signing {@code staticPublic} with the host key. */
    public static byte[] create(HostKey key, byte[] staticPublic) {
        byte[] sig = key.sign(signedBytes(staticPublic));
        byte[] identity = key.publicKeyProtobuf();
        return Protobuf.write(out -> {
            out.writeByteArray(1, identity);
            out.writeByteArray(2, sig);
        });
    }

    /**
     * Checks a remote payload against the remote static key and returns the remote peer id.
     *
     * @throws NoiseException if the payload is malformed, has no key, or the signature fails
     */
    public static PeerId verify(byte[] payload, byte[] remoteStatic) {
        byte[][] fields = new byte[2][];
        try {
            Protobuf.read(payload, "NoiseHandshakePayload", (number, tag, in) -> {
                if ((number == 1 || number == 2) && Protobuf.wireType(tag) == 2) {
                    fields[number - 1] = in.readByteArray();
                    return true;
                }
                return false;
            });
        } catch (WireFormatException e) {
            throw new NoiseException(e.getMessage());
        }
        if (fields[0] == null || fields[1] == null) {
            throw new NoiseException("noise: handshake payload lacks identity_key or identity_sig");
        }
        byte[] publicKey;
        try {
            publicKey = PublicKeys.decodeEd25519(fields[0]);
        } catch (WireFormatException e) {
            throw new NoiseException("noise: identity_key: " + e.getMessage());
        }
        if (!HostKey.verify(publicKey, signedBytes(remoteStatic), fields[1])) {
            throw new NoiseException("noise: identity_sig does not verify over the remote static key");
        }
        return PeerId.fromEd25519PublicKey(publicKey);
    }

    private static byte[] signedBytes(byte[] staticPublic) {
        byte[] out = new byte[SIG_PREFIX.length + staticPublic.length];
        System.arraycopy(SIG_PREFIX, 0, out, 0, SIG_PREFIX.length);
        System.arraycopy(staticPublic, 0, out, SIG_PREFIX.length, staticPublic.length);
        return out;
    }
}
