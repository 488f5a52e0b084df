package io.zklayer.primitives.crypto;

import io.zklayer.primitives.Hex;
import java.util.Arrays;

/**
 * A 64-byte ed25519 signature, R ‖ S as RFC 8032 encodes it.
 *
 * <p>Signatures are deterministic: {@code //Alice} signing the bytes of {@code "hello"} always gives
 * {@code 0x0a29d0da…ba26f3b08}, the same bytes polkadot.js and Substrate produce.
 */
public final class Ed25519Signature {
    /** Length of a signature. */
    public static final int LENGTH = 64;

    private final byte[] bytes;

    private Ed25519Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Returns the signature with these 64 bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 64 bytes long
     */
    public static Ed25519Signature of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("ed25519 signature must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        return new Ed25519Signature(bytes.clone());
    }

    /** Returns the signature of hex text of 128 digits, with or without {@code 0x}. */
    public static Ed25519Signature fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    static Ed25519Signature wrap(byte[] owned) {
        return new Ed25519Signature(owned);
    }

    /** Returns a copy of the 64 signature bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the {@code 0x}-prefixed hex of the signature. */
    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
