package io.zklayer.node.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What storage itself needs to know about a block without decoding its header: parent, state
 * root and number. Stored as {@code parentHash ‖ stateRoot ‖ number u32 LE} (68 bytes).
 *
 * @param parentHash the parent's hash (zeros for genesis)
 * @param stateRoot the root of the block's post-state
 * @param number the block number (u32)
 */
public record BlockInfo(byte[] parentHash, byte[] stateRoot, long number) {
    /** Checks lengths and the u32 range of the number. */
    public BlockInfo {
        if (parentHash.length != 32 || stateRoot.length != 32) {
            throw new IllegalArgumentException("block info: parent hash and state root are 32 bytes");
        }
        checkNumber(number);
        parentHash = parentHash.clone();
        stateRoot = stateRoot.clone();
    }

    static void checkNumber(long number) {
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("block number " + number + " is outside u32");
        }
    }

    @Override
    public byte[] parentHash() {
        return parentHash.clone();
    }

    @Override
    public byte[] stateRoot() {
        return stateRoot.clone();
    }

    byte[] encode() {
        return ByteBuffer.allocate(68).order(ByteOrder.LITTLE_ENDIAN).put(parentHash).put(stateRoot).putInt((int) number).array();
    }

    static BlockInfo decode(byte[] bytes) {
        if (bytes.length != 68) {
            throw new StorageException("storage: block info has " + bytes.length + " bytes, expected 68");
        }
        return new BlockInfo(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64),
                Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 64, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockInfo b && b.number == number && Arrays.equals(b.parentHash, parentHash) && Arrays.equals(b.stateRoot, stateRoot);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stateRoot) * 31 + Long.hashCode(number);
    }
}
