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

    /** r ← a·b (Karatsuba over Fp6: three Fp6 products), each output Fp2 coefficient reduced once. */
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
        // c1 = (a0 + a1)(b0 + b1) − aa − bb, per Fp2 coefficient below 10p
        for (int i = 0; i < 3; i++) {
            Fp2Limbs.addLazy(m, y, aa + i * E, bb + i * E);
            Fp2Limbs.subSum(m, x + i * E, x + i * E, y);
        }
        Fp6Limbs.normalizeEach(m, r + H, x);
        addTimesV(m, r, aa, bb, w);
    }

    /** r ← a + v·b for normal Fp6 values: (a0 + ξ·b2, a1 + b0, a2 + b1), each below 86p before its reduction. */
    private static void addTimesV(long[] m, int r, int a, int b, int s) {
        Fp2Limbs.mulByXiLazy(m, s, b + 2 * E, s + E);
        Fp2Limbs.addLazy(m, s, s, a);
        Fp2Limbs.addLazy(m, r + 2 * E, a + 2 * E, b + E);
        Fp2Limbs.addLazy(m, r + E, a + E, b);
        Fp2Limbs.normalize(m, r + 2 * E, r + 2 * E);
        Fp2Limbs.normalize(m, r + E, r + E);
        Fp2Limbs.normalize(m, r, s);
    }

    /** r ← a² (complex squaring: two Fp6 products). */
    public static void square(long[] m, int r, int a, int s) {
        int ab = s;
        int x = s + H;
        int y = s + 2 * H;
        int t = s + 3 * H;
        int w = s + 4 * H;
        Fp6Limbs.mul(m, ab, a, a + H, w);
        Fp6Limbs.add(m, x, a, a + H);
        addTimesV(m, y, a, a + H, w); // a0 + v·a1
        Fp6Limbs.mul(m, x, x, y, w);
        // c0 = (a0 + a1)(a0 + v·a1) − ab − v·ab with v·ab = (ξ·ab2, ab0, ab1), per coefficient below 10p
        Fp2Limbs.mulByXi(m, t, ab + 2 * E, w);
        Fp2Limbs.addLazy(m, t, t, ab);
        Fp2Limbs.subSum(m, x, x, t);
        Fp2Limbs.addLazy(m, t, ab + E, ab);
        Fp2Limbs.subSum(m, x + E, x + E, t);
        Fp2Limbs.addLazy(m, t, ab + 2 * E, ab + E);
        Fp2Limbs.subSum(m, x + 2 * E, x + 2 * E, t);
        Fp6Limbs.normalizeEach(m, r, x);
        for (int i = 0; i < 3; i++) {
            Fp2Limbs.addLazy(m, ab + i * E, ab + i * E, ab + i * E);
        }
        Fp6Limbs.normalizeEach(m, r + H, ab);
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
        combineSparse(m, r, x, ta, tb, w);
    }

    /** r ← a·(1 + d3·w + d4·v·w): {@link #mulBy034} with d0 = 1, for lines scaled to a leading one. */
    public static void mulBy34(long[] m, int r, int a, int d3, int d4, int s) {
        int ta = s;
        int tb = s + H;
        int x = s + 2 * H;
        int d = s + 3 * H;
        int w = s + 4 * H;
        Fp6Limbs.copy(m, ta, a);
        Fp6Limbs.mulBy01(m, tb, a + H, d3, d4, w);
        Fp6Limbs.add(m, x, a, a + H);
        Fp2Limbs.setOne(m, d);
        Fp2Limbs.add(m, d, d, d3);
        Fp6Limbs.mulBy01(m, x, x, d, d4, w);
        combineSparse(m, r, x, ta, tb, w);
    }

    /** r ← (e − ta − tb) at w^1 and ta + v·tb at w^0: the Karatsuba recombination of the sparse products. */
    private static void combineSparse(long[] m, int r, int e, int ta, int tb, int s) {
        for (int i = 0; i < 3; i++) {
            Fp2Limbs.addLazy(m, s, ta + i * E, tb + i * E);
            Fp2Limbs.subSum(m, e + i * E, e + i * E, s); // below 10p
        }
        Fp6Limbs.normalizeEach(m, r + H, e);
        addTimesV(m, r, ta, tb, s);
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
     * Granger–Scott: three Fp4 squarings, nine Fp2 squarings in all; every output coefficient 3·t ± 2·z is
     * formed lazily (below 500p) and reduced once.
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
        int y = s + 7 * E;
        int w = s + 8 * E;
        fp4Square(m, a0, a1, z0, z1, w);
        fp4Square(m, b0, b1, z2, z3, w);
        fp4Square(m, c0, c1, z4, z5, w);
        // z0 = 3·A0 − 2·z0, z1 = 3·A1 + 2·z1
        threeMinusTwo(m, r, a0, z0, x, y);
        threePlusTwo(m, r + 4 * E, a1, z1, x);
        // z2 = 3·ξ·C1 + 2·z2, z3 = 3·C0 − 2·z3
        Fp2Limbs.mulByXiLazy(m, c1, c1, w); // C1 below 10p, limbs below 2^54.4: ξ·C1 below 164p, limbs below 2^58
        threePlusTwo(m, r + 3 * E, c1, z2, x);
        threeMinusTwo(m, r + 2 * E, c0, z3, x, y);
        // z4 = 3·B0 − 2·z4, z5 = 3·B1 + 2·z5
        threeMinusTwo(m, r + E, b0, z4, x, y);
        threePlusTwo(m, r + 5 * E, b1, z5, x);
    }

    /**
     * (r0, r1) ← (a + b·V)² in Fp4 = Fp2[V]/(V² − ξ), lazily: r0 = ξ·b² + a² (below 86p, limbs below
     * 2^57), r1 = (a + b)² − a² − b² (below 10p, limbs below 2^54.4).
     */
    private static void fp4Square(long[] m, int r0, int r1, int a, int b, int s) {
        int t0 = s;
        int t1 = s + E;
        int w = s + 2 * E;
        Fp2Limbs.square(m, t0, a, w);
        Fp2Limbs.square(m, t1, b, w);
        Fp2Limbs.add(m, r1, a, b);
        Fp2Limbs.square(m, r1, r1, w);
        Fp2Limbs.addLazy(m, w, t0, t1);
        Fp2Limbs.subSum(m, r1, r1, w);
        Fp2Limbs.mulByXiLazy(m, r0, t1, w);
        Fp2Limbs.addLazy(m, r0, r0, t0);
    }

    /** r ← 3t + 2·(4p − z), reduced, for lazy t (below 164p) and normal z; r may be z. */
    private static void threeMinusTwo(long[] m, int r, int t, int z, int x, int y) {
        FpLimbs.neg(m, y, z);
        FpLimbs.neg(m, y + FpLimbs.SIZE, z + FpLimbs.SIZE);
        Fp2Limbs.addLazy(m, y, y, y);
        lazyTriple(m, x, t);
        Fp2Limbs.addLazy(m, x, x, y);
        Fp2Limbs.normalize(m, r, x);
    }

    /** r ← 3t + 2z, reduced, for lazy t (below 164p) and normal z; r may be z. */
    private static void threePlusTwo(long[] m, int r, int t, int z, int x) {
        lazyTriple(m, x, t);
        Fp2Limbs.addLazy(m, x, x, z);
        Fp2Limbs.addLazy(m, x, x, z);
        Fp2Limbs.normalize(m, r, x);
    }

    private static void lazyTriple(long[] m, int r, int t) {
        FpLimbs.mulSmall(m, r, t, 3);
        FpLimbs.mulSmall(m, r + FpLimbs.SIZE, t + FpLimbs.SIZE, 3);
    }
}
