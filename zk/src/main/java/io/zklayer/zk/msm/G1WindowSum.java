package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G1Limbs;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fp;
import io.zklayer.zk.field.FpLimbs;

/**
 * Windows of a G1 Pippenger MSM on limb arithmetic: for each window, Σ_b b·B_b where bucket B_b collects
 * ±Pᵢ for the scalars whose digit in that window is ±b. Several windows are filled together, so that one
 * batch can hold many distinct buckets.
 *
 * <p>Buckets are kept affine and filled by batch-affine addition: up to {@link #BATCH} additions to
 * distinct buckets are gathered, their denominators x_P − x_B inverted together (Montgomery's trick:
 * three products each plus one inversion per batch), then each sum costs two products and a squaring —
 * about six products per point instead of eleven for a mixed Jacobian addition. A point whose bucket is
 * already in the current batch waits for the next pass; after {@link #PASSES} passes the points still
 * waiting (many points in few buckets, as in the top window) go by mixed Jacobian addition into a second,
 * Jacobian accumulator of their bucket. The exceptional sums (P + P, P − P) are done on the spot. The
 * buckets are then summed by the running-sum method in Jacobian coordinates.
 */
final class G1WindowSum {
    private static final int E = FpLimbs.SIZE;
    private static final int AFF = G1Limbs.AFFINE;
    /** Additions per shared inversion (fewer when there are fewer than 4·BATCH buckets). */
    static final int BATCH = 1024;
    /** Below this many buckets in all, batches would be too small to pay for their inversions. */
    static final int MIN_BUCKETS = 1024;
    /** Batch-affine passes over the points before the rest go to Jacobian accumulators. */
    static final int PASSES = 2;

    private final long[] bases; // affine limbs, AFF per point
    private final boolean[] infinite;
    private final long[] buckets;
    private final boolean[] full;
    private final int[] stamp;
    private final int batchSize;
    private final int[] batchBucket;
    private final int[] batchPoint;
    private final boolean[] batchNeg;
    private final long[] work; // denominators, prefix products, temporaries
    private int round = 1;
    private int pending;
    private int[] overflowSlot; // per bucket: offset of its Jacobian accumulator in overflow, or −1
    private long[] overflow;
    private int overflowUsed;

    private G1WindowSum(long[] bases, boolean[] infinite, int bucketCount) {
        this.bases = bases;
        this.infinite = infinite;
        this.buckets = new long[bucketCount * AFF];
        this.full = new boolean[bucketCount];
        this.stamp = new int[bucketCount];
        this.batchSize = Math.max(1, Math.min(BATCH, bucketCount / 4));
        this.batchBucket = new int[batchSize];
        this.batchPoint = new int[batchSize];
        this.batchNeg = new boolean[batchSize];
        this.work = new long[2 * batchSize * E + 8 * E + G1Limbs.SCRATCH + 2 * G1Limbs.POINT];
    }

    /**
     * Returns the sums of the given windows: column w of {@code digits} holds the digits (in [−2^(c−1),
     * 2^(c−1)], c ≤ 16) of the points {@code indexes[k]} in that window; {@code bases} holds every
     * point's affine limbs and {@code infinite} marks points at infinity. Needs at least
     * {@link #MIN_BUCKETS} buckets in all (windows·2^(c−1)).
     */
    static G1Point[] of(long[] bases, boolean[] infinite, int[] indexes, int[][] digits, int c) {
        int nb = 1 << (c - 1);
        G1WindowSum w = new G1WindowSum(bases, infinite, digits.length * nb);
        long[] list = new long[digits.length * indexes.length];
        int n = 0;
        // point by point, all windows: consecutive entries hit different windows' buckets, so a batch
        // draws on every bucket of the task and few entries wait
        for (int k = 0; k < indexes.length; k++) {
            if (infinite[indexes[k]]) {
                continue;
            }
            for (int win = 0; win < digits.length; win++) {
                int d = digits[win][k];
                if (d != 0) {
                    list[n++] = encode(indexes[k], win * nb + Math.abs(d) - 1, d < 0);
                }
            }
        }
        for (int pass = 0; pass < PASSES && n > 0; pass++) {
            n = w.pass(list, n);
        }
        for (int k = 0; k < n; k++) {
            w.addJacobian(list[k]);
        }
        G1Point[] sums = new G1Point[digits.length];
        for (int win = 0; win < digits.length; win++) {
            sums[win] = w.reduce(win * nb, nb);
        }
        return sums;
    }

    /**
     * Returns the sum of the affine points at pts[i·AFF] for i &lt; count (none at infinity) by a pairwise
     * tree: each level adds points 2i and 2i + 1 by batch-affine additions sharing one inversion, so a sum
     * of n points costs n − 1 batch-affine additions and about log₂ n inversions (for the many scalar-one
     * terms of a witness MSM, which would otherwise all meet in one bucket). Overwrites {@code pts}.
     */
    static G1Point sum(long[] pts, int count) {
        long[] work = new long[(count + 6) * E];
        int n = count;
        while (n > 1) {
            int pairs = n / 2;
            int prefix = pairs * E;
            int acc = 2 * pairs * E;
            int inv = acc + E;
            int lambda = inv + E;
            int x3 = lambda + E;
            int t = x3 + E;
            int out = 0; // points written to the front of pts so far
            FpLimbs.setOne(work, acc);
            boolean[] special = new boolean[pairs];
            for (int i = 0; i < pairs; i++) {
                int d = i * E;
                System.arraycopy(pts, (2 * i + 1) * AFF, work, d, E);
                System.arraycopy(pts, 2 * i * AFF, work, t, E);
                FpLimbs.sub(work, d, d, t);
                if (FpLimbs.isZero(work, d)) {
                    special[i] = true; // P + P or P − P: done below with G1Point
                    continue;
                }
                FpLimbs.normalize(work, d, d);
                FpLimbs.copy(work, prefix + d, acc);
                FpLimbs.mul(work, acc, acc, d);
            }
            FpLimbs.inverseVariableTime(work, acc, acc);
            long[] next = new long[(pairs + 1) * AFF];
            boolean[] gone = new boolean[pairs];
            for (int i = pairs - 1; i >= 0; i--) {
                int a = 2 * i * AFF;
                int b = a + AFF;
                int o = i * AFF;
                if (special[i]) {
                    G1Point sum = affinePoint(pts, a, false).add(affinePoint(pts, b, false)).normalize();
                    if (sum.isInfinity()) {
                        gone[i] = true;
                    } else {
                        G1Limbs.setAffine(next, o, sum);
                    }
                    continue;
                }
                int d = i * E;
                FpLimbs.mul(work, inv, acc, prefix + d); // 1/(x_b − x_a)
                FpLimbs.mul(work, acc, acc, d);
                // λ = (y_b − y_a)/(x_b − x_a), x3 = λ² − x_a − x_b, y3 = λ·(x_a − x3) − y_a
                System.arraycopy(pts, b + E, work, lambda, E);
                System.arraycopy(pts, a + E, work, t, E);
                FpLimbs.sub(work, lambda, lambda, t);
                FpLimbs.mul(work, lambda, lambda, inv);
                FpLimbs.mul(work, x3, lambda, lambda);
                System.arraycopy(pts, a, work, t, E);
                System.arraycopy(pts, b, work, d, E); // den_i is no longer needed
                FpLimbs.add(work, d, d, t);
                FpLimbs.subSum(work, x3, x3, d);
                FpLimbs.normalize(work, x3, x3);
                FpLimbs.sub(work, t, t, x3);
                FpLimbs.mul(work, t, lambda, t);
                System.arraycopy(pts, a + E, work, d, E);
                FpLimbs.sub(work, t, t, d);
                FpLimbs.normalize(work, t, t);
                System.arraycopy(work, x3, next, o, E);
                System.arraycopy(work, t, next, o + E, E);
            }
            for (int i = 0; i < pairs; i++) {
                if (!gone[i]) {
                    System.arraycopy(next, i * AFF, pts, out * AFF, AFF);
                    out++;
                }
            }
            if (n % 2 == 1) {
                System.arraycopy(pts, (n - 1) * AFF, pts, out * AFF, AFF); // out ≤ pairs < n − 1
                out++;
            }
            n = out;
        }
        return n == 0 ? G1Point.INFINITY : affinePoint(pts, 0, false);
    }

    private static long encode(int point, int bucket, boolean neg) {
        // point index in the high 32 bits, bucket and sign in the low 32
        return ((long) point << 32) | ((long) bucket << 1) | (neg ? 1 : 0);
    }

    /** Processes {@code n} entries of {@code list}; returns how many were deferred (moved to its front). */
    private int pass(long[] list, int n) {
        int deferred = 0;
        for (int k = 0; k < n; k++) {
            long e = list[k];
            int point = (int) (e >>> 32);
            int b = (int) e >>> 1;
            boolean neg = (e & 1) == 1;
            if (stamp[b] == round) {
                list[deferred++] = e;
                continue;
            }
            if (!full[b]) {
                setBucket(b, point, neg);
                continue;
            }
            if (!addToBatch(b, point, neg)) {
                continue; // done on the spot (exceptional sum)
            }
            if (pending == batchSize) {
                flush();
            }
        }
        flush();
        return deferred;
    }

    private void setBucket(int b, int point, boolean neg) {
        int o = b * AFF;
        System.arraycopy(bases, point * AFF, buckets, o, AFF);
        if (neg) {
            FpLimbs.neg(buckets, o + E, o + E);
            FpLimbs.normalize(buckets, o + E, o + E);
        }
        full[b] = true;
    }

    /** Queues bucket b += ±P; returns false if the sum was exceptional and has been done directly. */
    private boolean addToBatch(int b, int point, boolean neg) {
        int den = pending * E;
        FpLimbs.sub(work, den, bases, point * AFF, buckets, b * AFF); // x_P − x_B (lazy, below 7p)
        if (FpLimbs.isZero(work, den)) {
            exceptional(b, point, neg);
            return false;
        }
        FpLimbs.normalize(work, den, den);
        batchBucket[pending] = b;
        batchPoint[pending] = point;
        batchNeg[pending] = neg;
        stamp[b] = round;
        pending++;
        return true;
    }

    /** B_b ← B_b ± P when x_P = x_B: doubling if the points are equal, else the bucket empties. */
    private void exceptional(int b, int point, boolean neg) {
        G1Point bucket = affinePoint(buckets, b * AFF, false);
        G1Point p = affinePoint(bases, point * AFF, neg);
        G1Point sum = bucket.add(p).normalize();
        if (sum.isInfinity()) {
            full[b] = false;
        } else {
            G1Limbs.setAffine(buckets, b * AFF, sum);
        }
    }

    private static G1Point affinePoint(long[] m, int o, boolean neg) {
        Fp x = FpLimbs.get(m, o);
        Fp y = FpLimbs.get(m, o + E);
        return new G1Point(x, neg ? y.neg() : y, Fp.ONE);
    }

    private int tmp(int i) {
        return 2 * batchSize * E + i * E;
    }

    /** Adds the entry's ±P to its bucket's Jacobian accumulator (created at infinity on first use). */
    private void addJacobian(long e) {
        int point = (int) (e >>> 32);
        int b = (int) e >>> 1;
        boolean neg = (e & 1) == 1;
        if (overflowSlot == null) {
            overflowSlot = new int[full.length];
            java.util.Arrays.fill(overflowSlot, -1);
            overflow = new long[16 * G1Limbs.POINT + AFF + G1Limbs.SCRATCH];
        }
        if (overflowSlot[b] < 0) {
            int need = (overflowUsed + 1) * G1Limbs.POINT + AFF + G1Limbs.SCRATCH;
            if (need > overflow.length) {
                overflow = java.util.Arrays.copyOf(overflow, 2 * need);
            }
            overflowSlot[b] = overflowUsed * G1Limbs.POINT;
            overflowUsed++;
            G1Limbs.setInfinity(overflow, overflowSlot[b]);
        }
        int o = overflowSlot[b];
        int p = overflow.length - AFF - G1Limbs.SCRATCH;
        int s = overflow.length - G1Limbs.SCRATCH;
        System.arraycopy(bases, point * AFF, overflow, p, AFF);
        if (neg) {
            FpLimbs.neg(overflow, p + E, p + E);
            FpLimbs.normalize(overflow, p + E, p + E);
        }
        G1Limbs.addAffine(overflow, o, o, overflow, p, s);
    }

    /** Applies the queued additions with one inversion of the product of their denominators. */
    private void flush() {
        if (pending == 0) {
            round++;
            return;
        }
        int prefix = batchSize * E;
        int acc = tmp(0);
        FpLimbs.setOne(work, acc);
        for (int k = 0; k < pending; k++) {
            FpLimbs.copy(work, prefix + k * E, acc); // product of the denominators before k
            FpLimbs.mul(work, acc, acc, k * E);
        }
        FpLimbs.inverseVariableTime(work, acc, acc);
        int inv = tmp(1);
        int lambda = tmp(2);
        int x3 = tmp(3);
        int t = tmp(4);
        for (int k = pending - 1; k >= 0; k--) {
            FpLimbs.mul(work, inv, acc, prefix + k * E); // 1/den_k
            FpLimbs.mul(work, acc, acc, k * E);
            int bo = batchBucket[k] * AFF;
            int po = batchPoint[k] * AFF;
            // λ = (±y_P − y_B)/(x_P − x_B), read from the base and bucket arrays in place
            if (batchNeg[k]) {
                FpLimbs.neg(work, lambda, bases, po + E); // 4p − y_P: limbs below 2^53, V < 4p
                FpLimbs.sub(work, lambda, work, lambda, buckets, bo + E); // below 8p, limbs below 2^54
            } else {
                FpLimbs.sub(work, lambda, bases, po + E, buckets, bo + E); // below 7p
            }
            FpLimbs.mul(work, lambda, lambda, inv); // 8p·2p
            // x3 = λ² − x_B − x_P
            FpLimbs.mul(work, x3, lambda, lambda);
            FpLimbs.add(work, t, buckets, bo, bases, po); // x_B + x_P, a sum of two normal values
            FpLimbs.subSum(work, x3, x3, t);
            FpLimbs.normalize(work, x3, x3);
            // y3 = λ·(x_B − x3) − y_B, written over y_B; then x3 over x_B
            FpLimbs.sub(work, t, buckets, bo, work, x3);
            FpLimbs.mul(work, t, lambda, t); // 2p·7p
            FpLimbs.sub(buckets, bo + E, work, t, buckets, bo + E);
            FpLimbs.normalize(buckets, bo + E, bo + E);
            System.arraycopy(work, x3, buckets, bo, E);
        }
        pending = 0;
        round++;
    }

    /** Returns Σ b·B_b over buckets [from, from + count) = Σ_b (B_top + … + B_b) by running sums. */
    private G1Point reduce(int from, int count) {
        int s = tmp(6);
        int running = s + G1Limbs.SCRATCH;
        int sum = running + G1Limbs.POINT;
        G1Limbs.setInfinity(work, running);
        G1Limbs.setInfinity(work, sum);
        boolean any = false;
        int o = tmp(0);
        for (int b = from + count - 1; b >= from; b--) {
            if (full[b]) {
                G1Limbs.addAffine(work, running, running, buckets, b * AFF, s);
                any = true;
            }
            if (overflowSlot != null && overflowSlot[b] >= 0) {
                System.arraycopy(overflow, overflowSlot[b], work, o, G1Limbs.POINT);
                G1Limbs.add(work, running, running, o, s);
                any = true;
            }
            if (any) {
                G1Limbs.add(work, sum, sum, running, s);
            }
        }
        return G1Limbs.get(work, sum);
    }
}
