package io.zklayer.zk.msm;

import io.zklayer.zk.field.Fr;

/**
 * The scalars of an MSM split into signed c-bit digits: scalar k = Σ dⱼ·2^(c·j) with
 * dⱼ ∈ [−2^(c−1), 2^(c−1)]. Zero scalars are dropped up front (circuit witnesses are full of them).
 */
final class SignedDigits {
    private final int[] indexes;
    private final int[] digits; // indexes.length × windows
    private final int window;
    private final int windows;

    private SignedDigits(int[] indexes, int[] digits, int window, int windows) {
        this.indexes = indexes;
        this.digits = digits;
        this.window = window;
        this.windows = windows;
    }

    /** Returns the bit length of the standard value with 64-bit limbs l (least significant first). */
    static int bitLength(long[] l) {
        for (int i = 3; i >= 0; i--) {
            if (l[i] != 0) {
                return 64 * i + 64 - Long.numberOfLeadingZeros(l[i]);
            }
        }
        return 0;
    }

    /**
     * Returns the standard values (four 64-bit limbs; null for zero) of min(k, r − k) for the first n
     * scalars, setting {@code negated[i]} where r − k is the shorter one (then kᵢ·P = (r − k)·(−P)).
     * Computed once per MSM: each scalar costs two conversions out of Montgomery form.
     */
    static long[][] shortestLimbs(Fr[] scalars, int n, boolean[] negated) {
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            Fr k = scalars[i];
            if (k.isZero()) {
                continue;
            }
            long[] l = k.toLimbs();
            long[] m = k.neg().toLimbs();
            negated[i] = bitLength(m) < bitLength(l);
            out[i] = negated[i] ? m : l;
        }
        return out;
    }

    /**
     * Returns the indexes i &lt; n whose value is one (standard limbs {1, 0, 0, 0}: a scalar 1, or r − 1 with
     * {@code negated[i]}) and clears them from {@code limbs}: circuit witnesses hold thousands of them, and
     * in a Pippenger window they would all meet in bucket 1, so MSMs sum those points on their own.
     */
    static int[] takeOnes(long[][] limbs, int n) {
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long[] l = limbs[i];
            if (l != null && l[0] == 1 && (l[1] | l[2] | l[3]) == 0) {
                out[count++] = i;
                limbs[i] = null;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Returns the indexes of the non-zero scalars in three classes: ≤ 32 bits, ≤ 128 bits, larger. */
    static int[][] sizeClasses(long[][] limbs, int n) {
        int[][] out = new int[3][n];
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            long[] l = limbs[i];
            if (l == null) {
                continue;
            }
            int c = (l[1] | l[2] | l[3]) == 0 && (l[0] >>> 32) == 0 ? 0 : (l[2] | l[3]) == 0 ? 1 : 2;
            out[c][counts[c]++] = i;
        }
        for (int c = 0; c < 3; c++) {
            out[c] = java.util.Arrays.copyOf(out[c], counts[c]);
        }
        return out;
    }

    /**
     * Returns the digits of the first n scalars, given by their standard values (null for zero), with the window size c minimizing
     * windows·(points + bucketCost·2^(c−1)): bucketCost is the price of summing one bucket relative to
     * adding one point into a bucket (two Jacobian additions against one batch-affine addition on G1).
     */
    static SignedDigits of(long[][] limbs, int n, int bucketCost) {
        int nonZero = 0;
        int maxBits = 0;
        for (int i = 0; i < n; i++) {
            if (limbs[i] != null) {
                long[] l = limbs[i];
                nonZero++;
                int bits = l[3] != 0 ? 256 - Long.numberOfLeadingZeros(l[3]) : l[2] != 0 ? 192 - Long.numberOfLeadingZeros(l[2])
                        : l[1] != 0 ? 128 - Long.numberOfLeadingZeros(l[1]) : 64 - Long.numberOfLeadingZeros(l[0]);
                maxBits = Math.max(maxBits, bits);
            }
        }
        int c = chooseWindow(nonZero, maxBits, bucketCost);
        int windows = (maxBits + c) / c; // one extra digit absorbs the final carry
        int[] idx = new int[nonZero];
        int[] dig = new int[nonZero * windows];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (limbs[i] == null) {
                continue;
            }
            idx[k] = i;
            long[] l = limbs[i];
            int carry = 0;
            for (int w = 0; w < windows; w++) {
                int v = bits(l, w * c, c) + carry;
                if (v > (1 << (c - 1))) {
                    v -= 1 << c;
                    carry = 1;
                } else {
                    carry = 0;
                }
                dig[k * windows + w] = v;
            }
            k++;
        }
        return new SignedDigits(idx, dig, c, windows);
    }

    private static int chooseWindow(int n, int maxBits, int bucketCost) {
        if (n == 0) {
            return 1;
        }
        int best = 2;
        long bestCost = Long.MAX_VALUE;
        for (int c = 2; c <= 16; c++) {
            long windows = (maxBits + c) / c;
            long cost = windows * (n + ((long) bucketCost << (c - 1)));
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
        }
        return best;
    }

    private static int bits(long[] l, int from, int count) {
        if (from >= 256) {
            return 0;
        }
        int limb = from >>> 6;
        int shift = from & 63;
        long v = l[limb] >>> shift;
        if (shift + count > 64 && limb < 3) {
            v |= l[limb + 1] << (64 - shift);
        }
        return (int) (v & ((1L << count) - 1));
    }

    int nonZero() {
        return indexes.length;
    }

    int window() {
        return window;
    }

    int windows() {
        return windows;
    }

    int[] indexes() {
        return indexes;
    }

    int digit(int k, int w) {
        return digits[k * windows + w];
    }

    /** Returns the digits of window w for every non-zero scalar, in {@link #indexes()} order. */
    int[] column(int w) {
        int[] out = new int[indexes.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = digits[k * windows + w];
        }
        return out;
    }
}
