package io.zklayer.primitives.types;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.hashing.Hashing;
import java.util.Arrays;

/**
 * A 32-byte hash, the chain's block, state-root and extrinsic hash (blake2b-256).
 *
 * <p>Encoded as its 32 bytes with no prefix: {@code H256.fromHex("0x1111…11")} encodes to the same
 * 32 bytes. Ordered like Rust's {@code [u8; 32]}: unsigned, byte by byte.
 */
public final class H256 implements Comparable<H256> {
    /** Byte length of a hash. */
    public static final int LENGTH = 32;
    /** The all-zero hash (the parent hash of a genesis header). */
    public static final H256 ZERO = new H256(new byte[LENGTH]);
    /** SCALE codec: the 32 bytes, no prefix. */
    public static final ScaleCodec<H256> CODEC =
            ScaleCodecs.map("H256", ScaleCodecs.fixedBytes(LENGTH), H256::new, h -> h.bytes);

    private final byte[] bytes;

    private H256(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("H256 takes 32 bytes, got " + bytes.length);
        }
        this.bytes = bytes;
    }

    /** Returns the hash with these 32 bytes (copied). */
    public static H256 of(byte[] bytes) {
        return new H256(bytes.clone());
    }

    /** Returns the hash written as 64 hex digits, with or without {@code 0x}. */
    public static H256 fromHex(String hex) {
        return new H256(Hex.decode(hex));
    }

    /** Returns blake2b-256 of {@code data}, the chain's hash function. */
    public static H256 blake2b256Of(byte[] data) {
        return new H256(Hashing.blake2b256(data));
    }

    /** Returns a copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns {@code 0x} and 64 lower-case hex digits. */
    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public int compareTo(H256 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof H256 h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns the full hex form, {@code 0x…}. */
    @Override
    public String toString() {
        return toHex();
    }
}
