package io.zklayer.node.storage;

import io.zklayer.primitives.Hex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A pointer to a block: its hash and number, as stored for genesis, best and finalized
 * ({@code hash ‖ number u32 LE}, 36 bytes).
 *
 * @param hash the block hash (32 bytes)
 * @param number the block number
 */
public record ChainHead(byte[] hash, long number) {
    /** Checks the hash length and the u32 range of the number. */
    public ChainHead {
        if (hash.length != 32) {
            throw new IllegalArgumentException("chain head: hash is 32 bytes, got " + hash.length);
        }
        BlockInfo.checkNumber(number);
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    byte[] encode() {
        return ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN).put(hash).putInt((int) number).array();
    }

    static ChainHead decode(byte[] bytes, String what) {
        if (bytes.length != 36) {
            throw new StorageException("storage: " + what + " pointer has " + bytes.length + " bytes, expected 36");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] h = new byte[32];
        b.get(h);
        return new ChainHead(h, Integer.toUnsignedLong(b.getInt()));
    }

    @Override
    public String toString() {
        return "#" + number + " (" + Hex.shortForm(hash) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainHead h && h.number == number && java.util.Arrays.equals(h.hash, hash);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash) * 31 + Long.hashCode(number);
    }
}
