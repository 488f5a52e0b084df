package io.zklayer.consensus.epoch;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import java.util.List;
import java.util.Objects;

/**
 * What consensus needs to know about one epoch: its index, its validator set (who authors its
 * slots and who votes on finality) and its randomness (which orders the authors).
 *
 * @param epoch the epoch index (block {@code n ≥ 1} is in epoch {@code (n − 1) / L})
 * @param validators the epoch's validator set as the runtime stores it, non-empty, no duplicates
 * @param randomness the epoch's chain-derived randomness
 */
public record EpochData(long epoch, List<AccountId32> validators, H256 randomness) {
    /** Checks and copies. */
    public EpochData {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch index is negative: " + epoch);
        }
        validators = List.copyOf(validators);
        Objects.requireNonNull(randomness, "randomness");
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("epoch " + epoch + ": the validator set is empty");
        }
        if (validators.stream().distinct().count() != validators.size()) {
            throw new IllegalArgumentException("epoch " + epoch + ": the validator set lists a validator twice");
        }
    }
}
