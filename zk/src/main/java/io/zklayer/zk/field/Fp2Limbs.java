package io.zklayer.zk.field;

/**
 * Allocation-free Fp2 arithmetic on elements stored as two {@link FpLimbs} values: c0 at the offset, c1
 * at offset + {@link FpLimbs#SIZE}. The same element as {@code new Fp2(c0, c1)}.
 *
 * <p>Every method takes normal inputs and writes a normal result (see {@link FpLimbs}); inside, sums and
 * differences stay lazy until a product or one reduction at the end. Methods that need temporaries take
 * a scratch offset {@code s} and use {@code m[s, s + SCRATCH)} only. A result may overwrite an input but
 * not the scratch. Example: {@code mul(m, 0, SIZE, 2 * SIZE, 4 * SIZE)} writes at 0 the product of the
 * elements at SIZE and 2·SIZE, using {@code m[4·SIZE, 4·SIZE + SCRATCH)} as scratch.
 */
public final class Fp2Limbs {
    /** Longs per element. */
    public static final int SIZE = 2 * FpLimbs.SIZE;
    /** Longs of scratch that the methods here use. */
    public static final int SCRATCH = 4 * FpLimbs.WIDE;
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

    /** Returns true if the elements at {@code a} and {@code b} are equal. */
    public static boolean equal(long[] m, int a, int b) {
        return FpLimbs.equal(m, a, b) && FpLimbs.equal(m, a + E, b + E);
    }

    /** r ← a + b. */
    public static void add(long[] m, int r, int a, int b) {
        FpLimbs.add(m, r, a, b);
        FpLimbs.add(m, r + E, a + E, b + E);
        normalize(m, r, r);
    }

    /** r ← a − b. */
    public static void sub(long[] m, int r, int a, int b) {
        FpLimbs.sub(m, r, a, b);
        FpLimbs.sub(m, r + E, a + E, b + E);
        normalize(m, r, r);
    }

    /** r ← 2a. */
    public static void dbl(long[] m, int r, int a) {
        FpLimbs.mulSmall(m, r, a, 2);
        FpLimbs.mulSmall(m, r + E, a + E, 2);
        normalize(m, r, r);
    }

    /** r ← −a. */
    public static void neg(long[] m, int r, int a) {
        FpLimbs.neg(m, r, a);
        FpLimbs.neg(m, r + E, a + E);
        normalize(m, r, r);
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
        FpLimbs.normalize(m, r + E, r + E);
    }

    /** r ← both components of a lazy value at {@code a} normalized (limbs below 2^62, V &lt; 64p each). */
    public static void normalize(long[] m, int r, int a) {
        FpLimbs.normalize(m, r, a);
        FpLimbs.normalize(m, r + E, a + E);
    }

    /** r ← a + b component by component, lazily (limb and value bounds add up; see {@link FpLimbs}). */
    public static void addLazy(long[] m, int r, int a, int b) {
        FpLimbs.add(m, r, a, b);
        FpLimbs.add(m, r + E, a + E, b + E);
    }

    /** r ← a + 8p − b per component, lazily, for b a lazy sum of two normal values. */
    public static void subSum(long[] m, int r, int a, int b) {
        FpLimbs.subSum(m, r, a, b);
        FpLimbs.subSum(m, r + E, a + E, b + E);
    }

    /** r ← a + 64p − b per component, lazily, for b with limbs below 2^56 − 16 and components below 64p. */
    public static void subLazy(long[] m, int r, int a, int b) {
        FpLimbs.subLazy(m, r, a, b);
        FpLimbs.subLazy(m, r + E, a + E, b + E);
    }

    /**
     * r ← a·ξ lazily: (9a0 + 64p − a1, a0 + 9a1) for a with limbs below 2^56 − 16 and components below
     * 64p; the result has limbs below 2^60.2 and components below 10·V(a) + 64p. Uses {@code m[s, s + E)}.
     */
    public static void mulByXiLazy(long[] m, int r, int a, int s) {
        FpLimbs.mulSmall(m, s, a, 9);
        FpLimbs.subLazy(m, s, s, a + E);
        FpLimbs.mulSmall(m, r + E, a + E, 9);
        FpLimbs.add(m, r + E, r + E, a);
        FpLimbs.copy(m, r, s);
    }

    /** r ← a·f for an Fp element f at offset {@code f}, which must not overlap r. */
    public static void mulByFp(long[] m, int r, int a, int f) {
        FpLimbs.mul(m, r, a, f);
        FpLimbs.mul(m, r + E, a + E, f);
    }

    /**
     * r ← a·b (Karatsuba: three double-width Fp products, two reductions). The sums a0 + a1 and b0 + b1
     * enter their product unreduced; c0 = a0b0 − a1b1 (below 30.2p² with the bias) and
     * c1 = (a0 + a1)(b0 + b1) − (a0b0 + a1b1) (below 57.2p²) are each reduced once.
     */
    public static void mul(long[] m, int r, int a, int b, int s) {
        int aa = s;
        int bb = s + FpLimbs.WIDE;
        int mid = s + 2 * FpLimbs.WIDE;
        int x = s + 3 * FpLimbs.WIDE;
        int y = x + E;
        FpLimbs.mulWide(m, aa, a, b);
        FpLimbs.mulWide(m, bb, a + E, b + E);
        FpLimbs.add(m, x, a, a + E);
        FpLimbs.add(m, y, b, b + E);
        FpLimbs.mulWide(m, mid, x, y);
        FpLimbs.subWide(m, x, aa, bb); // x, y are free again: reuse their ten longs
        FpLimbs.reduceWide(m, r, x);
        FpLimbs.addWide(m, aa, aa, bb);
        FpLimbs.subWide(m, mid, mid, aa);
        FpLimbs.reduceWide(m, r + E, mid);
    }

    /** r ← a² = (a0 + a1)(a0 − a1) + (2a0)·a1·u, both products on lazy inputs (6p·7p and 6p·3p). */
    public static void square(long[] m, int r, int a, int s) {
        int x = s;
        int y = s + E;
        int z = s + 2 * E;
        FpLimbs.add(m, x, a, a + E);
        FpLimbs.sub(m, y, a, a + E);
        FpLimbs.mulSmall(m, z, a, 2);
        FpLimbs.mul(m, r + E, z, a + E);
        FpLimbs.mul(m, r, x, y);
    }

    /**
     * r ← a·ξ with ξ = 9 + u: (9a0 − a1) + (a0 + 9a1)·u, each component formed lazily (below 31p) and
     * reduced once.
     */
    public static void mulByXi(long[] m, int r, int a, int s) {
        int x = s;
        int y = s + E;
        FpLimbs.mulSmall(m, x, a, 9);
        FpLimbs.sub(m, x, x, a + E);
        FpLimbs.mulSmall(m, y, a + E, 9);
        FpLimbs.add(m, y, y, a);
        FpLimbs.normalize(m, r, x);
        FpLimbs.normalize(m, r + E, y);
    }

    /**
     * r ← a^−1 = conj(a)/(a0² + a1²) in variable time (the norm inverted by
     * {@link FpLimbs#inverseVariableTime}), for the shared inversion of batch-affine G2 additions. Uses
     * {@code m[s, s + 2·FpLimbs.SIZE)}; the inverse of zero is an {@link ArithmeticException}.
     */
    public static void inverseVariableTime(long[] m, int r, int a, int s) {
        int n = s;
        int t = s + E;
        FpLimbs.mul(m, n, a, a);
        FpLimbs.mul(m, t, a + E, a + E);
        FpLimbs.add(m, n, n, t);
        FpLimbs.inverseVariableTime(m, n, n); // throws for a zero norm, i.e. a = 0
        FpLimbs.mul(m, r, a, n);
        FpLimbs.neg(m, t, a + E);
        FpLimbs.mul(m, r + E, t, n);
    }

    /** r ← a^−1; the inverse of zero is an {@link ArithmeticException}. */
    public static void inverse(long[] m, int r, int a, int s) {
        Fp2 inv = get(m, a).inverse();
        set(m, r, inv);
    }
}
