package io.zklayer.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The {@code Noise_XX_25519_ChaChaPoly_SHA256} handshake with an empty prologue, as libp2p's noise
 * spec uses it: three messages {@code -> e}, {@code <- e, ee, s, es}, {@code -> s, se}, each
 * carrying a payload (empty in the first message, the libp2p identity payload in the other two).
 *
 * <p>Pure state machine, no I/O: the caller alternates {@link #writeMessage} and
 * {@link #readMessage} and, after the third message, takes the two transport ciphers from
 * {@link #split}. Sizes: message 1 is 32 bytes plus payload, message 2 is 32 + 48 + payload + 16,
 * message 3 is 48 + payload + 16.
 */
public final class NoiseHandshake {
    private static final byte[] PROTOCOL_NAME =
            "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    private final boolean initiator;
    private final byte[] staticPrivate;
    private final byte[] staticPublic = new byte[32];
    private final byte[] ephemeralPrivate = new byte[32];
    private final byte[] ephemeralPublic = new byte[32];
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;
    private byte[] ck;
    private byte[] h;
    private CipherState cipher;
    private int step;
    private final MessageDigest sha256;
    private final Mac hmac;

    /**
     * Creates a handshake with the local static X25519 key and a fresh ephemeral key.
     *
     * @param initiator whether this side sends the first message (the dialer)
     */
    public NoiseHandshake(boolean initiator, byte[] staticPrivate, SecureRandom random) {
        this.initiator = initiator;
        this.staticPrivate = staticPrivate.clone();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("noise: JDK lacks SHA-256 or HmacSHA256", e);
        }
        X25519.generatePublicKey(this.staticPrivate, 0, staticPublic, 0);
        X25519.generatePrivateKey(random, ephemeralPrivate);
        X25519.generatePublicKey(ephemeralPrivate, 0, ephemeralPublic, 0);
        // Protocol name is exactly 32 bytes, so h = name, ck = h; then MixHash(prologue = empty).
        h = PROTOCOL_NAME.clone();
        ck = h.clone();
        mixHash(EMPTY);
    }

    /** Returns a fresh X25519 private key for use as a noise static key. */
    public static byte[] generateStaticKey(SecureRandom random) {
        byte[] k = new byte[32];
        X25519.generatePrivateKey(random, k);
        return k;
    }

    /** Returns the local static X25519 public key. */
    public byte[] localStaticPublicKey() {
        return staticPublic.clone();
    }

    /** Returns the remote static X25519 public key, known after message 2 (initiator) or 3 (responder). */
    public byte[] remoteStaticPublicKey() {
        if (remoteStatic == null) {
            throw new IllegalStateException("noise: remote static key not yet received");
        }
        return remoteStatic.clone();
    }

    /** Returns whether all three messages have been exchanged. */
    public boolean isComplete() {
        return step == 3;
    }

    /** Returns whether the next message is ours to write. */
    public boolean isMyTurn() {
        return (step % 2 == 0) == initiator;
    }

    /** Writes the next handshake message carrying {@code payload}. */
    public byte[] writeMessage(byte[] payload) {
        if (!isMyTurn() || step >= 3) {
            throw new IllegalStateException("noise: not our turn to write (step " + step + ")");
        }
        byte[] out;
        switch (step) {
            case 0 -> {
                mixHash(ephemeralPublic);
                out = concat(ephemeralPublic, encryptAndHash(payload));
            }
            case 1 -> {
                mixHash(ephemeralPublic);
                mixKey(dh(ephemeralPrivate, remoteEphemeral));
                byte[] s = encryptAndHash(staticPublic);
                mixKey(dh(staticPrivate, remoteEphemeral));
                out = concat(ephemeralPublic, concat(s, encryptAndHash(payload)));
            }
            default -> {
                byte[] s = encryptAndHash(staticPublic);
                mixKey(dh(staticPrivate, remoteEphemeral));
                out = concat(s, encryptAndHash(payload));
            }
        }
        step++;
        return out;
    }

    /**
     * Reads the next handshake message and returns its payload.
     *
     * @throws NoiseException if the message is too short or does not authenticate
     */
    public byte[] readMessage(byte[] message) {
        if (isMyTurn() || step >= 3) {
            throw new IllegalStateException("noise: not our turn to read (step " + step + ")");
        }
        byte[] payload;
        switch (step) {
            case 0 -> {
                require(message, 32, 1);
                remoteEphemeral = Arrays.copyOfRange(message, 0, 32);
                mixHash(remoteEphemeral);
                payload = decryptAndHash(message, 32);
            }
            case 1 -> {
                require(message, 32 + 48 + CipherState.TAG_LENGTH, 2);
                remoteEphemeral = Arrays.copyOfRange(message, 0, 32);
                mixHash(remoteEphemeral);
                mixKey(dh(ephemeralPrivate, remoteEphemeral));
                remoteStatic = decryptAndHash(Arrays.copyOfRange(message, 32, 80), 0);
                mixKey(dh(ephemeralPrivate, remoteStatic));
                payload = decryptAndHash(message, 80);
            }
            default -> {
                require(message, 48 + CipherState.TAG_LENGTH, 3);
                remoteStatic = decryptAndHash(Arrays.copyOfRange(message, 0, 48), 0);
                mixKey(dh(ephemeralPrivate, remoteStatic));
                payload = decryptAndHash(message, 48);
            }
        }
        step++;
        return payload;
    }

    /** Returns {send, receive} transport cipher states for this side once the handshake is complete. */
    public CipherState[] split() {
        if (!isComplete()) {
            throw new IllegalStateException("noise: split before the handshake completed");
        }
        byte[][] keys = hkdf(ck, EMPTY);
        CipherState c1 = new CipherState(Arrays.copyOf(keys[0], 32));
        CipherState c2 = new CipherState(Arrays.copyOf(keys[1], 32));
        return initiator ? new CipherState[] {c1, c2} : new CipherState[] {c2, c1};
    }

    /** Returns the handshake hash (channel binding), valid after completion. */
    public byte[] handshakeHash() {
        return h.clone();
    }

    private static void require(byte[] message, int min, int which) {
        if (message.length < min) {
            throw new NoiseException("noise: handshake message " + which + " has " + message.length
                    + " bytes, needs at least " + min);
        }
    }

    private byte[] encryptAndHash(byte[] plaintext) {
        byte[] out = cipher == null ? plaintext.clone() : cipher.encrypt(h, plaintext, 0, plaintext.length);
        mixHash(out);
        return out;
    }

    private byte[] decryptAndHash(byte[] message, int offset) {
        byte[] ct = Arrays.copyOfRange(message, offset, message.length);
        byte[] out = cipher == null ? ct : cipher.decrypt(h, ct, 0, ct.length);
        mixHash(ct);
        return out;
    }

    private void mixHash(byte[] data) {
        sha256.update(h);
        sha256.update(data);
        h = sha256.digest();
    }

    private void mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm);
        ck = out[0];
        cipher = new CipherState(Arrays.copyOf(out[1], 32));
    }

    private static byte[] dh(byte[] priv, byte[] pub) {
        byte[] out = new byte[32];
        if (!X25519.calculateAgreement(priv, 0, pub, 0, out, 0)) {
            throw new NoiseException("noise: X25519 agreement with a low-order public key");
        }
        return out;
    }

    private byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
        byte[] temp = hmac(chainingKey, ikm);
        byte[] out1 = hmac(temp, new byte[] {1});
        byte[] out2 = hmac(temp, concat(out1, new byte[] {2}));
        return new byte[][] {out1, out2};
    }

    private byte[] hmac(byte[] key, byte[] data) {
        try {
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
