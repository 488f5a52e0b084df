package io.zklayer.runtime;

/**
 * Per-block limits: total weight, the share Normal extrinsics may use, and encoded length.
 *
 * @param maxWeight the most weight one block may hold
 * @param normalPercent the share (percent) of weight and length available to Normal extrinsics
 * @param maxLength the most bytes of extrinsics one block may hold
 * @param baseExtrinsicWeight weight charged per extrinsic on top of its call's
 */
public record BlockLimits(Weight maxWeight, int normalPercent, long maxLength, Weight baseExtrinsicWeight) {
    public BlockLimits {
        if (normalPercent < 1 || normalPercent > 100 || maxLength < 1) {
            throw new IllegalArgumentException("normal share must be 1…100% and length positive");
        }
    }

    /** Two seconds of reference time per block (blocks every 6 s leave room), 5 MiB, 75% for Normal. */
    public static BlockLimits defaults() {
        return new BlockLimits(new Weight(2 * Weight.REF_TIME_PER_SECOND, 5L << 20), 75, 5L << 20,
                Weight.ofRefTime(125_000_000));
    }

    /** Returns the weight Normal extrinsics may use. */
    public Weight maxNormalWeight() {
        return new Weight(maxWeight.refTime() / 100 * normalPercent, maxWeight.proofSize() / 100 * normalPercent);
    }

    /** Returns the length Normal extrinsics may use. */
    public long maxNormalLength() {
        return maxLength / 100 * normalPercent;
    }
}
