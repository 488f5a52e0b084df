package io.zklayer.zk.msm;

import io.zklayer.zk.curve.G1Limbs;
import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.FpLimbs;
import io.zklayer.zk.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A multi-scalar multiplication table for fixed G1 bases (a proving key's H points): for every base Pᵢ
 * its multiples 2^(c·j)·Pᵢ, j &lt; W, as affine limbs. With the table, Σ kᵢ·Pᵢ needs no doublings and
 * no per-window bucket sums: scalar kᵢ = Σⱼ dᵢⱼ·2^(c·j) with signed c-bit digits dᵢⱼ, so the sum is
 * Σ_b b·B_b over one set of 2^(c−1) buckets, bucket b collecting ±2^(c·j)·Pᵢ for every digit ±b —
 * n·W batch-affine additions ({@link G1WindowSum}) and one bucket sum per task, against W bucket sums
 * and c·W doublings for plain Pippenger.
 *
 * <p>Memory: W·n affine points of 80 bytes; for 254-bit scalars and c = 13, W = 20, so 1,600 bytes per
 * base (26 MB for 2^14 bases). Building it costs c·(W − 1) batch-affine doublings per base (about 0.4 s of
 * one core for 2^14 bases), once per key. Bases must be affine (Z = 1) or infinity.
 */
public final class G1FixedMsm {
    /** Bits per window: 2^12 buckets. */
    static final int C = 13;
    private static final int SCALAR_BITS = 254;
    /** Windows: one digit per 13 bits of a 254-bit scalar plus the final carry (20·13 = 260 ≥ 255). */
    static final int WINDOWS = (SCALAR_BITS + 1 + C - 1) / C;
    private static final int E = FpLimbs.SIZE;
    private static final int AFF = G1Limbs.AFFINE;
    /** Points per batch of doublings sharing one inversion. */
    private static final int DOUBLING_BATCH = 1024;

    private final int count;
    private final long[] table; // point i, window j at ((i·WINDOWS) + j)·AFF
    private final boolean[] infinite; // per table entry

    private G1FixedMsm(int count, long[] table, boolean[] infinite) {
        this.count = count;
        this.table = table;
        this.infinite = infinite;
    }

    /**
     * Returns the heap the table of {@code bases} bases takes: per base, {@code WINDOWS} affine points
     * (limbs) and their infinity flags, e.g. 1,620 bytes per base, 26,542,080 bytes for 2^14 bases.
     */
    public static long tableBytes(int bases) {
        return Math.multiplyExact((long) bases, (long) WINDOWS * (AFF * Long.BYTES + 1));
    }

    /** Builds the table of {@code bases} (on {@link MsmPool}, in chunks of bases). */
    public static G1FixedMsm of(G1Point[] bases) {
        int n = bases.length;
        long[] table = new long[Math.multiplyExact(Math.multiplyExact(n, WINDOWS), AFF)];
        boolean[] infinite = new boolean[n * WINDOWS];
        int chunks = Math.max(1, Math.min(4 * MsmPool.THREADS, (n + DOUBLING_BATCH - 1) / DOUBLING_BATCH));
        int per = (n + chunks - 1) / chunks;
        List<Future<Void>> parts = new ArrayList<>();
        for (int from = 0; from < n; from += per) {
            int lo = from;
            int hi = Math.min(n, from + per);
            parts.add(MsmPool.submit(() -> {
                fill(bases, lo, hi, table, infinite);
                return null;
            }));
        }
        for (Future<Void> f : parts) {
            MsmPool.get(f);
        }
        return new G1FixedMsm(n, table, infinite);
    }

    /** Fills the table rows of bases [lo, hi): row j is 2^C times row j − 1, by batch-affine doublings. */
    private static void fill(G1Point[] bases, int lo, int hi, long[] table, boolean[] infinite) {
        int m = hi - lo;
        long[] cur = new long[m * AFF];
        boolean[] inf = new boolean[m];
        for (int i = 0; i < m; i++) {
            G1Point p = bases[lo + i];
            if (p.isInfinity()) {
                inf[i] = true;
            } else {
                G1Limbs.setAffine(cur, i * AFF, p.normalize());
            }
        }
        long[] work = new long[(2 * m + 8) * E];
        for (int j = 0; j < WINDOWS; j++) {
            if (j > 0) {
                for (int t = 0; t < C; t++) {
                    doubleAll(cur, inf, m, work);
                }
            }
            for (int i = 0; i < m; i++) {
                int entry = (lo + i) * WINDOWS + j;
                infinite[entry] = inf[i];
                if (!inf[i]) {
                    System.arraycopy(cur, i * AFF, table, entry * AFF, AFF);
                }
            }
        }
    }

    /**
     * Doubles every finite affine point of {@code pts} in place with one inversion: λ = 3x²/(2y), x' = λ² −
     * 2x, y' = λ·(x − x') − y (y ≠ 0: G1 has odd order, so no finite point has y = 0).
     */
    private static void doubleAll(long[] pts, boolean[] inf, int m, long[] work) {
        int prefix = m * E;
        int acc = 2 * m * E;
        int inv = acc + E;
        int lambda = inv + E;
        int t = lambda + E;
        int x3 = t + E;
        FpLimbs.setOne(work, acc);
        for (int i = 0; i < m; i++) {
            if (inf[i]) {
                continue;
            }
            int d = i * E;
            System.arraycopy(pts, i * AFF + E, work, d, E);
            FpLimbs.add(work, d, d, d); // 2y
            FpLimbs.normalize(work, d, d);
            FpLimbs.copy(work, prefix + d, acc);
            FpLimbs.mul(work, acc, acc, d);
        }
        FpLimbs.inverseVariableTime(work, acc, acc);
        for (int i = m - 1; i >= 0; i--) {
            if (inf[i]) {
                continue;
            }
            int d = i * E;
            int p = i * AFF;
            FpLimbs.mul(work, inv, acc, prefix + d); // 1/(2y)
            FpLimbs.mul(work, acc, acc, d);
            System.arraycopy(pts, p, work, t, E);
            FpLimbs.mul(work, lambda, t, t); // x²
            FpLimbs.mulSmall(work, lambda, lambda, 3); // 3x², limbs below 2^54, V < 6p
            FpLimbs.mul(work, lambda, lambda, inv);
            FpLimbs.mul(work, x3, lambda, lambda);
            FpLimbs.add(work, t, t, t); // 2x, a sum of two normal values
            FpLimbs.subSum(work, x3, x3, t);
            FpLimbs.normalize(work, x3, x3);
            System.arraycopy(pts, p, work, t, E); // x
            FpLimbs.sub(work, t, t, x3);
            FpLimbs.mul(work, t, lambda, t);
            System.arraycopy(pts, p + E, work, d, E); // y (its 2y slot is no longer needed)
            FpLimbs.sub(work, t, t, d);
            FpLimbs.normalize(work, t, t);
            System.arraycopy(work, x3, pts, p, E);
            System.arraycopy(work, t, pts, p + E, E);
        }
    }

    /** Returns the number of bases. */
    public int size() {
        return count;
    }

    /** Returns Σ scalars[i]·bases[i] over i &lt; min(size, scalars.length). */
    public G1Point msm(Fr[] scalars) {
        int n = Math.min(count, scalars.length);
        long[] plain = new long[4 * n];
        for (int i = 0; i < n; i++) {
            long[] l = scalars[i].toLimbs();
            System.arraycopy(l, 0, plain, 4 * i, 4);
        }
        return msm(plain, n);
    }

    /**
     * Returns Σ kᵢ·bases[i] over i &lt; n for scalars given by their standard values, four 64-bit limbs each
     * (least significant first) in {@code plain[4i..4i+3]}, each below 2^254. The windows are split among
     * {@link MsmPool}'s threads, each with its own buckets; the task sums are added in a fixed order.
     */
    public G1Point msm(long[] plain, int n) {
        if (n > count || plain.length < 4 * n) {
            throw new IllegalArgumentException("msm: " + n + " scalars for a table of " + count + " bases");
        }
        int tasks = Math.max(1, Math.min(MsmPool.THREADS, WINDOWS));
        int[][] windowDigits = new int[WINDOWS][n];
        for (int i = 0; i < n; i++) {
            int carry = 0;
            for (int j = 0; j < WINDOWS; j++) {
                int v = bits(plain, 4 * i, j * C) + carry;
                if (v > (1 << (C - 1))) {
                    v -= 1 << C;
                    carry = 1;
                } else {
                    carry = 0;
                }
                windowDigits[j][i] = v;
            }
            if (carry != 0) {
                throw new IllegalArgumentException("msm: scalar " + i + " has more than " + SCALAR_BITS + " bits");
            }
        }
        List<Future<G1Point>> parts = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int from = t * WINDOWS / tasks;
            int to = (t + 1) * WINDOWS / tasks;
            parts.add(MsmPool.submit(() -> sumWindows(windowDigits, n, from, to)));
        }
        G1Point acc = G1Point.INFINITY;
        for (Future<G1Point> f : parts) {
            acc = acc.add(MsmPool.get(f));
        }
        return acc;
    }

    /** Σ over windows [from, to) of Σᵢ dᵢⱼ·2^(c·j)·Pᵢ: one column of table entries into one bucket set. */
    private G1Point sumWindows(int[][] windowDigits, int n, int from, int to) {
        int entries = 0;
        for (int j = from; j < to; j++) {
            for (int i = 0; i < n; i++) {
                if (windowDigits[j][i] != 0) {
                    entries++;
                }
            }
        }
        int[] idx = new int[entries];
        int[] dig = new int[entries];
        int k = 0;
        // point by point, then window: consecutive entries mostly hit different buckets
        for (int i = 0; i < n; i++) {
            for (int j = from; j < to; j++) {
                int d = windowDigits[j][i];
                if (d != 0) {
                    idx[k] = i * WINDOWS + j;
                    dig[k] = d;
                    k++;
                }
            }
        }
        if (entries == 0) {
            return G1Point.INFINITY;
        }
        return G1WindowSum.of(table, infinite, idx, new int[][] {dig}, C)[0];
    }

    /** Returns bits [from, from + count) of the 256-bit value at l[o..o+3] (zero beyond bit 255). */
    private static int bits(long[] l, int o, int from) {
        if (from >= 256) {
            return 0;
        }
        int limb = from >>> 6;
        int shift = from & 63;
        long v = l[o + limb] >>> shift;
        if (shift + C > 64 && limb < 3) {
            v |= l[o + limb + 1] << (64 - shift);
        }
        return (int) (v & ((1L << C) - 1));
    }
}
