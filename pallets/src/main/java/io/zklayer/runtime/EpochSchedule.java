package io.zklayer.runtime;

/**
 * The epoch schedule, counted in blocks: with epoch length {@code L}, block {@code n ≥ 1} is in
 * epoch {@code (n − 1) / L}. Epoch {@code e} runs from block {@code e·L + 1} to block
 * {@code (e + 1)·L}; the genesis block (0) belongs to no epoch and the state it leaves is that of
 * epoch 0. The validator set, the node pools and the epoch randomness change only in the last
 * block of an epoch, where the executive runs every pallet's {@link Pallet#onEpochChange} hook.
 *
 * <p>Example with {@code L = 10}: blocks 1…10 are epoch 0, block 10 runs {@code onEpochChange(1)},
 * blocks 11…20 are epoch 1.
 *
 * @param length the epoch length in blocks, 1…{@link #MAX_LENGTH}
 */
public record EpochSchedule(long length) {
    /** The longest epoch accepted, in blocks. */
    public static final long MAX_LENGTH = 1_000_000;

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException when the length is outside 1…{@link #MAX_LENGTH}
     */
    public EpochSchedule {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("epoch length " + length + " is outside 1…" + MAX_LENGTH + " blocks");
        }
    }

    /**
     * Returns the epoch of block {@code number} (≥ 1).
     *
     * @throws IllegalArgumentException for block 0, which is in no epoch
     */
    public long epochOf(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("block #" + number + " is in no epoch: epochs start at block #1");
        }
        return (number - 1) / length;
    }

    /** Returns whether block {@code number} (≥ 1) is the last of its epoch, where the epoch changes. */
    public boolean isLastBlockOfEpoch(long number) {
        return number >= 1 && number % length == 0;
    }

    /** Returns the first block of epoch {@code epoch}. */
    public long firstBlock(long epoch) {
        return Math.addExact(Math.multiplyExact(epoch, length), 1);
    }

    /** Returns the last block of epoch {@code epoch}. */
    public long lastBlock(long epoch) {
        return Math.multiplyExact(Math.addExact(epoch, 1), length);
    }
}
