package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G2Limbs;
import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fp2Limbs;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ on G2 by Pippenger's bucket method with signed c-bit windows
 * (digits in [−2^(c−1), 2^(c−1)]), so each window needs 2^(c−1) buckets, filled by batch-affine additions
 * on Fp2 limb arithmetic ({@link G2WindowSum}; windows with too few buckets for that keep Jacobian buckets,
 * {@link G2Limbs}). Bases must be affine
 * (Z = 1, as read from a zkey) or infinity. The window size is chosen from the count of non-zero
 * scalars; windows are summed in parallel on {@link MsmPool}'s small fixed pool and combined in a
 * fixed order, so the result does not depend on scheduling.
 */
public final class MsmG2 {
    /** Buckets per batch-affine task (G2 buckets are twice the size of G1's). */
    private static final int TASK_BUCKETS = 2048;

    private MsmG2() {}

    /**
     * Returns Σ scalars[i]·bases[i] over i < min(lengths). A scalar k above r/2 is used as (r − k)·(−P),
     * scalars equal to one (or r − 1) are summed apart by a pairwise batch-affine sum, and the others are
     * split by size (≤ 32 bits, ≤ 128 bits, larger) with a window size per class, since
     * circuit witnesses are mostly bits and small signed integers (−v is r − v) with few full-size values.
     */
    public static G2Point msm(G2Point[] bases, Fr[] scalars) {
        int n = Math.min(bases.length, scalars.length);
        boolean[] negated = new boolean[n];
        long[][] small = SignedDigits.shortestLimbs(scalars, n, negated);
        int[] ones = SignedDigits.takeOnes(small, n);
        Future<G2Point> onesSum = MsmPool.submit(() -> sumOfOnes(bases, ones, negated));
        int[][] classes = SignedDigits.sizeClasses(small, n);
        G2Point acc = G2Point.INFINITY;
        for (int[] idx : classes) {
            if (idx.length == 0) {
                continue;
            }
            G2Point[] b = new G2Point[idx.length];
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
    private static G2Point sumOfOnes(G2Point[] bases, int[] ones, boolean[] negated) {
        long[] pts = new long[ones.length * G2Limbs.AFFINE];
        int count = 0;
        for (int i : ones) {
            if (!bases[i].isInfinity()) {
                G2Limbs.setAffine(pts, count * G2Limbs.AFFINE, negated[i] ? bases[i].neg() : bases[i]);
                count++;
            }
        }
        return G2WindowSum.sum(pts, count);
    }

    private static G2Point pippenger(G2Point[] bases, long[][] scalars) {
        int n = Math.min(bases.length, scalars.length);
        SignedDigits digits = SignedDigits.of(scalars, n, 4);
        if (digits.nonZero() == 0) {
            return G2Point.INFINITY;
        }
        int c = digits.window();
        int windows = digits.windows();
        long[] limbs = new long[n * G2Limbs.AFFINE];
        boolean[] infinite = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (bases[i].isInfinity()) {
                infinite[i] = true;
            } else {
                G2Limbs.setAffine(limbs, i * G2Limbs.AFFINE, bases[i]);
            }
        }
        int[] idx = digits.indexes();
        G2Point[] sums = new G2Point[windows];
        // as in MsmG1: batch-affine tasks of at most TASK_BUCKETS buckets, at least two per thread
        int nb = 1 << (c - 1);
        int perTask = Math.max(1, Math.min(TASK_BUCKETS / nb, (windows + 2 * MsmPool.THREADS - 1) / (2 * MsmPool.THREADS)));
        perTask = Math.max(perTask, Math.min(windows, (G2WindowSum.MIN_BUCKETS + nb - 1) / nb));
        boolean batchAffine = (long) perTask * nb >= G2WindowSum.MIN_BUCKETS;
        int tasks = batchAffine ? (windows + perTask - 1) / perTask : windows;
        List<Future<G2Point[]>> parts = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int[][] cols = new int[(windows - t + tasks - 1) / tasks][]; // windows t, t + tasks, …
            for (int k = 0; k < cols.length; k++) {
                cols[k] = digits.column(t + k * tasks);
            }
            parts.add(MsmPool.submit(() -> batchAffine ? G2WindowSum.of(limbs, infinite, idx, cols, c)
                    : new G2Point[] {windowSum(limbs, infinite, idx, cols[0], c)}));
        }
        for (int t = 0; t < tasks; t++) {
            G2Point[] part = MsmPool.get(parts.get(t));
            for (int k = 0; k < part.length; k++) {
                sums[t + k * tasks] = part[k];
            }
        }
        G2Point acc = G2Point.INFINITY;
        for (int w = windows - 1; w >= 0; w--) {
            for (int i = 0; i < c; i++) {
                acc = acc.dbl();
            }
            acc = acc.add(sums[w]);
        }
        return acc;
    }

    /** Returns one window's Σ b·B_b with Jacobian buckets on limb arithmetic (mixed additions). */
    private static G2Point windowSum(long[] bases, boolean[] infinite, int[] idx, int[] digits, int c) {
        int nb = 1 << (c - 1);
        int point = G2Limbs.POINT;
        int base = (nb + 2) * point;
        int s = base + G2Limbs.AFFINE;
        long[] m = new long[s + G2Limbs.SCRATCH];
        for (int b = 0; b < nb; b++) {
            G2Limbs.setInfinity(m, b * point);
        }
        for (int k = 0; k < idx.length; k++) {
            int d = digits[k];
            if (d == 0 || infinite[idx[k]]) {
                continue;
            }
            System.arraycopy(bases, idx[k] * G2Limbs.AFFINE, m, base, G2Limbs.AFFINE);
            if (d < 0) {
                Fp2Limbs.neg(m, base + Fp2Limbs.SIZE, base + Fp2Limbs.SIZE);
            }
            int b = (Math.abs(d) - 1) * point;
            G2Limbs.addAffine(m, b, b, base, s);
        }
        int running = nb * point;
        int sum = running + point;
        G2Limbs.setInfinity(m, running);
        G2Limbs.setInfinity(m, sum);
        for (int b = nb - 1; b >= 0; b--) {
            G2Limbs.add(m, running, running, b * point, s);
            G2Limbs.add(m, sum, sum, running, s);
        }
        return G2Limbs.get(m, sum);
    }
}
