package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fr;

/**
 * Precomputed multiples of one fixed G1 point for fast scalar multiplication: table[i][j − 1] =
 * j·2^(4i)·P for 64 windows of 4 bits and j = 1..15, all affine. A product k·P is then at most 64
 * mixed additions and no doublings. Costs 960 points (~160 KB on the heap) per base; a prepared verifying key keeps
 * one per public input.
 */
public final class G1FixedBase {
    private static final int WINDOWS = 64;
    private final G1Point[] table; // WINDOWS × 15

    /** Returns the table for {@code base}. */
    public G1FixedBase(G1Point base) {
        G1Point[] t = new G1Point[WINDOWS * 15];
        G1Point w = base;
        for (int i = 0; i < WINDOWS; i++) {
            G1Point m = w;
            for (int j = 0; j < 15; j++) {
                t[i * 15 + j] = m;
                m = m.add(w);
            }
            w = m; // 16·w
        }
        this.table = G1Point.normalizeAll(t);
    }

    /** Returns k·base; a "negative" k (above r/2, e.g. a signed circuit output) is computed as −((r − k)·base). */
    public G1Point mul(Fr k) {
        long[] limbs = k.toLimbs();
        long[] negLimbs = k.neg().toLimbs();
        int bits = bitLength(limbs);
        int negBits = bitLength(negLimbs);
        if (negBits < bits) {
            return mulLimbs(negLimbs, negBits).neg();
        }
        return mulLimbs(limbs, bits);
    }

    private static int bitLength(long[] l) {
        for (int i = 3; i >= 0; i--) {
            if (l[i] != 0) {
                return 64 * i + 64 - Long.numberOfLeadingZeros(l[i]);
            }
        }
        return 0;
    }

    private G1Point mulLimbs(long[] limbs, int bits) {
        G1Point acc = G1Point.INFINITY;
        int windows = (bits + 3) / 4;
        for (int i = 0; i < windows; i++) {
            int nibble = (int) (limbs[i >>> 4] >>> ((i & 15) * 4)) & 15;
            if (nibble != 0) {
                G1Point p = table[i * 15 + nibble - 1];
                if (!p.isInfinity()) {
                    acc = acc.isInfinity() ? p : acc.addAffine(p);
                }
            }
        }
        return acc;
    }
}
