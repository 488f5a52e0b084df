package io.zklayer.primitives.crypto;

import io.zklayer.primitives.Hex;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A 32-byte ed25519 public key (RFC 8032 encoding), which is also the account id of its owner.
 *
 * <p>{@code //Alice}'s key is {@code 0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee},
 * SS58 (prefix 42) {@code 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu}. Any 32 bytes are
 * accepted as a key value; bytes that are not a curve point simply never verify a signature.
 */
public final class Ed25519PublicKey implements Comparable<Ed25519PublicKey> {
    /** Length of an encoded public key. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Ed25519PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the key with these 32 bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static Ed25519PublicKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("ed25519 public key must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        return new Ed25519PublicKey(bytes.clone());
    }

    /** Returns the key of {@code 0x}-prefixed (or bare) hex text of 64 digits. */
    public static Ed25519PublicKey fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    /**
     * Returns the key named by an SS58 address of any prefix.
     *
     * @throws Ss58Exception if the text is not a valid SS58 address
     */
    public static Ed25519PublicKey fromSs58(String address) {
        return Ss58.decode(address).ed25519();
    }

    /** Returns a copy of the 32 key bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the SS58 address of this key under {@code prefix} (0…16383). */
    public String toSs58(int prefix) {
        return Ss58.encode(prefix, bytes);
    }

    /** Returns the SS58 address of this key under the generic prefix 42. */
    public String toSs58() {
        return Ss58.encode(Ss58.GENERIC_PREFIX, bytes);
    }

    /**
     * Returns whether {@code signature} is a valid RFC 8032 ed25519 signature of {@code message}
     * by this key. Never throws for well-sized inputs: a key that is not a curve point, or a
     * signature whose scalar is not reduced, verifies as false.
     *
     * <p>The rules are BouncyCastle's strict RFC 8032 ones, which also refuse small-order keys
     * and points. Substrate verifies with ed25519-zebra (ZIP-215), which accepts those and some
     * non-canonical point encodings; signatures made by a real signer verify the same under both,
     * only crafted edge cases differ (for example the identity key with the all-identity signature,
     * which ZIP-215 accepts for any message and this method refuses).
     */
    public boolean verify(byte[] message, Ed25519Signature signature) {
        return Ed25519.verify(signature.rawBytes(), 0, bytes, 0, message, 0, message.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Orders keys by their bytes, unsigned, as Substrate orders account ids. */
    @Override
    public int compareTo(Ed25519PublicKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Returns the {@code 0x}-prefixed hex of the key. */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
