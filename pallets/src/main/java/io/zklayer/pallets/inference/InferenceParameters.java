package io.zklayer.pallets.inference;

import java.math.BigInteger;

/**
 * The constants of the Inference pallet.
 *
 * @param minDeadline the fewest blocks a node may be given for a result
 * @param maxDeadline the most blocks a node may be given for a result
 * @param maxQueueLength the most workloads waiting for assignment (or on-chain execution)
 * @param maxQueueBlocks how long a workload may wait in the queue before it is refunded
 * @param maxAttempts how many times a workload is assigned before a miss refunds it
 * @param maxAssignmentsPerBlock the most assignments and on-chain runs in one block
 * @param maxOutputBytes the longest result output accepted
 * @param gasPerComputeUnit the gas an on-chain run may use per compute unit of the model
 * @param gasPrice the balance charged per gas used on chain (burned, as fees are)
 * @param maxOnChainGasPerBlock the most gas all on-chain runs of one block may be given
 * @param refTimePerGas the weight (reference time) charged to the block per gas used
 */
public record InferenceParameters(long minDeadline, long maxDeadline, int maxQueueLength, long maxQueueBlocks,
                                  int maxAttempts, int maxAssignmentsPerBlock, int maxOutputBytes,
                                  long gasPerComputeUnit, BigInteger gasPrice, long maxOnChainGasPerBlock,
                                  long refTimePerGas) {
    /** Checks the ranges. */
    public InferenceParameters {
        if (minDeadline < 1 || maxDeadline < minDeadline || maxQueueLength < 1 || maxQueueBlocks < 1 || maxAttempts < 1
                || maxAssignmentsPerBlock < 1 || maxOutputBytes < 1 || gasPerComputeUnit < 1 || gasPrice.signum() < 0
                || maxOnChainGasPerBlock < 1 || refTimePerGas < 0) {
            throw new IllegalArgumentException("inference: parameters out of range");
        }
    }

    /**
     * Returns the preset values: deadlines of 1…1000 blocks, a queue of 1024 workloads waiting at
     * most 200 blocks, 3 attempts, 128 assignments per block, outputs up to 4 KiB, 1000 gas per
     * compute unit at 1000 per gas (a million gas costs 10^9, i.e. 0.001 units), 200 million gas
     * of on-chain runs per block, 1000 reference-time units (1 ns) per gas.
     */
    public static InferenceParameters defaults() {
        return new InferenceParameters(1, 1000, 1024, 200, 3, 128, 4096, 1000, BigInteger.valueOf(1000),
                200_000_000L, 1000);
    }

    /** Returns the gas limit of an on-chain run of a model of {@code computeUnits}. */
    public long gasLimit(long computeUnits) {
        return Math.multiplyExact(computeUnits, gasPerComputeUnit);
    }
}
