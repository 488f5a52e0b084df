package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G2Point;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ on G2 by Pippenger's bucket method with signed c-bit windows
 * (digits in [−2^(c−1), 2^(c−1)]), so each window needs 2^(c−1) buckets. Bases must be affine
 * (Z = 1, as read from a zkey) or infinity. The window size is chosen from the count of non-zero
 * scalars; windows are summed in parallel on {@link MsmPool}'s small fixed pool and combined in a
 * fixed order, so the result does not depend on scheduling.
 */
public final class MsmG2 {
    private MsmG2() {}

    /**
     * Returns Σ scalars[i]·bases[i] over i < min(lengths). A scalar k above r/2 is used as (r − k)·(−P),
     * and scalars are split by size (≤ 32 bits, ≤ 128 bits, larger) with a window size per class, since
     * circuit witnesses are mostly bits and small signed integers (−v is r − v) with few full-size values.
     */
    public static G2Point msm(G2Point[] bases, Fr[] scalars) {
        int n = Math.min(bases.length, scalars.length);
        Fr[] small = new Fr[n];
        boolean[] negated = new boolean[n];
        for (int i = 0; i < n; i++) {
            Fr k = scalars[i];
            Fr m = k.neg();
            negated[i] = SignedDigits.bitLength(m) < SignedDigits.bitLength(k);
            small[i] = negated[i] ? m : k;
        }
        int[][] classes = SignedDigits.sizeClasses(small, n);
        G2Point acc = G2Point.INFINITY;
        for (int[] idx : classes) {
            if (idx.length == 0) {
                continue;
            }
            G2Point[] b = new G2Point[idx.length];
            Fr[] k = new Fr[idx.length];
            for (int i = 0; i < idx.length; i++) {
                b[i] = negated[idx[i]] ? bases[idx[i]].neg() : bases[idx[i]];
                k[i] = small[idx[i]];
            }
            acc = acc.add(pippenger(b, k));
        }
        return acc;
    }

    private static G2Point pippenger(G2Point[] bases, Fr[] scalars) {
        int n = Math.min(bases.length, scalars.length);
        SignedDigits digits = SignedDigits.of(scalars, n, 2);
        if (digits.nonZero() == 0) {
            return G2Point.INFINITY;
        }
        int c = digits.window();
        int windows = digits.windows();
        List<Future<G2Point>> parts = new ArrayList<>(windows);
        for (int w = 0; w < windows; w++) {
            final int win = w;
            parts.add(MsmPool.submit(() -> windowSum(bases, digits, win, c)));
        }
        G2Point acc = G2Point.INFINITY;
        for (int w = windows - 1; w >= 0; w--) {
            for (int i = 0; i < c; i++) {
                acc = acc.dbl();
            }
            acc = acc.add(MsmPool.get(parts.get(w)));
        }
        return acc;
    }

    private static G2Point windowSum(G2Point[] bases, SignedDigits digits, int win, int c) {
        G2Point[] buckets = new G2Point[1 << (c - 1)];
        java.util.Arrays.fill(buckets, G2Point.INFINITY);
        int[] idx = digits.indexes();
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            int d = digits.digit(k, win);
            if (d == 0) {
                continue;
            }
            G2Point p = bases[i];
            if (p.isInfinity()) {
                continue;
            }
            int b = Math.abs(d) - 1;
            G2Point q = d > 0 ? p : p.neg();
            buckets[b] = buckets[b].isInfinity() ? q : buckets[b].addAffine(q);
        }
        G2Point running = G2Point.INFINITY;
        G2Point sum = G2Point.INFINITY;
        for (int b = buckets.length - 1; b >= 0; b--) {
            running = running.add(buckets[b]);
            sum = sum.add(running);
        }
        return sum;
    }
}
