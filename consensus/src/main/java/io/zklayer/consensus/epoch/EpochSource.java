package io.zklayer.consensus.epoch;

import io.zklayer.primitives.types.H256;

/**
 * Where consensus reads epochs from: the state a block leaves holds the epoch of the blocks built
 * on it (the last block of epoch {@code e} switches the state to epoch {@code e + 1}; genesis
 * holds epoch 0). Authorship reads the parent's; finality reads the epoch that a set's first
 * block leaves.
 */
public interface EpochSource {
    /**
     * Returns the epoch of blocks built on block {@code parentHash}, read from its state.
     *
     * @throws IllegalStateException when that state is unavailable or holds no validator set
     */
    EpochData epochAfter(H256 parentHash);

    /** Returns the epoch length in blocks (at least 1). */
    long epochLength();

    /** Returns the epoch of block {@code number} (≥ 1): {@code (number − 1) / L}. */
    default long epochOf(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("block #" + number + " is in no epoch: epochs start at block #1");
        }
        return (number - 1) / epochLength();
    }

    /** Returns the last block of epoch {@code epoch}: {@code (epoch + 1) · L}, where the next epoch's set is fixed. */
    default long lastBlockOf(long epoch) {
        return Math.multiplyExact(Math.addExact(epoch, 1), epochLength());
    }
}
