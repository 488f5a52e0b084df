package io.zklayer.zk.field;

import java.math.BigInteger;

/**
 * Allocation-free Fp arithmetic with lazy reduction, on elements stored as five 52-bit limbs (least
 * significant first) at an offset in a {@code long[]}, in Montgomery form with R = 2^260. The pairing's
 * Miller loop and final exponentiation run on these: no object per field operation, and the twelve
 * spare bits of every long let sums and differences skip carries and reductions until a product or an
 * explicit {@link #normalize} needs them.
 *
 * <p>A stored value V (the integer Σ limbᵢ·2^(52i), congruent to x·2^260 for the element x) is described
 * by a bound on its limbs and a bound on V as a multiple of p. The contracts, which callers must keep:
 * <ul>
 *   <li><b>normal</b> values have every limb below 2^52 and V &lt; 3p. {@link #mul} and {@link #normalize}
 *       produce them; {@link #set} too.
 *   <li>{@link #mul} accepts limbs below 2^55 and V(a)·V(b) ≤ 80p² (e.g. two sums of two normal values:
 *       6p·6p) and returns a normal value with V &lt; 2p — since p/2^260 &lt; 0.0119, the Montgomery
 *       product of such inputs is below 80·0.0119·p + p.
 *   <li>{@link #add}, {@link #mulSmall} add and scale limb by limb: limb and value bounds add up.
 *   <li>{@link #sub} computes a + 4p − b for b with limbs below 2^52 and V &lt; 4p, using 4p written with
 *       borrowed limbs (each at least 2^52 − 1) so no limb goes negative; {@link #subSum} computes
 *       a + 8p − b for b with limbs at most 2^53 − 2 and V &lt; 8p (a sum of two normal values).
 *   <li>{@link #subLazy} computes a + 64p − b for b with limbs below 2^56 − 16 and V &lt; 64p.
 *   <li>{@link #normalize} accepts limbs below 2^62 and V &lt; 1024p.
 * </ul>
 * Every method reads its inputs before it writes its result, so a result may overwrite an input.
 * Example: {@code set(m, 0, Fp.ONE)} writes the limbs of 2^260 mod p at m[0..4], and {@code get(m, 0)}
 * returns {@code Fp.ONE} again.
 */
public final class FpLimbs {
    /** Longs per element. */
    public static final int SIZE = 5;
    static final long MASK = (1L << 52) - 1;
    private static final BigInteger P = Fp.MODULUS;
    static final long Q0 = Limbs52.limb(P, 0);
    static final long Q1 = Limbs52.limb(P, 1);
    static final long Q2 = Limbs52.limb(P, 2);
    static final long Q3 = Limbs52.limb(P, 3);
    static final long Q4 = Limbs52.limb(P, 4);
    /*
     * The limbs of the modulus shifted left by 5: with q < 2^52 shifted left by 7, multiplyHigh(q << 7, Qi << 5)
     * is floor(q·Qi / 2^52), the high part of a split product in one instruction (see mul).
     */
    private static final long QS0 = Q0 << 5;
    private static final long QS1 = Q1 << 5;
    private static final long QS2 = Q2 << 5;
    private static final long QS3 = Q3 << 5;
    private static final long QS4 = Q4 << 5;
    /** −p^−1 mod 2^52. */
    private static final long INV = Limbs52.negInverse52(Q0);
    /** floor(2^64 / (Q4 + 1)): the quotient estimate of {@link #normalize}. */
    private static final long RECIPROCAL = Long.divideUnsigned(-1L, Q4 + 1);
    private static final long[] ONE = Limbs52.limbs(BigInteger.ONE.shiftLeft(260).mod(P));
    private static final long[] TWO_P = Limbs52.limbs(P.shiftLeft(1));
    /** 2^264 mod p as a plain integer: the Montgomery product with it turns x·2^256 into x·2^260. */
    private static final long[] TO_260 = Limbs52.limbs(BigInteger.ONE.shiftLeft(264).mod(P));
    /** 2^256 mod p as a plain integer: the Montgomery product with it turns x·2^260 into x·2^256. */
    private static final long[] TO_256 = Limbs52.limbs(BigInteger.ONE.shiftLeft(256).mod(P));
    /** 4p with borrowed limbs: limbs 0..3 at least 2^52 − 1, limb 4 = (4p)₄ − 1. */
    private static final long[] FOUR_P = Limbs52.borrowed(P.shiftLeft(2), 52);
    /** 8p with borrowed limbs: limbs 0..3 at least 2^53 − 2, limb 4 = (8p)₄ − 2. */
    private static final long[] EIGHT_P = Limbs52.borrowed(P.shiftLeft(3), 53);
    /** 64p with borrowed limbs: limbs 0..3 at least 2^56 − 16, limb 4 = (64p)₄ − 16. */
    private static final long[] SIXTY_FOUR_P = Limbs52.borrowed(P.shiftLeft(6), 56);
    private static final long K0 = FOUR_P[0];
    private static final long K1 = FOUR_P[1];
    private static final long K2 = FOUR_P[2];
    private static final long K3 = FOUR_P[3];
    private static final long K4 = FOUR_P[4];
    private static final long W0 = EIGHT_P[0];
    private static final long W1 = EIGHT_P[1];
    private static final long W2 = EIGHT_P[2];
    private static final long W3 = EIGHT_P[3];
    private static final long W4 = EIGHT_P[4];
    private static final long Z0 = SIXTY_FOUR_P[0];
    private static final long Z1 = SIXTY_FOUR_P[1];
    private static final long Z2 = SIXTY_FOUR_P[2];
    private static final long Z3 = SIXTY_FOUR_P[3];
    private static final long Z4 = SIXTY_FOUR_P[4];

    /** Longs per double-width (unreduced product) value: ten 52-bit columns. */
    public static final int WIDE = 2 * SIZE;
    /**
     * p·2^258 (about 21.2p²) in ten columns with borrowed bits so that every column is at least 2^57 − 32:
     * the bias {@link #subWide} adds so that a double-width difference stays non-negative.
     */
    private static final long[] WIDE_BIAS = wideBias();

    private FpLimbs() {}

    private static long[] wideBias() {
        BigInteger k = P.shiftLeft(258);
        long[] c = new long[WIDE];
        for (int i = 0; i < WIDE - 1; i++) {
            c[i] = k.shiftRight(52 * i).longValue() & MASK;
        }
        c[WIDE - 1] = k.shiftRight(52 * (WIDE - 1)).longValue();
        long lend = 1L << 57;
        long borrow = 1L << 5;
        c[0] += lend;
        for (int i = 1; i < WIDE - 1; i++) {
            c[i] += lend - borrow;
        }
        c[WIDE - 1] -= borrow;
        return c;
    }

    /** Writes x at {@code r} (normal). */
    public static void set(long[] m, int r, Fp x) {
        long l0 = x.l0;
        long l1 = x.l1;
        long l2 = x.l2;
        long l3 = x.l3;
        m[r] = l0 & MASK;
        m[r + 1] = ((l0 >>> 52) | (l1 << 12)) & MASK;
        m[r + 2] = ((l1 >>> 40) | (l2 << 24)) & MASK;
        m[r + 3] = ((l2 >>> 28) | (l3 << 36)) & MASK;
        m[r + 4] = l3 >>> 16;
        mul(m, r, m, r, TO_260, 0);
    }

    /** Returns the element at {@code a}. */
    public static Fp get(long[] m, int a) {
        long[] t = new long[SIZE];
        mul(t, 0, m, a, TO_256, 0);
        canonical(t, 0, t, 0);
        return new Fp(t[0] | (t[1] << 52), (t[1] >>> 12) | (t[2] << 40), (t[2] >>> 24) | (t[3] << 28),
                (t[3] >>> 36) | (t[4] << 16));
    }

    /** 2^780 mod p as a plain integer: the Montgomery product with it turns v into v·2^520. */
    private static final long[] TO_520 = Limbs52.limbs(BigInteger.ONE.shiftLeft(780).mod(P));

    /**
     * r ← a^−1 for a non-zero a (limbs below 2^62, V &lt; 1024p), normal, in variable time: the extended
     * Euclidean algorithm of {@link BigInteger#modInverse} on the canonical V = x·2^260, then one Montgomery
     * product with 2^780 turns V^−1 = x^−1·2^−260 into x^−1·2^260. About three times faster than the
     * exponentiation of {@link Fp#inverse}; for the shared inversion of batch-affine MSM additions, once per
     * batch of up to a thousand additions. A zero input is an {@link ArithmeticException}.
     */
    public static void inverseVariableTime(long[] m, int r, int a) {
        long[] t = new long[SIZE];
        canonical(t, 0, m, a);
        BigInteger v = BigInteger.valueOf(t[4]);
        for (int i = 3; i >= 0; i--) {
            v = v.shiftLeft(52).or(BigInteger.valueOf(t[i]));
        }
        if (v.signum() == 0) {
            throw new ArithmeticException("FpLimbs: zero has no inverse");
        }
        long[] w = Limbs52.limbs(v.modInverse(P));
        mul(m, r, w, 0, TO_520, 0);
    }

    /** Writes one at {@code r}. */
    public static void setOne(long[] m, int r) {
        System.arraycopy(ONE, 0, m, r, SIZE);
    }

    /** Writes zero at {@code r}. */
    public static void setZero(long[] m, int r) {
        m[r] = 0;
        m[r + 1] = 0;
        m[r + 2] = 0;
        m[r + 3] = 0;
        m[r + 4] = 0;
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, SIZE);
    }

    /** Returns true if the element at {@code a} (limbs below 2^62, V &lt; 1024p) is zero; allocates nothing. */
    public static boolean isZero(long[] m, int a) {
        long l0 = m[a];
        long l1 = m[a + 1];
        long l2 = m[a + 2];
        long l3 = m[a + 3];
        long l4 = m[a + 4];
        l1 += l0 >>> 52;
        l0 &= MASK;
        l2 += l1 >>> 52;
        l1 &= MASK;
        l3 += l2 >>> 52;
        l2 &= MASK;
        l4 += l3 >>> 52;
        l3 &= MASK;
        long q = Math.multiplyHigh(l4, RECIPROCAL);
        l0 -= q * Q0;
        l1 -= q * Q1;
        l2 -= q * Q2;
        l3 -= q * Q3;
        l4 -= q * Q4;
        l1 += l0 >> 52;
        l0 &= MASK;
        l2 += l1 >> 52;
        l1 &= MASK;
        l3 += l2 >> 52;
        l2 &= MASK;
        l4 += l3 >> 52;
        l3 &= MASK;
        // now V < 3p with exact limbs: zero iff V is 0, p or 2p
        return (l0 | l1 | l2 | l3 | l4) == 0
                || (l0 == Q0 && l1 == Q1 && l2 == Q2 && l3 == Q3 && l4 == Q4)
                || (l0 == TWO_P[0] && l1 == TWO_P[1] && l2 == TWO_P[2] && l3 == TWO_P[3] && l4 == TWO_P[4]);
    }

    /** Returns true if the elements at {@code a} and {@code b} (limbs below 2^62, V &lt; 1024p) are equal. */
    public static boolean equal(long[] m, int a, int b) {
        long[] t = new long[2 * SIZE];
        canonical(t, 0, m, a);
        canonical(t, SIZE, m, b);
        return java.util.Arrays.equals(t, 0, SIZE, t, SIZE, 2 * SIZE);
    }

    /** r ← a + b, limb by limb (lazy). */
    public static void add(long[] m, int r, int a, int b) {
        m[r] = m[a] + m[b];
        m[r + 1] = m[a + 1] + m[b + 1];
        m[r + 2] = m[a + 2] + m[b + 2];
        m[r + 3] = m[a + 3] + m[b + 3];
        m[r + 4] = m[a + 4] + m[b + 4];
    }

    /** r ← k·a limb by limb for a small k ≥ 0 (lazy). */
    public static void mulSmall(long[] m, int r, int a, long k) {
        m[r] = m[a] * k;
        m[r + 1] = m[a + 1] * k;
        m[r + 2] = m[a + 2] * k;
        m[r + 3] = m[a + 3] * k;
        m[r + 4] = m[a + 4] * k;
    }

    /** r ← a + 4p − b for b with limbs below 2^52 and V &lt; 4p (lazy: adds 2^53 to a's limb bound, 4p to its value). */
    public static void sub(long[] m, int r, int a, int b) {
        m[r] = m[a] + K0 - m[b];
        m[r + 1] = m[a + 1] + K1 - m[b + 1];
        m[r + 2] = m[a + 2] + K2 - m[b + 2];
        m[r + 3] = m[a + 3] + K3 - m[b + 3];
        m[r + 4] = m[a + 4] + K4 - m[b + 4];
    }

    /** rm[r] ← am[a] + bm[b] across arrays, as {@link #add(long[], int, int, int)}. */
    public static void add(long[] rm, int r, long[] am, int a, long[] bm, int b) {
        rm[r] = am[a] + bm[b];
        rm[r + 1] = am[a + 1] + bm[b + 1];
        rm[r + 2] = am[a + 2] + bm[b + 2];
        rm[r + 3] = am[a + 3] + bm[b + 3];
        rm[r + 4] = am[a + 4] + bm[b + 4];
    }

    /** rm[r] ← am[a] + 4p − bm[b] across arrays, as {@link #sub(long[], int, int, int)} (limb by limb, so r may be a or b). */
    public static void sub(long[] rm, int r, long[] am, int a, long[] bm, int b) {
        rm[r] = am[a] + K0 - bm[b];
        rm[r + 1] = am[a + 1] + K1 - bm[b + 1];
        rm[r + 2] = am[a + 2] + K2 - bm[b + 2];
        rm[r + 3] = am[a + 3] + K3 - bm[b + 3];
        rm[r + 4] = am[a + 4] + K4 - bm[b + 4];
    }

    /** rm[r] ← 4p − am[a] across arrays, as {@link #neg(long[], int, int)}. */
    public static void neg(long[] rm, int r, long[] am, int a) {
        rm[r] = K0 - am[a];
        rm[r + 1] = K1 - am[a + 1];
        rm[r + 2] = K2 - am[a + 2];
        rm[r + 3] = K3 - am[a + 3];
        rm[r + 4] = K4 - am[a + 4];
    }

    /** r ← a + 8p − b for b with limbs at most 2^53 − 2 and V &lt; 8p (lazy: adds 2^54 and 8p). */
    public static void subSum(long[] m, int r, int a, int b) {
        m[r] = m[a] + W0 - m[b];
        m[r + 1] = m[a + 1] + W1 - m[b + 1];
        m[r + 2] = m[a + 2] + W2 - m[b + 2];
        m[r + 3] = m[a + 3] + W3 - m[b + 3];
        m[r + 4] = m[a + 4] + W4 - m[b + 4];
    }

    /** r ← a + 64p − b for b with limbs below 2^56 − 16 and V &lt; 64p (lazy: adds 2^57 and 64p). */
    public static void subLazy(long[] m, int r, int a, int b) {
        m[r] = m[a] + Z0 - m[b];
        m[r + 1] = m[a + 1] + Z1 - m[b + 1];
        m[r + 2] = m[a + 2] + Z2 - m[b + 2];
        m[r + 3] = m[a + 3] + Z3 - m[b + 3];
        m[r + 4] = m[a + 4] + Z4 - m[b + 4];
    }

    /** r ← 4p − a for a with limbs below 2^52 and V &lt; 4p (lazy: limbs below 2^53, V &lt; 4p). */
    public static void neg(long[] m, int r, int a) {
        m[r] = K0 - m[a];
        m[r + 1] = K1 - m[a + 1];
        m[r + 2] = K2 - m[a + 2];
        m[r + 3] = K3 - m[a + 3];
        m[r + 4] = K4 - m[a + 4];
    }

    /**
     * r ← a reduced to a normal value, for a with limbs in [0, 2^62) and V &lt; 1024p: carries, then
     * subtracts q·p for q = ⌊limb₄·⌊2^64/(Q4 + 1)⌋ / 2^64⌋, which is at most ⌊V/p⌋ (so the result is not
     * negative) and at least ⌊V/p⌋ − 1 − V/((Q4 + 1)·2^208) (so it is below 2p + 1025·2^208 &lt; 3p); q·Qᵢ
     * stays below 2^62.
     */
    public static void normalize(long[] m, int r, int a) {
        normalize(m, r, m, a);
    }

    private static void normalize(long[] rm, int r, long[] am, int a) {
        long l0 = am[a];
        long l1 = am[a + 1];
        long l2 = am[a + 2];
        long l3 = am[a + 3];
        long l4 = am[a + 4];
        l1 += l0 >>> 52;
        l0 &= MASK;
        l2 += l1 >>> 52;
        l1 &= MASK;
        l3 += l2 >>> 52;
        l2 &= MASK;
        l4 += l3 >>> 52;
        l3 &= MASK;
        long q = Math.multiplyHigh(l4, RECIPROCAL);
        l0 -= q * Q0;
        l1 -= q * Q1;
        l2 -= q * Q2;
        l3 -= q * Q3;
        l4 -= q * Q4;
        l1 += l0 >> 52;
        l0 &= MASK;
        l2 += l1 >> 52;
        l1 &= MASK;
        l3 += l2 >> 52;
        l2 &= MASK;
        l4 += l3 >> 52;
        l3 &= MASK;
        rm[r] = l0;
        rm[r + 1] = l1;
        rm[r + 2] = l2;
        rm[r + 3] = l3;
        rm[r + 4] = l4;
    }

    /** r ← the canonical limbs (V &lt; p) of a, for a with limbs below 2^62 and V &lt; 1024p. */
    static void canonical(long[] rm, int r, long[] am, int a) {
        normalize(rm, r, am, a);
        for (int k = 0; k < 2; k++) { // V < 3p: at most two subtractions of p
            long d0 = rm[r] - Q0;
            long d1 = rm[r + 1] - Q1 + (d0 >> 52);
            long d2 = rm[r + 2] - Q2 + (d1 >> 52);
            long d3 = rm[r + 3] - Q3 + (d2 >> 52);
            long d4 = rm[r + 4] - Q4 + (d3 >> 52);
            if (d4 >= 0) {
                rm[r] = d0 & MASK;
                rm[r + 1] = d1 & MASK;
                rm[r + 2] = d2 & MASK;
                rm[r + 3] = d3 & MASK;
                rm[r + 4] = d4;
            }
        }
    }

    /** r ← a/2 for a normal a (adds p first when V is odd); the result is normal. */
    public static void halve(long[] m, int r, int a) {
        long odd = -(m[a] & 1);
        long l0 = m[a] + (Q0 & odd);
        long l1 = m[a + 1] + (Q1 & odd);
        long l2 = m[a + 2] + (Q2 & odd);
        long l3 = m[a + 3] + (Q3 & odd);
        long l4 = m[a + 4] + (Q4 & odd);
        l1 += l0 >>> 52;
        l0 &= MASK;
        l2 += l1 >>> 52;
        l1 &= MASK;
        l3 += l2 >>> 52;
        l2 &= MASK;
        l4 += l3 >>> 52;
        l3 &= MASK;
        m[r] = (l0 >>> 1) | ((l1 & 1) << 51);
        m[r + 1] = (l1 >>> 1) | ((l2 & 1) << 51);
        m[r + 2] = (l2 >>> 1) | ((l3 & 1) << 51);
        m[r + 3] = (l3 >>> 1) | ((l4 & 1) << 51);
        m[r + 4] = l4 >>> 1;
    }

    /** r ← a·b with all three in {@code m}. */
    public static void mul(long[] m, int r, int a, int b) {
        mul(m, r, m, a, m, b);
    }

    /** r ← a·a. */
    public static void square(long[] m, int r, int a) {
        mul(m, r, m, a, m, a);
    }

    /**
     * rm[r] ← am[a]·bm[b]·2^−260 mod p (Montgomery product, operand scanning with the reduction
     * interleaved); see the class comment for the input bounds. Partial products are split at bit 52 and
     * added into column accumulators without carries (each column stays below 2^61). The low part of
     * aⱼ·bᵢ is (aⱼ·bᵢ mod 2^64) mod 2^52; the high part, ⌊aⱼ·bᵢ/2^52⌋, is {@code multiplyHigh(aⱼ << 7, bᵢ << 5)}
     * = ⌊aⱼ·bᵢ·2^12/2^64⌋ — the shifted operands stay below 2^63 for a's limbs below 2^56 and b's below
     * 2^58 (more than the 2^55 of the contract), so the signed high product is the unsigned one, and one
     * instruction replaces a high product, two shifts and an or.
     */
    public static void mul(long[] rm, int r, long[] am, int a, long[] bm, int b) {
        final long a0 = am[a];
        final long a1 = am[a + 1];
        final long a2 = am[a + 2];
        final long a3 = am[a + 3];
        final long a4 = am[a + 4];
        final long as0 = a0 << 7;
        final long as1 = a1 << 7;
        final long as2 = a2 << 7;
        final long as3 = a3 << 7;
        final long as4 = a4 << 7;
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        long c4 = 0;
        long c5;
        long bs;
        long qs;
        long q;
        long bi;
        // row 0: c += a·b0, then c += q·p with q making c0 ≡ 0 mod 2^52, then shift one limb
        bi = bm[b + 0]; // rm is written only at the end, so b may be r
        bs = bi << 5;
        c5 = 0;
        c0 += (a0 * bi) & MASK;
        c1 += Math.multiplyHigh(as0, bs);
        c1 += (a1 * bi) & MASK;
        c2 += Math.multiplyHigh(as1, bs);
        c2 += (a2 * bi) & MASK;
        c3 += Math.multiplyHigh(as2, bs);
        c3 += (a3 * bi) & MASK;
        c4 += Math.multiplyHigh(as3, bs);
        c4 += (a4 * bi) & MASK;
        c5 += Math.multiplyHigh(as4, bs);
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c0 = c1 + (c0 >>> 52); // the low 52 bits of c0 are zero now
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
        // row 1: c += a·b1, then c += q·p with q making c0 ≡ 0 mod 2^52, then shift one limb
        bi = bm[b + 1]; // rm is written only at the end, so b may be r
        bs = bi << 5;
        c5 = 0;
        c0 += (a0 * bi) & MASK;
        c1 += Math.multiplyHigh(as0, bs);
        c1 += (a1 * bi) & MASK;
        c2 += Math.multiplyHigh(as1, bs);
        c2 += (a2 * bi) & MASK;
        c3 += Math.multiplyHigh(as2, bs);
        c3 += (a3 * bi) & MASK;
        c4 += Math.multiplyHigh(as3, bs);
        c4 += (a4 * bi) & MASK;
        c5 += Math.multiplyHigh(as4, bs);
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c0 = c1 + (c0 >>> 52); // the low 52 bits of c0 are zero now
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
        // row 2: c += a·b2, then c += q·p with q making c0 ≡ 0 mod 2^52, then shift one limb
        bi = bm[b + 2]; // rm is written only at the end, so b may be r
        bs = bi << 5;
        c5 = 0;
        c0 += (a0 * bi) & MASK;
        c1 += Math.multiplyHigh(as0, bs);
        c1 += (a1 * bi) & MASK;
        c2 += Math.multiplyHigh(as1, bs);
        c2 += (a2 * bi) & MASK;
        c3 += Math.multiplyHigh(as2, bs);
        c3 += (a3 * bi) & MASK;
        c4 += Math.multiplyHigh(as3, bs);
        c4 += (a4 * bi) & MASK;
        c5 += Math.multiplyHigh(as4, bs);
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c0 = c1 + (c0 >>> 52); // the low 52 bits of c0 are zero now
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
        // row 3: c += a·b3, then c += q·p with q making c0 ≡ 0 mod 2^52, then shift one limb
        bi = bm[b + 3]; // rm is written only at the end, so b may be r
        bs = bi << 5;
        c5 = 0;
        c0 += (a0 * bi) & MASK;
        c1 += Math.multiplyHigh(as0, bs);
        c1 += (a1 * bi) & MASK;
        c2 += Math.multiplyHigh(as1, bs);
        c2 += (a2 * bi) & MASK;
        c3 += Math.multiplyHigh(as2, bs);
        c3 += (a3 * bi) & MASK;
        c4 += Math.multiplyHigh(as3, bs);
        c4 += (a4 * bi) & MASK;
        c5 += Math.multiplyHigh(as4, bs);
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c0 = c1 + (c0 >>> 52); // the low 52 bits of c0 are zero now
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
        // row 4: c += a·b4, then c += q·p with q making c0 ≡ 0 mod 2^52, then shift one limb
        bi = bm[b + 4]; // rm is written only at the end, so b may be r
        bs = bi << 5;
        c5 = 0;
        c0 += (a0 * bi) & MASK;
        c1 += Math.multiplyHigh(as0, bs);
        c1 += (a1 * bi) & MASK;
        c2 += Math.multiplyHigh(as1, bs);
        c2 += (a2 * bi) & MASK;
        c3 += Math.multiplyHigh(as2, bs);
        c3 += (a3 * bi) & MASK;
        c4 += Math.multiplyHigh(as3, bs);
        c4 += (a4 * bi) & MASK;
        c5 += Math.multiplyHigh(as4, bs);
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c0 = c1 + (c0 >>> 52); // the low 52 bits of c0 are zero now
        c1 = c2;
        c2 = c3;
        c3 = c4;
        c4 = c5;
        c1 += c0 >>> 52;
        c0 &= MASK;
        c2 += c1 >>> 52;
        c1 &= MASK;
        c3 += c2 >>> 52;
        c2 &= MASK;
        c4 += c3 >>> 52;
        c3 &= MASK;
        rm[r] = c0;
        rm[r + 1] = c1;
        rm[r + 2] = c2;
        rm[r + 3] = c3;
        rm[r + 4] = c4;
    }

    /**
     * r ← a·b as a double-width value (ten column accumulators, no reduction), for a and b with limbs below
     * 2^53: each column stays below 5·2^52 + 5·2^54 &lt; 2^56.4. Used to share one reduction among several
     * products (see {@link Fp2Limbs#mul}).
     */
    public static void mulWide(long[] m, int r, int a, int b) {
        final long a0 = m[a];
        final long a1 = m[a + 1];
        final long a2 = m[a + 2];
        final long a3 = m[a + 3];
        final long a4 = m[a + 4];
        final long as0 = a0 << 7;
        final long as1 = a1 << 7;
        final long as2 = a2 << 7;
        final long as3 = a3 << 7;
        final long as4 = a4 << 7;
        final long b0 = m[b];
        final long b1 = m[b + 1];
        final long b2 = m[b + 2];
        final long b3 = m[b + 3];
        final long b4 = m[b + 4];
        final long bs0 = b0 << 5;
        final long bs1 = b1 << 5;
        final long bs2 = b2 << 5;
        final long bs3 = b3 << 5;
        final long bs4 = b4 << 5;
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        long c4 = 0;
        long c5 = 0;
        long c6 = 0;
        long c7 = 0;
        long c8 = 0;
        long c9 = 0;
        c0 += (a0 * b0) & MASK;
        c1 += Math.multiplyHigh(as0, bs0);
        c1 += (a0 * b1) & MASK;
        c2 += Math.multiplyHigh(as0, bs1);
        c2 += (a0 * b2) & MASK;
        c3 += Math.multiplyHigh(as0, bs2);
        c3 += (a0 * b3) & MASK;
        c4 += Math.multiplyHigh(as0, bs3);
        c4 += (a0 * b4) & MASK;
        c5 += Math.multiplyHigh(as0, bs4);
        c1 += (a1 * b0) & MASK;
        c2 += Math.multiplyHigh(as1, bs0);
        c2 += (a1 * b1) & MASK;
        c3 += Math.multiplyHigh(as1, bs1);
        c3 += (a1 * b2) & MASK;
        c4 += Math.multiplyHigh(as1, bs2);
        c4 += (a1 * b3) & MASK;
        c5 += Math.multiplyHigh(as1, bs3);
        c5 += (a1 * b4) & MASK;
        c6 += Math.multiplyHigh(as1, bs4);
        c2 += (a2 * b0) & MASK;
        c3 += Math.multiplyHigh(as2, bs0);
        c3 += (a2 * b1) & MASK;
        c4 += Math.multiplyHigh(as2, bs1);
        c4 += (a2 * b2) & MASK;
        c5 += Math.multiplyHigh(as2, bs2);
        c5 += (a2 * b3) & MASK;
        c6 += Math.multiplyHigh(as2, bs3);
        c6 += (a2 * b4) & MASK;
        c7 += Math.multiplyHigh(as2, bs4);
        c3 += (a3 * b0) & MASK;
        c4 += Math.multiplyHigh(as3, bs0);
        c4 += (a3 * b1) & MASK;
        c5 += Math.multiplyHigh(as3, bs1);
        c5 += (a3 * b2) & MASK;
        c6 += Math.multiplyHigh(as3, bs2);
        c6 += (a3 * b3) & MASK;
        c7 += Math.multiplyHigh(as3, bs3);
        c7 += (a3 * b4) & MASK;
        c8 += Math.multiplyHigh(as3, bs4);
        c4 += (a4 * b0) & MASK;
        c5 += Math.multiplyHigh(as4, bs0);
        c5 += (a4 * b1) & MASK;
        c6 += Math.multiplyHigh(as4, bs1);
        c6 += (a4 * b2) & MASK;
        c7 += Math.multiplyHigh(as4, bs2);
        c7 += (a4 * b3) & MASK;
        c8 += Math.multiplyHigh(as4, bs3);
        c8 += (a4 * b4) & MASK;
        c9 += Math.multiplyHigh(as4, bs4);
        m[r] = c0;
        m[r + 1] = c1;
        m[r + 2] = c2;
        m[r + 3] = c3;
        m[r + 4] = c4;
        m[r + 5] = c5;
        m[r + 6] = c6;
        m[r + 7] = c7;
        m[r + 8] = c8;
        m[r + 9] = c9;
    }

    /** r ← a + b for double-width values, column by column. */
    public static void addWide(long[] m, int r, int a, int b) {
        for (int i = 0; i < WIDE; i++) {
            m[r + i] = m[a + i] + m[b + i];
        }
    }

    /**
     * r ← a + p·2^258 − b for double-width values, b with columns below 2^57 − 32 and value below p·2^258
     * (about 21.2p²; two products of normal values are below 18p²).
     */
    public static void subWide(long[] m, int r, int a, int b) {
        for (int i = 0; i < WIDE; i++) {
            m[r + i] = m[a + i] + WIDE_BIAS[i] - m[b + i];
        }
    }

    /**
     * r ← a·2^−260 mod p for a double-width value a with columns below 2^59 and value T below 2p·2^260
     * (about 169p²): Montgomery reduction, five rounds adding q·p with q making the lowest column
     * divisible by 2^52. The result is normal with V &lt; T/2^260 + p.
     */
    public static void reduceWide(long[] m, int r, int a) {
        long c0 = m[a];
        long c1 = m[a + 1];
        long c2 = m[a + 2];
        long c3 = m[a + 3];
        long c4 = m[a + 4];
        long c5 = m[a + 5];
        long c6 = m[a + 6];
        long c7 = m[a + 7];
        long c8 = m[a + 8];
        long c9 = m[a + 9];
        long qs;
        long q;
        q = (c0 * INV) & MASK;
        qs = q << 7;
        c0 += (q * Q0) & MASK;
        c1 += Math.multiplyHigh(qs, QS0);
        c1 += (q * Q1) & MASK;
        c2 += Math.multiplyHigh(qs, QS1);
        c2 += (q * Q2) & MASK;
        c3 += Math.multiplyHigh(qs, QS2);
        c3 += (q * Q3) & MASK;
        c4 += Math.multiplyHigh(qs, QS3);
        c4 += (q * Q4) & MASK;
        c5 += Math.multiplyHigh(qs, QS4);
        c1 += c0 >>> 52;
        q = (c1 * INV) & MASK;
        qs = q << 7;
        c1 += (q * Q0) & MASK;
        c2 += Math.multiplyHigh(qs, QS0);
        c2 += (q * Q1) & MASK;
        c3 += Math.multiplyHigh(qs, QS1);
        c3 += (q * Q2) & MASK;
        c4 += Math.multiplyHigh(qs, QS2);
        c4 += (q * Q3) & MASK;
        c5 += Math.multiplyHigh(qs, QS3);
        c5 += (q * Q4) & MASK;
        c6 += Math.multiplyHigh(qs, QS4);
        c2 += c1 >>> 52;
        q = (c2 * INV) & MASK;
        qs = q << 7;
        c2 += (q * Q0) & MASK;
        c3 += Math.multiplyHigh(qs, QS0);
        c3 += (q * Q1) & MASK;
        c4 += Math.multiplyHigh(qs, QS1);
        c4 += (q * Q2) & MASK;
        c5 += Math.multiplyHigh(qs, QS2);
        c5 += (q * Q3) & MASK;
        c6 += Math.multiplyHigh(qs, QS3);
        c6 += (q * Q4) & MASK;
        c7 += Math.multiplyHigh(qs, QS4);
        c3 += c2 >>> 52;
        q = (c3 * INV) & MASK;
        qs = q << 7;
        c3 += (q * Q0) & MASK;
        c4 += Math.multiplyHigh(qs, QS0);
        c4 += (q * Q1) & MASK;
        c5 += Math.multiplyHigh(qs, QS1);
        c5 += (q * Q2) & MASK;
        c6 += Math.multiplyHigh(qs, QS2);
        c6 += (q * Q3) & MASK;
        c7 += Math.multiplyHigh(qs, QS3);
        c7 += (q * Q4) & MASK;
        c8 += Math.multiplyHigh(qs, QS4);
        c4 += c3 >>> 52;
        q = (c4 * INV) & MASK;
        qs = q << 7;
        c4 += (q * Q0) & MASK;
        c5 += Math.multiplyHigh(qs, QS0);
        c5 += (q * Q1) & MASK;
        c6 += Math.multiplyHigh(qs, QS1);
        c6 += (q * Q2) & MASK;
        c7 += Math.multiplyHigh(qs, QS2);
        c7 += (q * Q3) & MASK;
        c8 += Math.multiplyHigh(qs, QS3);
        c8 += (q * Q4) & MASK;
        c9 += Math.multiplyHigh(qs, QS4);
        c5 += c4 >>> 52;
        c6 += c5 >>> 52;
        c5 &= MASK;
        c7 += c6 >>> 52;
        c6 &= MASK;
        c8 += c7 >>> 52;
        c7 &= MASK;
        c9 += c8 >>> 52;
        c8 &= MASK;
        m[r] = c5;
        m[r + 1] = c6;
        m[r + 2] = c7;
        m[r + 3] = c8;
        m[r + 4] = c9;
    }
}
