package io.zklayer.zk.field;

/**
 * Allocation-free Fp12 arithmetic on elements stored as two Fp6 elements: c0 (coefficient of 1) at +0
 * and c1 (coefficient of w) at +{@link Fp6Limbs#SIZE}. The same element as
 * {@code new Fp12(c0, c1)}; the pairing's Miller loop and final exponentiation run on these.
 *
 * <p>Scratch and aliasing follow {@link Fp2Limbs}: {@code m[s, s + SCRATCH)} is used, a result may
 * overwrite an input but not the scratch; the sparse line factors of {@link #mulBy034} and
 * {@link #mulBy34} must not overlap the result.
 */
public final class Fp12Limbs {
    /** Longs per element. */
    public static final int SIZE = 2 * Fp6Limbs.SIZE;
    /** Longs of scratch the methods here use. */
    public static final int SCRATCH = 4 * Fp6Limbs.SIZE + Fp6Limbs.SCRATCH;
    private static final int H = Fp6Limbs.SIZE;
    private static final int E = Fp2Limbs.SIZE;
    /** FROBENIUS[n] holds the six Fp2 factors ξ^(k·(q^n − 1)/6), k = 0..5, for n = 1..3. */
    private static final long[][] FROBENIUS = new long[4][];
    /** The power of w of each Fp2 coefficient in memory order c0.c0, c0.c1, c0.c2, c1.c0, c1.c1, c1.c2. */
    private static final int[] W_POWER = {0, 2, 4, 1, 3, 5};

    static {
        for (int n = 1; n <= 3; n++) {
            FROBENIUS[n] = new long[6 * Fp2Limbs.SIZE];
            for (int k = 0; k < 6; k++) {
                Fp2Limbs.set(FROBENIUS[n], k * Fp2Limbs.SIZE, Fp12.FROBENIUS[n][k]);
            }
        }
    }

    private Fp12Limbs() {}

    /** Writes x at {@code r}. */
    public static void set(long[] m, int r, Fp12 x) {
        Fp6Limbs.set(m, r, x.c0);
        Fp6Limbs.set(m, r + H, x.c1);
    }

    /** Returns the element at {@code a}. */
    public static Fp12 get(long[] m, int a) {
        return new Fp12(Fp6Limbs.get(m, a), Fp6Limbs.get(m, a + H));
    }

    /** Writes one at {@code r}. */
    public static void setOne(long[] m, int r) {
        java.util.Arrays.fill(m, r, r + SIZE, 0L);
        FpLimbs.setOne(m, r);
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, SIZE);
    }

    /** Returns true if the elements at {@code a} and {@code b} are equal. */
    public static boolean equal(long[] m, int a, int b) {
        for (int i = 0; i < SIZE; i += FpLimbs.SIZE) {
            if (!FpLimbs.equal(m, a + i, b + i)) {
                return false;
            }
        }
        return true;
    }

    /** r ← a·b (Karatsuba over Fp6: three Fp6 products). */
    public static void mul(long[] m, int r, int a, int b, int s) {
        int aa = s;
        int bb = s + H;
        int x = s + 2 * H;
        int y = s + 3 * H;
        int w = s + 4 * H;
        Fp6Limbs.mul(m, aa, a, b, w);
        Fp6Limbs.mul(m, bb, a + H, b + H, w);
        Fp6Limbs.add(m, x, a, a + H);
        Fp6Limbs.add(m, y, b, b + H);
        Fp6Limbs.mul(m, x, x, y, w);
        Fp6Limbs.sub(m, x, x, aa);
        Fp6Limbs.sub(m, r + H, x, bb);
        Fp6Limbs.mulByV(m, bb, bb, w);
        Fp6Limbs.add(m, r, aa, bb);
    }

    /** r ← a² (complex squaring: two Fp6 products). */
    public static void square(long[] m, int r, int a, int s) {
        int ab = s;
        int x = s + H;
        int y = s + 2 * H;
        int w = s + 4 * H;
        Fp6Limbs.mul(m, ab, a, a + H, w);
        Fp6Limbs.add(m, x, a, a + H);
        Fp6Limbs.mulByV(m, y, a + H, w);
        Fp6Limbs.add(m, y, y, a);
        Fp6Limbs.mul(m, x, x, y, w);
        Fp6Limbs.sub(m, x, x, ab);
        Fp6Limbs.mulByV(m, y, ab, w);
        Fp6Limbs.sub(m, r, x, y);
        Fp6Limbs.dbl(m, r + H, ab);
    }

    /**
     * r ← a·(d0 + d3·w + d4·v·w), the sparse shape of a D-twist line evaluation (non-zero coefficients at
     * w^0, w^1 and w^3); d0, d3, d4 are Fp2 offsets.
     */
    public static void mulBy034(long[] m, int r, int a, int d0, int d3, int d4, int s) {
        int ta = s;
        int tb = s + H;
        int x = s + 2 * H;
        int d = s + 3 * H;
        int w = s + 4 * H;
        Fp6Limbs.mulByFp2(m, ta, a, d0, w);
        Fp6Limbs.mulBy01(m, tb, a + H, d3, d4, w);
        Fp6Limbs.add(m, x, a, a + H);
        Fp2Limbs.add(m, d, d0, d3);
        Fp6Limbs.mulBy01(m, x, x, d, d4, w);
        Fp6Limbs.sub(m, x, x, ta);
        Fp6Limbs.sub(m, r + H, x, tb);
        Fp6Limbs.mulByV(m, tb, tb, w);
        Fp6Limbs.add(m, r, tb, ta);
    }

    /** r ← a·(1 + d3·w + d4·v·w): {@link #mulBy034} with d0 = 1, for lines scaled to a leading one. */
    public static void mulBy34(long[] m, int r, int a, int d3, int d4, int s) {
        int tb = s;
        int x = s + H;
        int d = s + 2 * H;
        int w = s + 4 * H;
        Fp6Limbs.mulBy01(m, tb, a + H, d3, d4, w);
        Fp6Limbs.add(m, x, a, a + H);
        Fp2Limbs.setOne(m, d);
        Fp2Limbs.add(m, d, d, d3);
        Fp6Limbs.mulBy01(m, x, x, d, d4, w);
        Fp6Limbs.sub(m, x, x, a);
        Fp6Limbs.sub(m, r + H, x, tb);
        Fp6Limbs.mulByV(m, tb, tb, w);
        Fp6Limbs.add(m, r, tb, a);
    }

    /** r ← conjugate of a (c0 − c1·w) = a^(q^6); the inverse for elements of the cyclotomic subgroup. */
    public static void conjugate(long[] m, int r, int a) {
        Fp6Limbs.copy(m, r, a);
        Fp6Limbs.neg(m, r + H, a + H);
    }

    /** r ← a^−1 (a must be non-zero). */
    public static void inverse(long[] m, int r, int a, int s) {
        int t = s;
        int u = s + H;
        int w = s + 2 * H;
        Fp6Limbs.square(m, t, a, w);
        Fp6Limbs.square(m, u, a + H, w);
        Fp6Limbs.mulByV(m, u, u, w);
        Fp6Limbs.sub(m, t, t, u);
        Fp6Limbs.inverse(m, t, t, w);
        Fp6Limbs.mul(m, r, a, t, w);
        Fp6Limbs.mul(m, r + H, a + H, t, w);
        Fp6Limbs.neg(m, r + H, r + H);
    }

    /** r ← a^(q^n) for n in 1..3. */
    public static void frobenius(long[] m, int r, int a, int n, int s) {
        if (n < 1 || n > 3) {
            throw new IllegalArgumentException("frobenius power must be 1..3: " + n);
        }
        long[] f = FROBENIUS[n];
        boolean odd = (n & 1) == 1;
        int c = s;
        int w = s + E;
        for (int i = 0; i < 6; i++) {
            int src = a + E * i;
            int dst = r + E * i;
            if (odd) {
                Fp2Limbs.conjugate(m, dst, src);
            } else {
                Fp2Limbs.copy(m, dst, src);
            }
            System.arraycopy(f, W_POWER[i] * E, m, c, E);
            Fp2Limbs.mul(m, dst, dst, c, w);
        }
    }

    /**
     * r ← a² for a in the cyclotomic subgroup (after the easy part of the final exponentiation), by
     * Granger–Scott: three Fp4 squarings, nine Fp2 squarings in all.
     */
    public static void cyclotomicSquare(long[] m, int r, int a, int s) {
        // memory order c0.c0, c0.c1, c0.c2, c1.c0, c1.c1, c1.c2 = z0, z4, z3, z2, z1, z5
        int z0 = a;
        int z4 = a + E;
        int z3 = a + 2 * E;
        int z2 = a + 3 * E;
        int z1 = a + 4 * E;
        int z5 = a + 5 * E;
        int a0 = s;
        int a1 = s + E;
        int b0 = s + 2 * E;
        int b1 = s + 3 * E;
        int c0 = s + 4 * E;
        int c1 = s + 5 * E;
        int x = s + 6 * E;
        int w = s + 7 * E;
        fp4Square(m, a0, a1, z0, z1, w);
        fp4Square(m, b0, b1, z2, z3, w);
        fp4Square(m, c0, c1, z4, z5, w);
        // z0 = 3·A0 − 2·z0, z1 = 3·A1 + 2·z1
        threeMinusTwo(m, r, a0, z0, x);
        threePlusTwo(m, r + 4 * E, a1, z1, x);
        // z2 = 3·ξ·C1 + 2·z2, z3 = 3·C0 − 2·z3
        Fp2Limbs.mulByXi(m, c1, c1, w);
        threePlusTwo(m, r + 3 * E, c1, z2, x);
        threeMinusTwo(m, r + 2 * E, c0, z3, x);
        // z4 = 3·B0 − 2·z4, z5 = 3·B1 + 2·z5
        threeMinusTwo(m, r + E, b0, z4, x);
        threePlusTwo(m, r + 5 * E, b1, z5, x);
    }

    /** (r0, r1) ← (a + b·V)² in Fp4 = Fp2[V]/(V² − ξ). */
    private static void fp4Square(long[] m, int r0, int r1, int a, int b, int s) {
        int t0 = s;
        int t1 = s + E;
        int w = s + 2 * E;
        Fp2Limbs.square(m, t0, a, w);
        Fp2Limbs.square(m, t1, b, w);
        Fp2Limbs.add(m, r1, a, b);
        Fp2Limbs.square(m, r1, r1, w);
        Fp2Limbs.sub(m, r1, r1, t0);
        Fp2Limbs.sub(m, r1, r1, t1);
        Fp2Limbs.mulByXi(m, r0, t1, w);
        Fp2Limbs.add(m, r0, r0, t0);
    }

    /** r ← 3t − 2z (r may be z). */
    private static void threeMinusTwo(long[] m, int r, int t, int z, int x) {
        Fp2Limbs.sub(m, x, t, z);
        Fp2Limbs.dbl(m, x, x);
        Fp2Limbs.add(m, r, x, t);
    }

    /** r ← 3t + 2z (r may be z). */
    private static void threePlusTwo(long[] m, int r, int t, int z, int x) {
        Fp2Limbs.add(m, x, t, z);
        Fp2Limbs.dbl(m, x, x);
        Fp2Limbs.add(m, r, x, t);
    }
}
