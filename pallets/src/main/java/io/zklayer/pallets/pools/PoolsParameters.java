package io.zklayer.pallets.pools;

import io.zklayer.runtime.Permill;
import java.math.BigInteger;

/**
 * The constants of the Pools pallet.
 *
 * @param minBond the smallest bond a node may register with; a node slashed below it leaves at the next epoch
 * @param maxModelsPerNode the most models one node may serve
 * @param maxNodes the most registered nodes (bounds the work of the epoch change)
 * @param maxComputeUnitsPerEpoch the most compute units one node may offer per epoch
 * @param unbondingEpochs how many epochs a bond stays reserved after its node left
 * @param maxUnbondingChunks the most unbonding entries per account (later ones merge into the last)
 * @param missedDeadlineSlash the share of the bond slashed for a missed deadline
 * @param invalidResultSlash the share of the bond slashed for a result whose proof fails
 */
public record PoolsParameters(BigInteger minBond, int maxModelsPerNode, int maxNodes, long maxComputeUnitsPerEpoch,
                              long unbondingEpochs, int maxUnbondingChunks, Permill missedDeadlineSlash,
                              Permill invalidResultSlash) {
    /** Checks the ranges. */
    public PoolsParameters {
        if (minBond.signum() <= 0) {
            throw new IllegalArgumentException("pools: minBond must be positive");
        }
        if (maxModelsPerNode < 1 || maxNodes < 1 || maxComputeUnitsPerEpoch < 1 || maxUnbondingChunks < 1) {
            throw new IllegalArgumentException("pools: maxModelsPerNode, maxNodes, maxComputeUnitsPerEpoch and "
                    + "maxUnbondingChunks must be positive");
        }
        if (unbondingEpochs < 0) {
            throw new IllegalArgumentException("pools: unbondingEpochs must not be negative");
        }
    }

    /**
     * Returns the preset values: bond at least 100 units (of 10^12), 16 models per node, 256 nodes,
     * 10^9 compute units per epoch, 2 unbonding epochs, 8 unbonding chunks, 10% slashed for a missed
     * deadline and 50% for an invalid result.
     */
    public static PoolsParameters defaults(BigInteger unit) {
        return new PoolsParameters(unit.multiply(BigInteger.valueOf(100)), 16, 256, 1_000_000_000L, 2, 8,
                new Permill(100_000), new Permill(500_000));
    }
}
