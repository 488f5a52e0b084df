package io.zklayer.p2p.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise {@code CipherState}: a ChaCha20-Poly1305 key and a 64-bit nonce counter.
 *
 * <p>The 96-bit AEAD nonce is 4 zero bytes then the counter little-endian (Noise spec §5.1,
 * ChaChaPoly). Each encryption or decryption uses the next nonce; a counter of 2^64-1 is refused.
 * Not thread-safe: one connection owns it.
 */
public final class CipherState {
    /** The Poly1305 tag length. */
    public static final int TAG_LENGTH = 16;

    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] nonce = new byte[12];
    private long n;

    /** Creates a cipher state with a 32-byte key and nonce 0. */
    public CipherState(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("noise: cipher key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "ChaCha20");
        try {
            this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("noise: JDK lacks ChaCha20-Poly1305", e);
        }
    }

    private IvParameterSpec nextNonce() {
        if (n == -1L) {
            throw new IllegalStateException("noise: nonce exhausted");
        }
        long v = n++;
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (v >>> (8 * i));
        }
        return new IvParameterSpec(nonce);
    }

    /** Returns {@code ciphertext ‖ tag} of the plaintext with associated data {@code ad}. */
    public byte[] encrypt(byte[] ad, byte[] plaintext, int offset, int length) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
            if (ad.length > 0) {
                cipher.updateAAD(ad);
            }
            return cipher.doFinal(plaintext, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("noise: encryption failed", e);
        }
    }

    /**
     * Returns the plaintext of {@code ciphertext ‖ tag}.
     *
     * @throws NoiseException if the tag does not verify
     */
    public byte[] decrypt(byte[] ad, byte[] ciphertext, int offset, int length) {
        if (length < TAG_LENGTH) {
            throw new NoiseException("noise: ciphertext of " + length + " bytes is shorter than the 16-byte tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
            if (ad.length > 0) {
                cipher.updateAAD(ad);
            }
            return cipher.doFinal(ciphertext, offset, length);
        } catch (AEADBadTagException e) {
            throw new NoiseException("noise: authentication tag mismatch at nonce " + (n - 1));
        } catch (GeneralSecurityException e) {
            throw new NoiseException("noise: decryption failed: " + e.getMessage());
        }
    }

    /** Returns the next nonce value. */
    public long nonce() {
        return n;
    }
}
