package io.zklayer.runtime;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;

/**
 * Execution cost in Substrate's two dimensions: reference time (10^12 units = one second on the
 * reference machine) and proof size in bytes. SCALE: {@code {ref_time: Compact<u64>, proof_size:
 * Compact<u64>}}. Arithmetic saturates, as Substrate's does, so a weight never wraps.
 *
 * @param refTime picoseconds of reference execution time
 * @param proofSize bytes of storage proof
 */
public record Weight(long refTime, long proofSize) {
    /** No cost. */
    public static final Weight ZERO = new Weight(0, 0);

    /** Reference time units per second. */
    public static final long REF_TIME_PER_SECOND = 1_000_000_000_000L;

    /** SCALE codec. */
    public static final ScaleCodec<Weight> CODEC = ScaleRecord.of("Weight",
            ScaleRecord.field("ref_time", ScaleCodecs.COMPACT_U64, Weight::refTime),
            ScaleRecord.field("proof_size", ScaleCodecs.COMPACT_U64, Weight::proofSize),
            Weight::new);

    /** Checks both parts are non-negative. */
    public Weight {
        if (refTime < 0 || proofSize < 0) {
            throw new IllegalArgumentException("weight parts must be non-negative: " + refTime + ", " + proofSize);
        }
    }

    /** Returns a weight of {@code refTime} with no proof size. */
    public static Weight ofRefTime(long refTime) {
        return new Weight(refTime, 0);
    }

    /** Returns the saturating sum. */
    public Weight plus(Weight o) {
        return new Weight(saturatingAdd(refTime, o.refTime), saturatingAdd(proofSize, o.proofSize));
    }

    /** Returns this weight times {@code n}, saturating. */
    public Weight times(long n) {
        return new Weight(saturatingMul(refTime, n), saturatingMul(proofSize, n));
    }

    /** Returns whether either part exceeds {@code limit}'s. */
    public boolean anyGreaterThan(Weight limit) {
        return refTime > limit.refTime || proofSize > limit.proofSize;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
