package io.zklayer.zk.field;

/**
 * Allocation-free Fp arithmetic on elements stored as four longs (Montgomery form, least significant
 * limb first, exactly the limbs of {@link Fp}) at an offset in a {@code long[]}; the pairing's Miller
 * loop and final exponentiation run on these so that no object is created per field operation.
 *
 * <p>Every method reads all of its inputs before it writes its result, so a result may overwrite an
 * input ({@code mul(m, 0, 0, 4)} squares-and-replaces in place is allowed). All values are fully
 * reduced (below p) except the output of {@link #addUnreduced}, which is below 2p and may only be an
 * input of {@link #mul}: the Montgomery product accepts inputs below 2p (since 4p &lt; 2^256, the
 * running sum stays below 3p &lt; 2^256 and the result is below 2p before its final subtraction).
 * Example: with {@code m = {1, 0, 0, 0, …}} the four longs at offset 0 hold the Montgomery value 1,
 * i.e. the element 2^−256 mod p.
 */
public final class FpLimbs {
    /** Longs per element. */
    public static final int SIZE = 4;
    private static final long[] ONE = {Fp.ONE.l0, Fp.ONE.l1, Fp.ONE.l2, Fp.ONE.l3};

    private FpLimbs() {}

    /** Writes x at {@code r}. */
    public static void set(long[] m, int r, Fp x) {
        m[r] = x.l0;
        m[r + 1] = x.l1;
        m[r + 2] = x.l2;
        m[r + 3] = x.l3;
    }

    /** Returns the element at {@code a}. */
    public static Fp get(long[] m, int a) {
        return new Fp(m[a], m[a + 1], m[a + 2], m[a + 3]);
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
    }

    /** Copies the element at {@code a} to {@code r}. */
    public static void copy(long[] m, int r, int a) {
        m[r] = m[a];
        m[r + 1] = m[a + 1];
        m[r + 2] = m[a + 2];
        m[r + 3] = m[a + 3];
    }

    /** Returns true if the element at {@code a} is zero. */
    public static boolean isZero(long[] m, int a) {
        return (m[a] | m[a + 1] | m[a + 2] | m[a + 3]) == 0;
    }

    /** Returns true if the elements at {@code a} and {@code b} are equal. */
    public static boolean equal(long[] m, int a, int b) {
        return m[a] == m[b] && m[a + 1] == m[b + 1] && m[a + 2] == m[b + 2] && m[a + 3] == m[b + 3];
    }

    /** r ← a + b (reduced). */
    public static void add(long[] m, int r, int a, int b) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        long y0 = m[b], y1 = m[b + 1], y2 = m[b + 2], y3 = m[b + 3];
        long s0 = x0 + y0;
        long c = ((x0 & y0) | ((x0 | y0) & ~s0)) >>> 63;
        long t = x1 + y1;
        long s1 = t + c;
        c = (((x1 & y1) | ((x1 | y1) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s1)) >>> 63);
        t = x2 + y2;
        long s2 = t + c;
        c = (((x2 & y2) | ((x2 | y2) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s2)) >>> 63);
        long s3 = x3 + y3 + c; // below 2p < 2^255: no carry out
        reduceOnce(m, r, s0, s1, s2, s3);
    }

    /**
     * r ← a + b without the final subtraction: the result is below 2p and is only valid as an input of
     * {@link #mul} (see the class comment).
     */
    public static void addUnreduced(long[] m, int r, int a, int b) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        long y0 = m[b], y1 = m[b + 1], y2 = m[b + 2], y3 = m[b + 3];
        long s0 = x0 + y0;
        long c = ((x0 & y0) | ((x0 | y0) & ~s0)) >>> 63;
        long t = x1 + y1;
        long s1 = t + c;
        c = (((x1 & y1) | ((x1 | y1) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s1)) >>> 63);
        t = x2 + y2;
        long s2 = t + c;
        c = (((x2 & y2) | ((x2 | y2) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s2)) >>> 63);
        m[r] = s0;
        m[r + 1] = s1;
        m[r + 2] = s2;
        m[r + 3] = x3 + y3 + c;
    }

    /** r ← 2a. */
    public static void dbl(long[] m, int r, int a) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        reduceOnce(m, r, x0 << 1, (x1 << 1) | (x0 >>> 63), (x2 << 1) | (x1 >>> 63), (x3 << 1) | (x2 >>> 63));
    }

    /** r ← a − b. */
    public static void sub(long[] m, int r, int a, int b) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        long y0 = m[b], y1 = m[b + 1], y2 = m[b + 2], y3 = m[b + 3];
        long d0 = x0 - y0;
        long br = ((~x0 & y0) | (~(x0 ^ y0) & d0)) >>> 63;
        long t = x1 - y1;
        long d1 = t - br;
        br = (((~x1 & y1) | (~(x1 ^ y1) & t)) >>> 63) | (((~t & br) | (~(t ^ br) & d1)) >>> 63);
        t = x2 - y2;
        long d2 = t - br;
        br = (((~x2 & y2) | (~(x2 ^ y2) & t)) >>> 63) | (((~t & br) | (~(t ^ br) & d2)) >>> 63);
        t = x3 - y3;
        long d3 = t - br;
        br = (((~x3 & y3) | (~(x3 ^ y3) & t)) >>> 63) | (((~t & br) | (~(t ^ br) & d3)) >>> 63);
        addBackIfBorrowed(m, r, d0, d1, d2, d3, br);
    }

    /** r ← −a. */
    public static void neg(long[] m, int r, int a) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        long nz = -(((x0 | x1 | x2 | x3) | -(x0 | x1 | x2 | x3)) >>> 63); // all ones unless a = 0
        long d0 = Fp.P0 - x0;
        long br = ((~Fp.P0 & x0) | (~(Fp.P0 ^ x0) & d0)) >>> 63;
        long t = Fp.P1 - x1;
        long d1 = t - br;
        br = (((~Fp.P1 & x1) | (~(Fp.P1 ^ x1) & t)) >>> 63) | (((~t & br) | (~(t ^ br) & d1)) >>> 63);
        t = Fp.P2 - x2;
        long d2 = t - br;
        br = (((~Fp.P2 & x2) | (~(Fp.P2 ^ x2) & t)) >>> 63) | (((~t & br) | (~(t ^ br) & d2)) >>> 63);
        long d3 = Fp.P3 - x3 - br;
        m[r] = d0 & nz;
        m[r + 1] = d1 & nz;
        m[r + 2] = d2 & nz;
        m[r + 3] = d3 & nz;
    }

    /** r ← a/2 (a + p when a is odd, then a shift: both are below 2^255). */
    public static void halve(long[] m, int r, int a) {
        long x0 = m[a], x1 = m[a + 1], x2 = m[a + 2], x3 = m[a + 3];
        long odd = -(x0 & 1);
        long q0 = Fp.P0 & odd, q1 = Fp.P1 & odd, q2 = Fp.P2 & odd, q3 = Fp.P3 & odd;
        long s0 = x0 + q0;
        long c = ((x0 & q0) | ((x0 | q0) & ~s0)) >>> 63;
        long t = x1 + q1;
        long s1 = t + c;
        c = (((x1 & q1) | ((x1 | q1) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s1)) >>> 63);
        t = x2 + q2;
        long s2 = t + c;
        c = (((x2 & q2) | ((x2 | q2) & ~t)) >>> 63) | (((t & c) | ((t | c) & ~s2)) >>> 63);
        long s3 = x3 + q3 + c;
        m[r] = (s0 >>> 1) | (s1 << 63);
        m[r + 1] = (s1 >>> 1) | (s2 << 63);
        m[r + 2] = (s2 >>> 1) | (s3 << 63);
        m[r + 3] = s3 >>> 1;
    }

    private static void reduceOnce(long[] m, int r, long t0, long t1, long t2, long t3) {
        long d0 = t0 - Fp.P0;
        long br = ((~t0 & Fp.P0) | (~(t0 ^ Fp.P0) & d0)) >>> 63;
        long x = t1 - Fp.P1;
        long d1 = x - br;
        br = (((~t1 & Fp.P1) | (~(t1 ^ Fp.P1) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d1)) >>> 63);
        x = t2 - Fp.P2;
        long d2 = x - br;
        br = (((~t2 & Fp.P2) | (~(t2 ^ Fp.P2) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d2)) >>> 63);
        x = t3 - Fp.P3;
        long d3 = x - br;
        br = (((~t3 & Fp.P3) | (~(t3 ^ Fp.P3) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d3)) >>> 63);
        long keep = -br; // all ones when t < p: keep t, else t − p
        m[r] = (t0 & keep) | (d0 & ~keep);
        m[r + 1] = (t1 & keep) | (d1 & ~keep);
        m[r + 2] = (t2 & keep) | (d2 & ~keep);
        m[r + 3] = (t3 & keep) | (d3 & ~keep);
    }

    private static void addBackIfBorrowed(long[] m, int r, long d0, long d1, long d2, long d3, long br) {
        long mask = -br;
        long q0 = Fp.P0 & mask, q1 = Fp.P1 & mask, q2 = Fp.P2 & mask, q3 = Fp.P3 & mask;
        long s0 = d0 + q0;
        long c = ((d0 & q0) | ((d0 | q0) & ~s0)) >>> 63;
        long x = d1 + q1;
        long s1 = x + c;
        c = (((d1 & q1) | ((d1 | q1) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s1)) >>> 63);
        x = d2 + q2;
        long s2 = x + c;
        c = (((d2 & q2) | ((d2 | q2) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s2)) >>> 63);
        m[r] = s0;
        m[r + 1] = s1;
        m[r + 2] = s2;
        m[r + 3] = d3 + q3 + c;
    }

    private static long uhi(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
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
     * rm[r] ← am[a]·bm[b] (Montgomery product, CIOS, the same algorithm as {@link Fp#mul}); inputs may be
     * unreduced below 2p, the result is reduced.
     */
    public static void mul(long[] rm, int r, long[] am, int a, long[] bm, int b) {
        final long a0 = am[a], a1 = am[a + 1], a2 = am[a + 2], a3 = am[a + 3];
        final long b0 = bm[b], b1 = bm[b + 1], b2 = bm[b + 2], b3 = bm[b + 3];
        long t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4, c, m, lo, hi, s;
        lo = a0 * b0; hi = uhi(a0, b0);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = a1 * b0; hi = uhi(a1, b0);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = a2 * b0; hi = uhi(a2, b0);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        lo = a3 * b0; hi = Math.multiplyHigh(a3, b0) + ((b0 >> 63) & a3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t3 = lo; c = hi;
        t4 = c;
        m = t0 * Fp.INV;
        lo = m * Fp.P0; hi = uhi(m, Fp.P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * Fp.P1; hi = uhi(m, Fp.P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * Fp.P2; hi = uhi(m, Fp.P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * Fp.P3; hi = uhi(m, Fp.P3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        t3 = t4 + c;
        lo = a0 * b1; hi = uhi(a0, b1);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = a1 * b1; hi = uhi(a1, b1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = a2 * b1; hi = uhi(a2, b1);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        lo = a3 * b1; hi = Math.multiplyHigh(a3, b1) + ((b1 >> 63) & a3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t3 = lo; c = hi;
        t4 = c;
        m = t0 * Fp.INV;
        lo = m * Fp.P0; hi = uhi(m, Fp.P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * Fp.P1; hi = uhi(m, Fp.P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * Fp.P2; hi = uhi(m, Fp.P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * Fp.P3; hi = uhi(m, Fp.P3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        t3 = t4 + c;
        lo = a0 * b2; hi = uhi(a0, b2);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = a1 * b2; hi = uhi(a1, b2);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = a2 * b2; hi = uhi(a2, b2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        lo = a3 * b2; hi = Math.multiplyHigh(a3, b2) + ((b2 >> 63) & a3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t3 = lo; c = hi;
        t4 = c;
        m = t0 * Fp.INV;
        lo = m * Fp.P0; hi = uhi(m, Fp.P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * Fp.P1; hi = uhi(m, Fp.P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * Fp.P2; hi = uhi(m, Fp.P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * Fp.P3; hi = uhi(m, Fp.P3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        t3 = t4 + c;
        lo = a0 * b3; hi = Math.multiplyHigh(a0, b3) + ((a0 >> 63) & b3);
        s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = a1 * b3; hi = Math.multiplyHigh(a1, b3) + ((a1 >> 63) & b3);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = a2 * b3; hi = Math.multiplyHigh(a2, b3) + ((a2 >> 63) & b3);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        lo = a3 * b3; hi = Math.multiplyHigh(a3, b3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t3 = lo; c = hi;
        t4 = c;
        m = t0 * Fp.INV;
        lo = m * Fp.P0; hi = uhi(m, Fp.P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * Fp.P1; hi = uhi(m, Fp.P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * Fp.P2; hi = uhi(m, Fp.P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * Fp.P3; hi = uhi(m, Fp.P3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        t3 = t4 + c;
        long d0 = t0 - Fp.P0;
        long br = ((~t0 & Fp.P0) | (~(t0 ^ Fp.P0) & d0)) >>> 63;
        long x = t1 - Fp.P1;
        long d1 = x - br;
        br = (((~t1 & Fp.P1) | (~(t1 ^ Fp.P1) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d1)) >>> 63);
        x = t2 - Fp.P2;
        long d2 = x - br;
        br = (((~t2 & Fp.P2) | (~(t2 ^ Fp.P2) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d2)) >>> 63);
        x = t3 - Fp.P3;
        long d3 = x - br;
        br = (((~t3 & Fp.P3) | (~(t3 ^ Fp.P3) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d3)) >>> 63);
        long keep = -br;
        rm[r] = (t0 & keep) | (d0 & ~keep);
        rm[r + 1] = (t1 & keep) | (d1 & ~keep);
        rm[r + 2] = (t2 & keep) | (d2 & ~keep);
        rm[r + 3] = (t3 & keep) | (d3 & ~keep);
    }
}
