package io.zklayer.primitives.hashing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The hash functions of the chain, byte for byte as Substrate computes them.
 *
 * <p>{@code blake2b256("abc".getBytes())} starts {@code 0xbddd813c…}; {@code twox128("System")} is
 * {@code 0x26aa394eea5630e07c48ae0c9558cef7}. Twox outputs are the xxHash64 digests with seeds 0, 1,
 * 2, … each written little-endian, one after the other.
 */
public final class Hashing {
    private Hashing() {}

    /** Returns the 16-byte blake2b digest of {@code data}. */
    public static byte[] blake2b128(byte[] data) {
        return blake2b(data, 16);
    }

    /** Returns the 32-byte blake2b digest of {@code data}: the chain's hash. */
    public static byte[] blake2b256(byte[] data) {
        return blake2b(data, 32);
    }

    /** Returns the 64-byte blake2b digest of {@code data}. */
    public static byte[] blake2b512(byte[] data) {
        return blake2b(data, 64);
    }

    /** Returns the blake2b digest of {@code data} with {@code outLen} bytes (1…64), unkeyed. */
    public static byte[] blake2b(byte[] data, int outLen) {
        Blake2bDigest digest = new Blake2bDigest(outLen * 8);
        digest.update(data, 0, data.length);
        byte[] out = new byte[outLen];
        digest.doFinal(out, 0);
        return out;
    }

    /** Returns the 8-byte twox64 hash (xxHash64 seed 0, little-endian). */
    public static byte[] twox64(byte[] data) {
        return twox(data, 1);
    }

    /** Returns the 16-byte twox128 hash (xxHash64 seeds 0 and 1, each little-endian). */
    public static byte[] twox128(byte[] data) {
        return twox(data, 2);
    }

    /** Returns the 32-byte twox256 hash (xxHash64 seeds 0…3, each little-endian). */
    public static byte[] twox256(byte[] data) {
        return twox(data, 4);
    }

    /** Returns the 32-byte keccak-256 digest (Ethereum's, not SHA3-256). */
    public static byte[] keccak256(byte[] data) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** Returns the 32-byte SHA-256 digest. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static byte[] twox(byte[] data, int lanes) {
        byte[] out = new byte[lanes * 8];
        for (int seed = 0; seed < lanes; seed++) {
            long h = XxHash64.hash(data, seed);
            for (int i = 0; i < 8; i++) {
                out[seed * 8 + i] = (byte) (h >>> (8 * i));
            }
        }
        return out;
    }
}
