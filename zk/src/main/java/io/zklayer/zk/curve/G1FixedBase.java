package io.zklayer.zk.curve;

import io.zklayer.zk.field.Fr;

/**
 * Precomputed multiples of one fixed G1 point for fast scalar multiplication: table[i][j − 1] =
 * j·2^(4i)·P for 64 windows of 4 bits and j = 1..15, all affine. A product k·P is then at most 64
 * mixed additions (on limb arithmetic, {@link G1Limbs}) and no doublings. Costs 960 affine points (77 KB
 * of limbs) per base; a prepared verifying key keeps one per public input.
 */
public final class G1FixedBase {
    private static final int WINDOWS = 64;
    private final long[] table; // WINDOWS × 15 affine points in limbs
    private final boolean infinite; // the base is the point at infinity

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
        G1Point[] affine = G1Point.normalizeAll(t);
        this.infinite = base.isInfinity();
        this.table = new long[affine.length * G1Limbs.AFFINE];
        if (!infinite) {
            for (int i = 0; i < affine.length; i++) {
                G1Limbs.setAffine(table, i * G1Limbs.AFFINE, affine[i]);
            }
        }
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
        if (infinite) {
            return G1Point.INFINITY;
        }
        long[] m = new long[G1Limbs.POINT + G1Limbs.SCRATCH];
        G1Limbs.setInfinity(m, 0);
        int windows = (bits + 3) / 4;
        for (int i = 0; i < windows; i++) {
            int nibble = (int) (limbs[i >>> 4] >>> ((i & 15) * 4)) & 15;
            if (nibble != 0) {
                G1Limbs.addAffine(m, 0, 0, table, (i * 15 + nibble - 1) * G1Limbs.AFFINE, G1Limbs.POINT);
            }
        }
        return G1Limbs.get(m, 0);
    }
}
