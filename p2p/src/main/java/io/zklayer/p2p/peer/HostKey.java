package io.zklayer.p2p.peer;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A host's Ed25519 identity key pair: it signs the noise handshake payload and gossip messages,
 * and its public key is the host's {@link PeerId}.
 *
 * <p>The secret of 31 zero bytes then {@code 0x01} gives peer id
 * {@code 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp}.
 */
public final class HostKey {
    private final byte[] secret;
    private final byte[] publicKey;
    private final PeerId peerId;

    private HostKey(byte[] secret) {
        this.secret = secret;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(secret, 0, publicKey, 0);
        this.peerId = PeerId.fromEd25519PublicKey(publicKey);
    }

    /** Returns the key pair of a 32-byte Ed25519 secret (seed). */
    public static HostKey fromSecret(byte[] secret) {
        if (secret.length != Ed25519.SECRET_KEY_SIZE) {
            throw new IllegalArgumentException("peer-ids: Ed25519 secret must be 32 bytes, got " + secret.length);
        }
        return new HostKey(secret.clone());
    }

    /** Returns a fresh key pair from the random source. */
    public static HostKey generate(SecureRandom random) {
        byte[] secret = new byte[Ed25519.SECRET_KEY_SIZE];
        random.nextBytes(secret);
        return new HostKey(secret);
    }

    /** Returns the 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Returns the protobuf-encoded public key ({@code 08 01 12 20 ‖ key}). */
    public byte[] publicKeyProtobuf() {
        return PublicKeys.encodeEd25519(publicKey);
    }

    /** Returns the peer id of this key. */
    public PeerId peerId() {
        return peerId;
    }

    /** Returns the 64-byte Ed25519 signature of the message. */
    public byte[] sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(secret, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** Returns whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || signature == null || publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "HostKey[" + peerId + "]";
    }

    /** Overwrites the secret; the key must not be used afterwards. */
    public void destroy() {
        Arrays.fill(secret, (byte) 0);
    }
}
