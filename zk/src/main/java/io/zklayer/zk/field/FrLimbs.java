package io.zklayer.zk.field;

import java.math.BigInteger;

/**
 * Allocation-free Fr arithmetic with lazy reduction on five 52-bit limbs in Montgomery form with
 * R = 2^260 — the scalar-field twin of {@link FpLimbs} (same algorithms and bounds, with r in place of p:
 * r &lt; p, and r/2^260 &lt; 0.0119 as for p), used by the prover's number-theoretic transforms so that a
 * butterfly allocates nothing.
 *
 * <p>Bounds (V is the stored integer Σ limbᵢ·2^(52i), congruent to x·2^260 for the element x):
 * <ul>
 *   <li><b>normal</b> values have every limb below 2^52 and V &lt; 3r; {@link #mul}, {@link #normalize}
 *       and {@link #set} produce them ({@link #mul}: V &lt; 2r);
 *   <li>{@link #mul} accepts limbs below 2^55 and V(a)·V(b) ≤ 80r²;
 *   <li>{@link #add} adds limb by limb; {@link #sub} computes a + 4r − b for b with limbs below 2^52 and
 *       V &lt; 4r;
 *   <li>{@link #normalize} accepts limbs below 2^62 and V &lt; 1024r.
 * </ul>
 * Example: {@code set(m, 0, Fr.ONE)} writes the limbs of 2^260 mod r at m[0..4]; {@code get(m, 0)} returns
 * {@code Fr.ONE}, and {@link #standard} writes the plain value 1 as {@code {1, 0, 0, 0}}.
 */
public final class FrLimbs {
    /** Longs per element. */
    public static final int SIZE = 5;
    static final long MASK = (1L << 52) - 1;
    private static final BigInteger P = Fr.MODULUS;
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
    /** −r^−1 mod 2^52. */
    private static final long INV = Limbs52.negInverse52(Q0);
    /** floor(2^64 / (Q4 + 1)): the quotient estimate of {@link #normalize}. */
    private static final long RECIPROCAL = Long.divideUnsigned(-1L, Q4 + 1);
    /** 2^264 mod r as a plain integer: the Montgomery product with it turns x·2^256 into x·2^260. */
    private static final long[] TO_260 = Limbs52.limbs(BigInteger.ONE.shiftLeft(264).mod(P));
    /** 2^256 mod r as a plain integer: the Montgomery product with it turns x·2^260 into x·2^256. */
    private static final long[] TO_256 = Limbs52.limbs(BigInteger.ONE.shiftLeft(256).mod(P));
    /** The plain integer 1: the Montgomery product with it turns x·2^260 into x. */
    private static final long[] PLAIN_ONE = {1, 0, 0, 0, 0};
    /** 4r with borrowed limbs: limbs 0..3 at least 2^52 − 1, limb 4 = (4r)₄ − 1. */
    private static final long[] FOUR_P = Limbs52.borrowed(P.shiftLeft(2), 52);
    private static final long K0 = FOUR_P[0];
    private static final long K1 = FOUR_P[1];
    private static final long K2 = FOUR_P[2];
    private static final long K3 = FOUR_P[3];
    private static final long K4 = FOUR_P[4];

    private FrLimbs() {}

    /** Writes x at {@code r} (normal). */
    public static void set(long[] m, int r, Fr x) {
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

    /** Returns the element at {@code a} (limbs below 2^55, V &lt; 80r). */
    public static Fr get(long[] m, int a) {
        long[] t = new long[SIZE];
        mul(t, 0, m, a, TO_256, 0);
        canonical(t, 0, t, 0);
        return new Fr(t[0] | (t[1] << 52), (t[1] >>> 12) | (t[2] << 40), (t[2] >>> 24) | (t[3] << 28),
                (t[3] >>> 36) | (t[4] << 16));
    }

    /**
     * Writes the standard (non-Montgomery) value of the element at {@code a} (limbs below 2^55, V &lt; 80r)
     * as four 64-bit limbs, least significant first, at {@code out[o..o+3]}; {@code t} is five longs of scratch.
     */
    public static void standard(long[] m, int a, long[] t, long[] out, int o) {
        mul(t, 0, m, a, PLAIN_ONE, 0);
        canonical(t, 0, t, 0);
        out[o] = t[0] | (t[1] << 52);
        out[o + 1] = (t[1] >>> 12) | (t[2] << 40);
        out[o + 2] = (t[2] >>> 24) | (t[3] << 28);
        out[o + 3] = (t[3] >>> 36) | (t[4] << 16);
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        System.arraycopy(m, a, m, r, SIZE);
    }

    /** r ← a + b, limb by limb (lazy). */
    public static void add(long[] m, int r, int a, int b) {
        m[r] = m[a] + m[b];
        m[r + 1] = m[a + 1] + m[b + 1];
        m[r + 2] = m[a + 2] + m[b + 2];
        m[r + 3] = m[a + 3] + m[b + 3];
        m[r + 4] = m[a + 4] + m[b + 4];
    }

    /** r ← a + 4r − b for b with limbs below 2^52 and V &lt; 4r (lazy: adds 2^53 to a's limb bound, 4r to its value). */
    public static void sub(long[] m, int r, int a, int b) {
        sub(m, r, m, a, m, b);
    }

    /** rm[r] ← am[a] + 4r − bm[b], as {@link #sub(long[], int, int, int)} across arrays. */
    public static void sub(long[] rm, int r, long[] am, int a, long[] bm, int b) {
        long d0 = am[a] + K0 - bm[b];
        long d1 = am[a + 1] + K1 - bm[b + 1];
        long d2 = am[a + 2] + K2 - bm[b + 2];
        long d3 = am[a + 3] + K3 - bm[b + 3];
        long d4 = am[a + 4] + K4 - bm[b + 4];
        rm[r] = d0;
        rm[r + 1] = d1;
        rm[r + 2] = d2;
        rm[r + 3] = d3;
        rm[r + 4] = d4;
    }

    /** r ← a reduced to a normal value, for a with limbs in [0, 2^62) and V &lt; 1024r (see {@link FpLimbs#normalize}). */
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

    /** rm[r] ← the normal form of the value with limbs l0..l4 (each in [0, 2^62), V &lt; 1024r). */
    private static void normalizeInto(long[] rm, int r, long l0, long l1, long l2, long l3, long l4) {
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

    /**
     * Decimation-in-frequency butterfly (u, v) ← (u + v, (u − v)·w) for normal u at i and v at j and a
     * normal twiddle w at {@code tw[t]} ({@code tw == null}: w = 1); both results are normal. The
     * difference u + 4r − v (V &lt; 7r) times w (V &lt; 3r) stays within {@link #mul}'s 80r².
     */
    public static void butterflyDif(long[] m, int i, int j, long[] tw, int t) {
        long u0 = m[i], u1 = m[i + 1], u2 = m[i + 2], u3 = m[i + 3], u4 = m[i + 4];
        long v0 = m[j], v1 = m[j + 1], v2 = m[j + 2], v3 = m[j + 3], v4 = m[j + 4];
        normalizeInto(m, i, u0 + v0, u1 + v1, u2 + v2, u3 + v3, u4 + v4);
        if (tw == null) {
            normalizeInto(m, j, u0 + K0 - v0, u1 + K1 - v1, u2 + K2 - v2, u3 + K3 - v3, u4 + K4 - v4);
        } else {
            m[j] = u0 + K0 - v0;
            m[j + 1] = u1 + K1 - v1;
            m[j + 2] = u2 + K2 - v2;
            m[j + 3] = u3 + K3 - v3;
            m[j + 4] = u4 + K4 - v4;
            mul(m, j, m, j, tw, t);
        }
    }

    /**
     * Decimation-in-time butterfly (u, v) ← (u + v·w, u − v·w) for normal u at i and v at j and a normal
     * twiddle w at {@code tw[t]} ({@code tw == null}: w = 1); both results are normal.
     */
    public static void butterflyDit(long[] m, int i, int j, long[] tw, int t) {
        if (tw != null) {
            mul(m, j, m, j, tw, t); // V < 2r
        }
        long u0 = m[i], u1 = m[i + 1], u2 = m[i + 2], u3 = m[i + 3], u4 = m[i + 4];
        long v0 = m[j], v1 = m[j + 1], v2 = m[j + 2], v3 = m[j + 3], v4 = m[j + 4];
        normalizeInto(m, i, u0 + v0, u1 + v1, u2 + v2, u3 + v3, u4 + v4);
        normalizeInto(m, j, u0 + K0 - v0, u1 + K1 - v1, u2 + K2 - v2, u3 + K3 - v3, u4 + K4 - v4);
    }

    /** r ← the canonical limbs (V &lt; r) of a, for a with limbs below 2^62 and V &lt; 1024r. */
    private static void canonical(long[] rm, int r, long[] am, int a) {
        normalize(rm, r, am, a);
        for (int k = 0; k < 2; k++) { // V < 3r: at most two subtractions of r
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

    /** r ← a·b with all three in {@code m}. */
    public static void mul(long[] m, int r, int a, int b) {
        mul(m, r, m, a, m, b);
    }

    /**
     * rm[r] ← am[a]·bm[b]·2^−260 mod r (Montgomery product, operand scanning with the reduction
     * interleaved, with the split products of {@link FpLimbs#mul}); see the class comment for the input bounds.
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
        // row 0: c += a·b0, then c += q·r with q making c0 ≡ 0 mod 2^52, then shift one limb
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
        // row 1: c += a·b1, then c += q·r with q making c0 ≡ 0 mod 2^52, then shift one limb
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
        // row 2: c += a·b2, then c += q·r with q making c0 ≡ 0 mod 2^52, then shift one limb
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
        // row 3: c += a·b3, then c += q·r with q making c0 ≡ 0 mod 2^52, then shift one limb
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
        // row 4: c += a·b4, then c += q·r with q making c0 ≡ 0 mod 2^52, then shift one limb
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
}
