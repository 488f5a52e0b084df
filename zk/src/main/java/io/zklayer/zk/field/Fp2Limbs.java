package io.zklayer.zk.field;

/**
 * Allocation-free Fp2 arithmetic on elements stored as two Fp elements in a {@code long[]}: c0 at the
 * offset, c1 at offset + {@link FpLimbs#SIZE}, each in {@link FpLimbs}'s form. The same element as {@code new Fp2(c0, c1)}.
 *
 * <p>Methods that need temporaries take a scratch offset {@code s}: they use {@code m[s, s + SCRATCH)} and
 * nothing beyond it. A result may overwrite an input (inputs are read before the result is written)
 * but must not overlap the scratch. Example: {@code mul(m, 0, SIZE, 2 * SIZE, 4 * SIZE)} writes at 0 the product of the
 * elements at SIZE and 2·SIZE, using {@code m[4·SIZE, 4·SIZE + SCRATCH)} as scratch.
 */
public final class Fp2Limbs {
    /** Longs per element. */
    public static final int SIZE = 2 * FpLimbs.SIZE;
    /** Longs of scratch that {@link #mul}, {@link #square}, {@link #mulByXi} and {@link #inverse} use. */
    public static final int SCRATCH = 4 * FpLimbs.SIZE;
    private static final int E = FpLimbs.SIZE;

    private Fp2Limbs() {}

    /** Writes x at {@code r}. */
    public static void set(long[] m, int r, Fp2 x) {
        FpLimbs.set(m, r, x.c0);
        FpLimbs.set(m, r + E, x.c1);
    }

    /** Returns the element at {@code a}. */
    public static Fp2 get(long[] m, int a) {
        return new Fp2(FpLimbs.get(m, a), FpLimbs.get(m, a + E));
    }

    /** Writes zero at {@code r}. */
    public static void setZero(long[] m, int r) {
        java.util.Arrays.fill(m, r, r + SIZE, 0L);
    }

    /** Writes one at {@code r}. */
    public static void setOne(long[] m, int r) {
        FpLimbs.setOne(m, r);
        FpLimbs.setZero(m, r + E);
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, SIZE);
    }

    /** Returns true if the element at {@code a} is zero. */
    public static boolean isZero(long[] m, int a) {
        return FpLimbs.isZero(m, a) && FpLimbs.isZero(m, a + E);
    }

    /** r ← a + b. */
    public static void add(long[] m, int r, int a, int b) {
        FpLimbs.add(m, r, a, b);
        FpLimbs.add(m, r + E, a + E, b + E);
    }

    /** r ← a − b. */
    public static void sub(long[] m, int r, int a, int b) {
        FpLimbs.sub(m, r, a, b);
        FpLimbs.sub(m, r + E, a + E, b + E);
    }

    /** r ← 2a. */
    public static void dbl(long[] m, int r, int a) {
        FpLimbs.dbl(m, r, a);
        FpLimbs.dbl(m, r + E, a + E);
    }

    /** r ← −a. */
    public static void neg(long[] m, int r, int a) {
        FpLimbs.neg(m, r, a);
        FpLimbs.neg(m, r + E, a + E);
    }

    /** r ← a/2. */
    public static void halve(long[] m, int r, int a) {
        FpLimbs.halve(m, r, a);
        FpLimbs.halve(m, r + E, a + E);
    }

    /** r ← conjugate of a (c0 − c1·u), which is also a^q. */
    public static void conjugate(long[] m, int r, int a) {
        FpLimbs.copy(m, r, a);
        FpLimbs.neg(m, r + E, a + E);
    }

    /** r ← a·f for an Fp element f at offset {@code f}, which must not overlap r. */
    public static void mulByFp(long[] m, int r, int a, int f) {
        FpLimbs.mul(m, r, a, f);
        FpLimbs.mul(m, r + E, a + E, f);
    }

    /** r ← a·b (Karatsuba: three Fp products). */
    public static void mul(long[] m, int r, int a, int b, int s) {
        FpLimbs.mul(m, s, a, b); // a0·b0
        FpLimbs.mul(m, s + E, a + E, b + E); // a1·b1
        FpLimbs.addUnreduced(m, s + 2 * E, a, a + E);
        FpLimbs.addUnreduced(m, s + 3 * E, b, b + E);
        FpLimbs.mul(m, s + 2 * E, s + 2 * E, s + 3 * E); // (a0 + a1)(b0 + b1)
        FpLimbs.sub(m, r, s, s + E);
        FpLimbs.sub(m, r + E, s + 2 * E, s);
        FpLimbs.sub(m, r + E, r + E, s + E);
    }

    /** r ← a² = (a0 + a1)(a0 − a1) + 2·a0·a1·u. */
    public static void square(long[] m, int r, int a, int s) {
        FpLimbs.addUnreduced(m, s, a, a + E);
        FpLimbs.sub(m, s + E, a, a + E);
        FpLimbs.mul(m, s + 2 * E, a, a + E);
        FpLimbs.mul(m, r, s, s + E);
        FpLimbs.dbl(m, r + E, s + 2 * E);
    }

    /** r ← a·ξ with ξ = 9 + u: (a0 + a1·u)(9 + u) = (9a0 − a1) + (a0 + 9a1)·u. */
    public static void mulByXi(long[] m, int r, int a, int s) {
        FpLimbs.dbl(m, s, a);
        FpLimbs.dbl(m, s, s);
        FpLimbs.dbl(m, s, s);
        FpLimbs.add(m, s, s, a); // 9a0
        FpLimbs.sub(m, s, s, a + E);
        FpLimbs.dbl(m, s + E, a + E);
        FpLimbs.dbl(m, s + E, s + E);
        FpLimbs.dbl(m, s + E, s + E);
        FpLimbs.add(m, s + E, s + E, a + E); // 9a1
        FpLimbs.add(m, s + E, s + E, a);
        FpLimbs.copy(m, r, s);
        FpLimbs.copy(m, r + E, s + E);
    }

    /** r ← a^−1; the inverse of zero is an {@link ArithmeticException}. */
    public static void inverse(long[] m, int r, int a, int s) {
        FpLimbs.square(m, s, a);
        FpLimbs.square(m, s + E, a + E);
        FpLimbs.add(m, s, s, s + E); // norm a0² + a1²
        FpLimbs.set(m, s, FpLimbs.get(m, s).inverse());
        FpLimbs.mul(m, r, a, s);
        FpLimbs.mul(m, r + E, a + E, s);
        FpLimbs.neg(m, r + E, r + E);
    }
}
