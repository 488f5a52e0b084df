package io.zklayer.primitives.hashing;

import java.util.Arrays;

/**
 * The key hashers of Substrate storage maps.
 *
 * <p>{@code BLAKE2_128_CONCAT.hash(k)} = blake2b128(k) ‖ k; {@code TWOX_64_CONCAT.hash(k)} =
 * twox64(k) ‖ k; {@code IDENTITY.hash(k)} = k. The "concat" hashers keep the key readable after the
 * hash so that keys can be iterated and decoded. The ordinal order matches the metadata's
 * {@code StorageHasher} enum indexes given by {@link #metadataIndex()}.
 */
public enum StorageHasher {
    BLAKE2_128(0),
    BLAKE2_256(1),
    BLAKE2_128_CONCAT(2),
    TWOX_128(3),
    TWOX_256(4),
    TWOX_64_CONCAT(5),
    IDENTITY(6);

    private final int metadataIndex;

    StorageHasher(int metadataIndex) {
        this.metadataIndex = metadataIndex;
    }

    /** Returns the index of this hasher in Substrate's metadata {@code StorageHasher} enum. */
    public int metadataIndex() {
        return metadataIndex;
    }

    /** Returns the hashed form of an encoded key. */
    public byte[] hash(byte[] encodedKey) {
        return switch (this) {
            case BLAKE2_128 -> Hashing.blake2b128(encodedKey);
            case BLAKE2_256 -> Hashing.blake2b256(encodedKey);
            case BLAKE2_128_CONCAT -> concat(Hashing.blake2b128(encodedKey), encodedKey);
            case TWOX_128 -> Hashing.twox128(encodedKey);
            case TWOX_256 -> Hashing.twox256(encodedKey);
            case TWOX_64_CONCAT -> concat(Hashing.twox64(encodedKey), encodedKey);
            case IDENTITY -> encodedKey.clone();
        };
    }

    /** Returns how many bytes of hash precede the raw key in {@link #hash}, for concat hashers. */
    public int prefixLength() {
        return switch (this) {
            case BLAKE2_128_CONCAT -> 16;
            case TWOX_64_CONCAT -> 8;
            case IDENTITY -> 0;
            default -> throw new IllegalStateException(this + " does not keep the key: it has no prefix length");
        };
    }

    /** Returns whether the raw key can be read back from the hashed form. */
    public boolean isTransparent() {
        return this == BLAKE2_128_CONCAT || this == TWOX_64_CONCAT || this == IDENTITY;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
