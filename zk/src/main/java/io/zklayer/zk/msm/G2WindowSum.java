package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G2Limbs;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp2;
import io.zklayer.zk.field.Fp2Limbs;
import io.zklayer.zk.field.FpLimbs;

/**
 * Windows of a G2 Pippenger MSM on Fp2 limb arithmetic, the G2 twin of {@link G1WindowSum}: for each
 * window Σ_b b·B_b, the buckets affine and filled by batch-affine additions that share one Fp2 inversion
 * per batch ({@link Fp2Limbs#inverseVariableTime}: one Fp inversion of the norm). A batch-affine sum
 * costs five Fp2 products and a squaring (three for the shared inversion, λ, λ², λ·(x_B − x₃)) against
 * eight products and three squarings for a mixed Jacobian addition. Points whose bucket is already in the
 * batch wait for the next pass; after {@link #PASSES} passes the rest go into Jacobian accumulators. The
 * exceptional sums (P + P, P − P) are done on the spot with {@link G2Point}; the buckets are then summed by
 * running sums in Jacobian coordinates.
 */
final class G2WindowSum {
    private static final int E = Fp2Limbs.SIZE;
    private static final int AFF = G2Limbs.AFFINE;
    /** Additions per shared inversion (fewer when there are fewer than 4·BATCH buckets). */
    static final int BATCH = 512;
    /** Below this many buckets in all, batches would be too small to pay for their inversions. */
    static final int MIN_BUCKETS = 256;
    /** Batch-affine passes over the points before the rest go to Jacobian accumulators. */
    static final int PASSES = 2;
    private static final int TEMPS = 8;

    private final long[] bases; // affine limbs, AFF per point
    private final boolean[] infinite;
    private final long[] buckets;
    private final boolean[] full;
    private final int[] stamp;
    private final int batchSize;
    private final int[] batchBucket;
    private final int[] batchPoint;
    private final boolean[] batchNeg;
    private final long[] work; // denominators, prefix products, temporaries, scratch, two Jacobian points
    private final int scratch;
    private int round = 1;
    private int pending;
    private int[] overflowSlot; // per bucket: offset of its Jacobian accumulator in overflow, or −1
    private long[] overflow;
    private int overflowUsed;

    private G2WindowSum(long[] bases, boolean[] infinite, int bucketCount) {
        this.bases = bases;
        this.infinite = infinite;
        this.buckets = new long[bucketCount * AFF];
        this.full = new boolean[bucketCount];
        this.stamp = new int[bucketCount];
        this.batchSize = Math.max(1, Math.min(BATCH, bucketCount / 4));
        this.batchBucket = new int[batchSize];
        this.batchPoint = new int[batchSize];
        this.batchNeg = new boolean[batchSize];
        this.scratch = 2 * batchSize * E + TEMPS * E;
        int jacobian = Math.max(Fp2Limbs.SCRATCH, G2Limbs.SCRATCH);
        this.work = new long[scratch + jacobian + 3 * G2Limbs.POINT];
    }

    /**
     * Returns the sums of the given windows: column w of {@code digits} holds the digits (in [−2^(c−1),
     * 2^(c−1)], c ≤ 16) of the points {@code indexes[k]} in that window; {@code bases} holds every
     * point's affine limbs and {@code infinite} marks points at infinity.
     */
    static G2Point[] of(long[] bases, boolean[] infinite, int[] indexes, int[][] digits, int c) {
        int nb = 1 << (c - 1);
        G2WindowSum w = new G2WindowSum(bases, infinite, digits.length * nb);
        long[] list = new long[digits.length * indexes.length];
        int n = 0;
        // point by point, all windows: consecutive entries hit different windows' buckets
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
        G2Point[] sums = new G2Point[digits.length];
        for (int win = 0; win < digits.length; win++) {
            sums[win] = w.reduce(win * nb, nb);
        }
        return sums;
    }

    /**
     * Returns the sum of the affine points at pts[i·AFF] for i &lt; count (none at infinity) by a pairwise
     * tree of batch-affine additions, one shared inversion per level, as {@link G1WindowSum#sum}.
     * Overwrites {@code pts}.
     */
    static G2Point sum(long[] pts, int count) {
        int scratchSize = Math.max(Fp2Limbs.SCRATCH, 2 * FpLimbs.SIZE);
        long[] work = new long[(count + 6) * E + scratchSize];
        int n = count;
        while (n > 1) {
            int pairs = n / 2;
            int prefix = pairs * E;
            int acc = 2 * pairs * E;
            int inv = acc + E;
            int lambda = inv + E;
            int x3 = lambda + E;
            int t = x3 + E;
            int s = t + E;
            int out = 0;
            Fp2Limbs.setOne(work, acc);
            boolean[] special = new boolean[pairs];
            for (int i = 0; i < pairs; i++) {
                int d = i * E;
                System.arraycopy(pts, (2 * i + 1) * AFF, work, d, E);
                System.arraycopy(pts, 2 * i * AFF, work, t, E);
                Fp2Limbs.sub(work, d, d, t);
                if (Fp2Limbs.isZero(work, d)) {
                    special[i] = true; // P + P or P − P: done below with G2Point
                    continue;
                }
                Fp2Limbs.copy(work, prefix + d, acc);
                Fp2Limbs.mul(work, acc, acc, d, s);
            }
            Fp2Limbs.inverseVariableTime(work, acc, acc, s);
            long[] next = new long[(pairs + 1) * AFF];
            boolean[] gone = new boolean[pairs];
            for (int i = pairs - 1; i >= 0; i--) {
                int a = 2 * i * AFF;
                int b = a + AFF;
                int o = i * AFF;
                if (special[i]) {
                    G2Point sum = affinePoint(pts, a, false).add(affinePoint(pts, b, false)).normalize();
                    if (sum.isInfinity()) {
                        gone[i] = true;
                    } else {
                        G2Limbs.setAffine(next, o, sum);
                    }
                    continue;
                }
                int d = i * E;
                Fp2Limbs.mul(work, inv, acc, prefix + d, s);
                Fp2Limbs.mul(work, acc, acc, d, s);
                System.arraycopy(pts, b + E, work, lambda, E);
                System.arraycopy(pts, a + E, work, t, E);
                Fp2Limbs.sub(work, lambda, lambda, t);
                Fp2Limbs.mul(work, lambda, lambda, inv, s);
                Fp2Limbs.square(work, x3, lambda, s);
                System.arraycopy(pts, a, work, t, E);
                System.arraycopy(pts, b, work, d, E);
                Fp2Limbs.addLazy(work, d, d, t);
                Fp2Limbs.subSum(work, x3, x3, d);
                Fp2Limbs.normalize(work, x3, x3);
                Fp2Limbs.sub(work, t, t, x3);
                Fp2Limbs.mul(work, t, lambda, t, s);
                System.arraycopy(pts, a + E, work, d, E);
                Fp2Limbs.sub(work, t, t, d);
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
                System.arraycopy(pts, (n - 1) * AFF, pts, out * AFF, AFF);
                out++;
            }
            n = out;
        }
        return n == 0 ? G2Point.INFINITY : affinePoint(pts, 0, false);
    }

    private static long encode(int point, int bucket, boolean neg) {
        return ((long) point << 32) | ((long) bucket << 1) | (neg ? 1 : 0);
    }

    private int tmp(int i) {
        return 2 * batchSize * E + i * E;
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
                System.arraycopy(bases, point * AFF, buckets, b * AFF, AFF);
                if (neg) {
                    Fp2Limbs.neg(buckets, b * AFF + E, b * AFF + E);
                }
                full[b] = true;
                continue;
            }
            if (addToBatch(b, point, neg) && pending == batchSize) {
                flush();
            }
        }
        flush();
        return deferred;
    }

    /** Queues bucket b += ±P; returns false if the sum was exceptional and has been done directly. */
    private boolean addToBatch(int b, int point, boolean neg) {
        int den = pending * E;
        int xb = tmp(0);
        System.arraycopy(bases, point * AFF, work, den, E);
        System.arraycopy(buckets, b * AFF, work, xb, E);
        Fp2Limbs.sub(work, den, den, xb); // x_P − x_B, normal
        if (Fp2Limbs.isZero(work, den)) {
            exceptional(b, point, neg);
            return false;
        }
        batchBucket[pending] = b;
        batchPoint[pending] = point;
        batchNeg[pending] = neg;
        stamp[b] = round;
        pending++;
        return true;
    }

    /** B_b ← B_b ± P when x_P = x_B: doubling if the points are equal, else the bucket empties. */
    private void exceptional(int b, int point, boolean neg) {
        G2Point bucket = affinePoint(buckets, b * AFF, false);
        G2Point p = affinePoint(bases, point * AFF, neg);
        G2Point sum = bucket.add(p).normalize();
        if (sum.isInfinity()) {
            full[b] = false;
        } else {
            G2Limbs.setAffine(buckets, b * AFF, sum);
        }
    }

    private static G2Point affinePoint(long[] m, int o, boolean neg) {
        Fp2 x = Fp2Limbs.get(m, o);
        Fp2 y = Fp2Limbs.get(m, o + E);
        return new G2Point(x, neg ? y.neg() : y, Fp2.ONE);
    }

    /** Applies the queued additions with one inversion of the product of their denominators. */
    private void flush() {
        if (pending == 0) {
            round++;
            return;
        }
        int prefix = batchSize * E;
        int acc = tmp(0);
        int s = scratch;
        Fp2Limbs.setOne(work, acc);
        for (int k = 0; k < pending; k++) {
            Fp2Limbs.copy(work, prefix + k * E, acc); // product of the denominators before k
            Fp2Limbs.mul(work, acc, acc, k * E, s);
        }
        Fp2Limbs.inverseVariableTime(work, acc, acc, s);
        int inv = tmp(1);
        int lambda = tmp(2);
        int x3 = tmp(3);
        int t = tmp(4);
        int u = tmp(5);
        for (int k = pending - 1; k >= 0; k--) {
            Fp2Limbs.mul(work, inv, acc, prefix + k * E, s); // 1/den_k
            Fp2Limbs.mul(work, acc, acc, k * E, s);
            int bo = batchBucket[k] * AFF;
            int po = batchPoint[k] * AFF;
            // λ = (y_P − y_B)/(x_P − x_B)
            System.arraycopy(bases, po + E, work, u, E);
            System.arraycopy(buckets, bo + E, work, t, E);
            if (batchNeg[k]) {
                Fp2Limbs.addLazy(work, u, u, t); // −(y_P + y_B)
                Fp2Limbs.normalize(work, u, u);
                Fp2Limbs.neg(work, u, u);
            } else {
                Fp2Limbs.sub(work, u, u, t);
            }
            Fp2Limbs.mul(work, lambda, u, inv, s);
            // x3 = λ² − x_B − x_P
            Fp2Limbs.square(work, x3, lambda, s);
            System.arraycopy(buckets, bo, work, t, E);
            System.arraycopy(bases, po, work, u, E);
            Fp2Limbs.addLazy(work, u, u, t); // x_P + x_B, a sum of two normal values
            Fp2Limbs.subSum(work, x3, x3, u);
            Fp2Limbs.normalize(work, x3, x3);
            // y3 = λ·(x_B − x3) − y_B
            Fp2Limbs.sub(work, t, t, x3);
            Fp2Limbs.mul(work, t, lambda, t, s);
            System.arraycopy(buckets, bo + E, work, u, E);
            Fp2Limbs.sub(work, t, t, u);
            System.arraycopy(work, x3, buckets, bo, E);
            System.arraycopy(work, t, buckets, bo + E, E);
        }
        pending = 0;
        round++;
    }

    /** Adds the entry's ±P to its bucket's Jacobian accumulator (created at infinity on first use). */
    private void addJacobian(long e) {
        int point = (int) (e >>> 32);
        int b = (int) e >>> 1;
        boolean neg = (e & 1) == 1;
        int tail = AFF + G2Limbs.SCRATCH;
        if (overflowSlot == null) {
            overflowSlot = new int[full.length];
            java.util.Arrays.fill(overflowSlot, -1);
            overflow = new long[16 * G2Limbs.POINT + tail];
        }
        if (overflowSlot[b] < 0) {
            int need = (overflowUsed + 1) * G2Limbs.POINT + tail;
            if (need > overflow.length) {
                overflow = java.util.Arrays.copyOf(overflow, 2 * need);
            }
            overflowSlot[b] = overflowUsed * G2Limbs.POINT;
            overflowUsed++;
            G2Limbs.setInfinity(overflow, overflowSlot[b]);
        }
        int o = overflowSlot[b];
        int p = overflow.length - tail;
        int s = p + AFF;
        System.arraycopy(bases, point * AFF, overflow, p, AFF);
        if (neg) {
            Fp2Limbs.neg(overflow, p + E, p + E);
        }
        G2Limbs.addAffine(overflow, o, o, p, s);
    }

    /** Returns Σ b·B_b over buckets [from, from + count) = Σ_b (B_top + … + B_b) by running sums. */
    private G2Point reduce(int from, int count) {
        int s = scratch;
        int running = work.length - 3 * G2Limbs.POINT;
        int sum = running + G2Limbs.POINT;
        int o = sum + G2Limbs.POINT;
        G2Limbs.setInfinity(work, running);
        G2Limbs.setInfinity(work, sum);
        boolean any = false;
        for (int b = from + count - 1; b >= from; b--) {
            if (full[b]) {
                System.arraycopy(buckets, b * AFF, work, o, AFF);
                G2Limbs.addAffine(work, running, running, o, s);
                any = true;
            }
            if (overflowSlot != null && overflowSlot[b] >= 0) {
                System.arraycopy(overflow, overflowSlot[b], work, o, G2Limbs.POINT);
                G2Limbs.add(work, running, running, o, s);
                any = true;
            }
            if (any) {
                G2Limbs.add(work, sum, sum, running, s);
            }
        }
        return G2Limbs.get(work, sum);
    }
}
