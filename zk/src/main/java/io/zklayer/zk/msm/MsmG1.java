package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G1Limbs;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.FpLimbs;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ on G1 by Pippenger's bucket method with signed c-bit windows
 * (digits in [−2^(c−1), 2^(c−1)]), so each window needs 2^(c−1) buckets, filled by batch-affine
 * additions on limb arithmetic ({@link G1WindowSum}). Bases must be affine (Z = 1, as read from a zkey)
 * or infinity. The window size is chosen from the count of non-zero
 * scalars; windows are summed in parallel on {@link MsmPool}'s small fixed pool and combined in a
 * fixed order, so the result does not depend on scheduling.
 */
public final class MsmG1 {
    /** Buckets per batch-affine task: a few windows' worth, so that batches are large but tasks many. */
    private static final int TASK_BUCKETS = 4096;

    private MsmG1() {}

    /**
     * Returns Σ scalars[i]·bases[i] over i < min(lengths). A scalar k above r/2 is used as (r − k)·(−P),
     * scalars equal to one (or r − 1) are summed apart by a pairwise batch-affine sum, and the others are
     * split by size (≤ 32 bits, ≤ 128 bits, larger) with a window size per class, since
     * circuit witnesses are mostly bits and small signed integers (−v is r − v) with few full-size values.
     */
    public static G1Point msm(G1Point[] bases, Fr[] scalars) {
        int n = Math.min(bases.length, scalars.length);
        boolean[] negated = new boolean[n];
        long[][] small = SignedDigits.shortestLimbs(scalars, n, negated);
        int[] ones = SignedDigits.takeOnes(small, n);
        Future<G1Point> onesSum = MsmPool.submit(() -> sumOfOnes(bases, ones, negated));
        int[][] classes = SignedDigits.sizeClasses(small, n);
        G1Point acc = G1Point.INFINITY;
        for (int[] idx : classes) {
            if (idx.length == 0) {
                continue;
            }
            G1Point[] b = new G1Point[idx.length];
            long[][] k = new long[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                b[i] = negated[idx[i]] ? bases[idx[i]].neg() : bases[idx[i]];
                k[i] = small[idx[i]];
            }
            acc = acc.add(pippenger(b, k));
        }
        return acc.add(MsmPool.get(onesSum));
    }

    /** Returns Σ ±bases[i] over the scalar-one indexes (−P where the scalar is r − 1) by a pairwise sum. */
    private static G1Point sumOfOnes(G1Point[] bases, int[] ones, boolean[] negated) {
        long[] pts = new long[ones.length * G1Limbs.AFFINE];
        int count = 0;
        for (int i : ones) {
            if (!bases[i].isInfinity()) {
                G1Limbs.setAffine(pts, count * G1Limbs.AFFINE, negated[i] ? bases[i].neg() : bases[i]);
                count++;
            }
        }
        return G1WindowSum.sum(pts, count);
    }

    private static G1Point pippenger(G1Point[] bases, long[][] scalars) {
        int n = Math.min(bases.length, scalars.length);
        SignedDigits digits = SignedDigits.of(scalars, n, 4);
        if (digits.nonZero() == 0) {
            return G1Point.INFINITY;
        }
        int c = digits.window();
        int windows = digits.windows();
        long[] limbs = new long[n * G1Limbs.AFFINE];
        boolean[] infinite = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (bases[i].isInfinity()) {
                infinite[i] = true;
            } else {
                G1Limbs.setAffine(limbs, i * G1Limbs.AFFINE, bases[i]);
            }
        }
        int[] idx = digits.indexes();
        G1Point[] sums = new G1Point[windows];
        // batch-affine filling pays when a task holds enough buckets for large batches; at most
        // TASK_BUCKETS buckets and at least two tasks per thread keep the threads evenly busy
        int nb = 1 << (c - 1);
        int perTask = Math.max(1, Math.min(TASK_BUCKETS / nb, (windows + 2 * MsmPool.THREADS - 1) / (2 * MsmPool.THREADS)));
        perTask = Math.max(perTask, Math.min(windows, (G1WindowSum.MIN_BUCKETS + nb - 1) / nb));
        boolean batchAffine = (long) perTask * nb >= G1WindowSum.MIN_BUCKETS;
        int tasks = batchAffine ? (windows + perTask - 1) / perTask : windows;
        List<Future<G1Point[]>> parts = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int[][] cols = new int[(windows - t + tasks - 1) / tasks][]; // windows t, t + tasks, …
            for (int k = 0; k < cols.length; k++) {
                cols[k] = digits.column(t + k * tasks);
            }
            parts.add(MsmPool.submit(() -> batchAffine ? G1WindowSum.of(limbs, infinite, idx, cols, c)
                    : new G1Point[] {jacobianWindowSum(limbs, infinite, idx, cols[0], c)}));
        }
        for (int t = 0; t < tasks; t++) {
            G1Point[] part = MsmPool.get(parts.get(t));
            for (int k = 0; k < part.length; k++) {
                sums[t + k * tasks] = part[k];
            }
        }
        G1Point acc = G1Point.INFINITY;
        for (int w = windows - 1; w >= 0; w--) {
            for (int i = 0; i < c; i++) {
                acc = acc.dbl();
            }
            acc = acc.add(sums[w]);
        }
        return acc;
    }

    /** Returns one window's sum with Jacobian buckets and mixed additions (for windows with few buckets). */
    private static G1Point jacobianWindowSum(long[] bases, boolean[] infinite, int[] idx, int[] digits, int c) {
        int nb = 1 << (c - 1);
        int point = G1Limbs.POINT;
        long[] m = new long[(nb + 2) * point + G1Limbs.AFFINE + G1Limbs.SCRATCH];
        int neg = (nb + 2) * point;
        int s = neg + G1Limbs.AFFINE;
        for (int b = 0; b < nb; b++) {
            G1Limbs.setInfinity(m, b * point);
        }
        for (int k = 0; k < idx.length; k++) {
            int d = digits[k];
            if (d == 0 || infinite[idx[k]]) {
                continue;
            }
            int b = (Math.abs(d) - 1) * point;
            if (d > 0) {
                G1Limbs.addAffine(m, b, b, bases, idx[k] * G1Limbs.AFFINE, s);
            } else {
                System.arraycopy(bases, idx[k] * G1Limbs.AFFINE, m, neg, G1Limbs.AFFINE);
                FpLimbs.neg(m, neg + FpLimbs.SIZE, neg + FpLimbs.SIZE);
                FpLimbs.normalize(m, neg + FpLimbs.SIZE, neg + FpLimbs.SIZE);
                G1Limbs.addAffine(m, b, b, m, neg, s);
            }
        }
        int running = nb * point;
        int sum = running + point;
        G1Limbs.setInfinity(m, running);
        G1Limbs.setInfinity(m, sum);
        for (int b = nb - 1; b >= 0; b--) {
            G1Limbs.add(m, running, running, b * point, s);
            G1Limbs.add(m, sum, sum, running, s);
        }
        return G1Limbs.get(m, sum);
    }
}
