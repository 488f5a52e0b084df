package io.zklayer.zk.field;

/**
 * Allocation-free Fp6 arithmetic on elements stored as three Fp2 elements: c0, c1, c2 (coefficients of 1, v,
 * v²) at offsets +0, +E, +2E with E = {@link Fp2Limbs#SIZE}, each in {@link Fp2Limbs}'s form. The same element as
 * {@code new Fp6(c0, c1, c2)}.
 *
 * <p>Scratch and aliasing follow {@link Fp2Limbs}: {@code m[s, s + SCRATCH)} is used, a result may
 * overwrite an input but not the scratch.
 */
public final class Fp6Limbs {
    /** Longs per element. */
    public static final int SIZE = 3 * Fp2Limbs.SIZE;
    /** Longs of scratch the methods here use. */
    public static final int SCRATCH = 8 * Fp2Limbs.SIZE + Fp2Limbs.SCRATCH;
    private static final int E = Fp2Limbs.SIZE;

    private Fp6Limbs() {}

    /** Writes x at {@code r}. */
    public static void set(long[] m, int r, Fp6 x) {
        Fp2Limbs.set(m, r, x.c0);
        Fp2Limbs.set(m, r + E, x.c1);
        Fp2Limbs.set(m, r + 2 * E, x.c2);
    }

    /** Returns the element at {@code a}. */
    public static Fp6 get(long[] m, int a) {
        return new Fp6(Fp2Limbs.get(m, a), Fp2Limbs.get(m, a + E), Fp2Limbs.get(m, a + 2 * E));
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, SIZE);
    }

    /** r ← a + b. */
    public static void add(long[] m, int r, int a, int b) {
        Fp2Limbs.add(m, r, a, b);
        Fp2Limbs.add(m, r + E, a + E, b + E);
        Fp2Limbs.add(m, r + 2 * E, a + 2 * E, b + 2 * E);
    }

    /** r ← a − b. */
    public static void sub(long[] m, int r, int a, int b) {
        Fp2Limbs.sub(m, r, a, b);
        Fp2Limbs.sub(m, r + E, a + E, b + E);
        Fp2Limbs.sub(m, r + 2 * E, a + 2 * E, b + 2 * E);
    }

    /** r ← 2a. */
    public static void dbl(long[] m, int r, int a) {
        Fp2Limbs.dbl(m, r, a);
        Fp2Limbs.dbl(m, r + E, a + E);
        Fp2Limbs.dbl(m, r + 2 * E, a + 2 * E);
    }

    /** r ← −a. */
    public static void neg(long[] m, int r, int a) {
        Fp2Limbs.neg(m, r, a);
        Fp2Limbs.neg(m, r + E, a + E);
        Fp2Limbs.neg(m, r + 2 * E, a + 2 * E);
    }

    /** r ← each Fp2 coefficient of the lazy value at {@code a} normalized (see {@link Fp2Limbs#normalize}). */
    public static void normalizeEach(long[] m, int r, int a) {
        Fp2Limbs.normalize(m, r, a);
        Fp2Limbs.normalize(m, r + E, a + E);
        Fp2Limbs.normalize(m, r + 2 * E, a + 2 * E);
    }

    /** r ← a·v: (c0, c1, c2) ↦ (ξ·c2, c0, c1). */
    public static void mulByV(long[] m, int r, int a, int s) {
        Fp2Limbs.mulByXi(m, s, a + 2 * E, s + E);
        Fp2Limbs.copy(m, r + 2 * E, a + E);
        Fp2Limbs.copy(m, r + E, a);
        Fp2Limbs.copy(m, r, s);
    }

    /**
     * r ← a·b (Karatsuba: six Fp2 products). Each output coefficient is formed lazily from the products
     * and reduced once: c0 = ξ·(m12 − t1 − t2) + t0 stays below 166p, c1 = m01 − t0 − t1 + ξ·t2 below
     * 94p, c2 = m02 − t0 − t2 + t1 below 12p (with tᵢ = aᵢbᵢ, mᵢⱼ = (aᵢ + aⱼ)(bᵢ + bⱼ)).
     */
    public static void mul(long[] m, int r, int a, int b, int s) {
        int t0 = s;
        int t1 = s + E;
        int t2 = s + 2 * E;
        int x = s + 3 * E;
        int y = s + 4 * E;
        int r0 = s + 5 * E;
        int r1 = s + 6 * E;
        int w = s + 7 * E;
        Fp2Limbs.mul(m, t0, a, b, w);
        Fp2Limbs.mul(m, t1, a + E, b + E, w);
        Fp2Limbs.mul(m, t2, a + 2 * E, b + 2 * E, w);
        // r0 = ξ·((a1 + a2)(b1 + b2) − t1 − t2) + t0
        Fp2Limbs.add(m, x, a + E, a + 2 * E);
        Fp2Limbs.add(m, y, b + E, b + 2 * E);
        Fp2Limbs.mul(m, x, x, y, w);
        Fp2Limbs.addLazy(m, y, t1, t2);
        Fp2Limbs.subSum(m, x, x, y); // below 10p
        Fp2Limbs.mulByXiLazy(m, r0, x, w); // below 164p
        Fp2Limbs.addLazy(m, r0, r0, t0);
        // r1 = (a0 + a1)(b0 + b1) − t0 − t1 + ξ·t2
        Fp2Limbs.add(m, x, a, a + E);
        Fp2Limbs.add(m, y, b, b + E);
        Fp2Limbs.mul(m, x, x, y, w);
        Fp2Limbs.addLazy(m, y, t0, t1);
        Fp2Limbs.subSum(m, x, x, y); // below 10p
        Fp2Limbs.mulByXiLazy(m, r1, t2, w); // below 84p
        Fp2Limbs.addLazy(m, r1, r1, x);
        // r2 = (a0 + a2)(b0 + b2) − t0 − t2 + t1 (a and b are read here for the last time)
        Fp2Limbs.add(m, x, a, a + 2 * E);
        Fp2Limbs.add(m, y, b, b + 2 * E);
        Fp2Limbs.mul(m, x, x, y, w);
        Fp2Limbs.addLazy(m, y, t0, t2);
        Fp2Limbs.subSum(m, x, x, y);
        Fp2Limbs.addLazy(m, x, x, t1); // below 12p
        Fp2Limbs.normalize(m, r + 2 * E, x);
        Fp2Limbs.normalize(m, r, r0);
        Fp2Limbs.normalize(m, r + E, r1);
    }

    /**
     * r ← a² (Chung–Hasan SQR2: two Fp2 squarings and three products), with s1 = 2a0a1, s3 = 2a1a2 kept
     * lazy and each output coefficient reduced once.
     */
    public static void square(long[] m, int r, int a, int s) {
        int s0 = s;
        int s1 = s + E;
        int s2 = s + 2 * E;
        int s3 = s + 3 * E;
        int s4 = s + 4 * E;
        int x = s + 5 * E;
        int w = s + 6 * E;
        Fp2Limbs.square(m, s0, a, w);
        Fp2Limbs.mul(m, s1, a, a + E, w);
        Fp2Limbs.addLazy(m, s1, s1, s1); // 2a0a1, below 4p
        FpLimbs.sub(m, x, a, a + E);
        FpLimbs.sub(m, x + FpLimbs.SIZE, a + FpLimbs.SIZE, a + E + FpLimbs.SIZE);
        Fp2Limbs.addLazy(m, x, x, a + 2 * E);
        Fp2Limbs.normalize(m, x, x);
        Fp2Limbs.square(m, s2, x, w); // (a0 − a1 + a2)²
        Fp2Limbs.mul(m, s3, a + E, a + 2 * E, w);
        Fp2Limbs.addLazy(m, s3, s3, s3); // 2a1a2, below 4p
        Fp2Limbs.square(m, s4, a + 2 * E, w);
        // r2 = s1 + s2 + s3 − (s0 + s4), below 18p
        Fp2Limbs.addLazy(m, x, s1, s2);
        Fp2Limbs.addLazy(m, x, x, s3);
        Fp2Limbs.addLazy(m, w, s0, s4);
        Fp2Limbs.subSum(m, x, x, w);
        Fp2Limbs.normalize(m, r + 2 * E, x);
        // r0 = ξ·s3 + s0 (below 106p), r1 = ξ·s4 + s1 (below 88p)
        Fp2Limbs.mulByXiLazy(m, x, s3, w);
        Fp2Limbs.addLazy(m, x, x, s0);
        Fp2Limbs.normalize(m, r, x);
        Fp2Limbs.mulByXiLazy(m, x, s4, w);
        Fp2Limbs.addLazy(m, x, x, s1);
        Fp2Limbs.normalize(m, r + E, x);
    }

    /**
     * r ← a·(b0 + b1·v) for Fp2 elements at {@code b0} and {@code b1}, which must not overlap r (a sparse
     * product for line functions: five Fp2 products).
     */
    public static void mulBy01(long[] m, int r, int a, int b0, int b1, int s) {
        int t0 = s;
        int t1 = s + E;
        int x = s + 2 * E;
        int y = s + 3 * E;
        int r0 = s + 4 * E;
        int w = s + 5 * E;
        Fp2Limbs.mul(m, t0, a, b0, w);
        Fp2Limbs.mul(m, t1, a + E, b1, w);
        // r0 = ξ·a2·b1 + t0 (below 86p)
        Fp2Limbs.mul(m, x, a + 2 * E, b1, w);
        Fp2Limbs.mulByXiLazy(m, r0, x, w);
        Fp2Limbs.addLazy(m, r0, r0, t0);
        // r2 = (a0 + a2)·b0 − t0 + t1 (below 8p)
        Fp2Limbs.add(m, x, a, a + 2 * E);
        Fp2Limbs.mul(m, x, x, b0, w);
        FpLimbs.sub(m, x, x, t0);
        FpLimbs.sub(m, x + FpLimbs.SIZE, x + FpLimbs.SIZE, t0 + FpLimbs.SIZE);
        Fp2Limbs.addLazy(m, x, x, t1);
        // r1 = (b0 + b1)(a0 + a1) − t0 − t1 (below 10p; a is read here for the last time)
        Fp2Limbs.add(m, y, b0, b1);
        Fp2Limbs.add(m, w, a, a + E);
        Fp2Limbs.mul(m, y, y, w, w + E);
        Fp2Limbs.addLazy(m, w, t0, t1);
        Fp2Limbs.subSum(m, y, y, w);
        Fp2Limbs.normalize(m, r + E, y);
        Fp2Limbs.normalize(m, r + 2 * E, x);
        Fp2Limbs.normalize(m, r, r0);
    }

    /** r ← a·b for an Fp2 element b. */
    public static void mulByFp2(long[] m, int r, int a, int b, int s) {
        Fp2Limbs.mul(m, r, a, b, s);
        Fp2Limbs.mul(m, r + E, a + E, b, s);
        Fp2Limbs.mul(m, r + 2 * E, a + 2 * E, b, s);
    }

    /** r ← a^−1. */
    public static void inverse(long[] m, int r, int a, int s) {
        int t0 = s;
        int t1 = s + E;
        int t2 = s + 2 * E;
        int x = s + 3 * E;
        int y = s + 4 * E;
        int w = s + 5 * E;
        // t0 = a0² − ξ·a1·a2, t1 = ξ·a2² − a0·a1, t2 = a1² − a0·a2
        Fp2Limbs.square(m, t0, a, w);
        Fp2Limbs.mul(m, x, a + E, a + 2 * E, w);
        Fp2Limbs.mulByXi(m, x, x, w);
        Fp2Limbs.sub(m, t0, t0, x);
        Fp2Limbs.square(m, t1, a + 2 * E, w);
        Fp2Limbs.mulByXi(m, t1, t1, w);
        Fp2Limbs.mul(m, x, a, a + E, w);
        Fp2Limbs.sub(m, t1, t1, x);
        Fp2Limbs.square(m, t2, a + E, w);
        Fp2Limbs.mul(m, x, a, a + 2 * E, w);
        Fp2Limbs.sub(m, t2, t2, x);
        // denominator a0·t0 + ξ·(a2·t1 + a1·t2)
        Fp2Limbs.mul(m, x, a + 2 * E, t1, w);
        Fp2Limbs.mul(m, y, a + E, t2, w);
        Fp2Limbs.add(m, x, x, y);
        Fp2Limbs.mulByXi(m, x, x, w);
        Fp2Limbs.mul(m, y, a, t0, w);
        Fp2Limbs.add(m, x, x, y);
        Fp2Limbs.inverse(m, x, x, w);
        Fp2Limbs.mul(m, r, t0, x, w);
        Fp2Limbs.mul(m, r + E, t1, x, w);
        Fp2Limbs.mul(m, r + 2 * E, t2, x, w);
    }
}
