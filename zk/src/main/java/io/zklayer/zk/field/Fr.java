package io.zklayer.zk.field;

import io.zklayer.zk.ZkFormatException;
import java.math.BigInteger;

/**
 * An element of Fr, the scalar field of BN254 (the order r of G1, G2 and GT): circuit signals, witnesses and scalars live here.
 *
 * <p>Immutable; held in Montgomery form (value·2^256 mod p) on four unsigned 64-bit limbs, least
 * significant first, so that multiplication is one CIOS Montgomery product without {@link BigInteger}.
 * The canonical byte form is 32 bytes big-endian of the standard (non-Montgomery) value; parsing
 * rejects any encoding ≥ p, so every element has exactly one encoding. Example: {@code Fr.of(1)}
 * encodes as {@code 0x00…01}.
 */
public final class Fr implements Comparable<Fr> {
    /** The prime modulus p. */
    public static final BigInteger MODULUS = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    static final long P0 = limb(MODULUS, 0);
    static final long P1 = limb(MODULUS, 1);
    static final long P2 = limb(MODULUS, 2);
    static final long P3 = limb(MODULUS, 3);
    /** −p^−1 mod 2^64. */
    static final long INV = negInverse64(P0);
    private static final BigInteger R = BigInteger.ONE.shiftLeft(256).mod(MODULUS);
    private static final BigInteger R2 = BigInteger.ONE.shiftLeft(512).mod(MODULUS);
    private static final Fr R2_ELEMENT = raw(R2);

    /** The additive identity. */
    public static final Fr ZERO = new Fr(0, 0, 0, 0);
    /** The multiplicative identity. */
    public static final Fr ONE = raw(R);

    final long l0;
    final long l1;
    final long l2;
    final long l3;

    Fr(long l0, long l1, long l2, long l3) {
        this.l0 = l0;
        this.l1 = l1;
        this.l2 = l2;
        this.l3 = l3;
    }

    private static Fr raw(BigInteger montgomeryValue) {
        return new Fr(limb(montgomeryValue, 0), limb(montgomeryValue, 1), limb(montgomeryValue, 2),
                limb(montgomeryValue, 3));
    }

    private static long limb(BigInteger v, int i) {
        return v.shiftRight(64 * i).longValue();
    }

    private static long negInverse64(long p0) {
        long inv = 1;
        for (int i = 0; i < 6; i++) {
            inv *= 2 - p0 * inv; // Newton iteration doubles the correct low bits each step
        }
        return -inv;
    }

    /** Returns the element equal to {@code value} mod p for any (possibly negative) long. */
    public static Fr of(long value) {
        if (value >= 0) {
            return fromLimbs(value, 0, 0, 0);
        }
        return fromLimbs(-value, 0, 0, 0).neg();
    }

    /**
     * Returns a uniformly random element drawn from {@code rng} by rejection sampling (use a
     * {@link java.security.SecureRandom} for secrets such as proof blinding factors).
     */
    public static Fr random(java.util.Random rng) {
        while (true) {
            long a0 = rng.nextLong();
            long a1 = rng.nextLong();
            long a2 = rng.nextLong();
            long a3 = rng.nextLong() >>> 2; // p < 2^254
            if (lessThanModulus(a0, a1, a2, a3)) {
                return fromLimbs(a0, a1, a2, a3);
            }
        }
    }

    /** Returns the element with standard value {@code value}; it must lie in [0, p). */
    public static Fr fromBigInteger(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
            throw new ZkFormatException("Fr: value must be in [0, p): " + value);
        }
        return fromLimbs(limb(value, 0), limb(value, 1), limb(value, 2), limb(value, 3));
    }

    /** Returns {@code value} reduced mod p; any integer is accepted (for hashing to the field). */
    public static Fr reduce(BigInteger value) {
        return fromBigInteger(value.mod(MODULUS));
    }

    /** Returns the element parsed from a decimal string in [0, p), the form snarkjs JSON uses. */
    public static Fr fromDecimal(String text) {
        if (text == null || text.isEmpty() || text.length() > 80 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new ZkFormatException("Fr: not a decimal string: " + text);
        }
        return fromBigInteger(new BigInteger(text));
    }

    /**
     * Returns the element from 32 big-endian bytes at {@code offset}; values ≥ p are rejected
     * ({@code 0x30644e72…} is p's own encoding and fails).
     */
    public static Fr fromBytesBE(byte[] in, int offset) {
        return fromLimbsChecked(readLong(in, offset + 24, true), readLong(in, offset + 16, true),
                readLong(in, offset + 8, true), readLong(in, offset, true), "big-endian at offset " + offset);
    }

    /** Returns the element from 32 little-endian bytes at {@code offset} (standard form); values ≥ p are rejected. */
    public static Fr fromBytesLE(byte[] in, int offset) {
        return fromLimbsChecked(readLong(in, offset, false), readLong(in, offset + 8, false),
                readLong(in, offset + 16, false), readLong(in, offset + 24, false), "little-endian at offset " + offset);
    }

    /**
     * Returns the element from 32 little-endian bytes already in Montgomery form (as snarkjs's zkey stores
     * them); the raw value must be below p.
     */
    public static Fr fromMontgomeryBytesLE(byte[] in, int offset) {
        long a0 = readLong(in, offset, false);
        long a1 = readLong(in, offset + 8, false);
        long a2 = readLong(in, offset + 16, false);
        long a3 = readLong(in, offset + 24, false);
        if (!lessThanModulus(a0, a1, a2, a3)) {
            throw new ZkFormatException("Fr: Montgomery value ≥ p at offset " + offset);
        }
        return new Fr(a0, a1, a2, a3);
    }

    private static Fr fromLimbsChecked(long a0, long a1, long a2, long a3, String where) {
        if (!lessThanModulus(a0, a1, a2, a3)) {
            throw new ZkFormatException("Fr: encoding is not canonical (value ≥ p), " + where);
        }
        return fromLimbs(a0, a1, a2, a3);
    }

    /** Returns the element with the standard value given by limbs (least significant first); must be below p. */
    static Fr fromLimbs(long a0, long a1, long a2, long a3) {
        return new Fr(a0, a1, a2, a3).mul(R2_ELEMENT);
    }

    static boolean lessThanModulus(long a0, long a1, long a2, long a3) {
        if (a3 != P3) {
            return Long.compareUnsigned(a3, P3) < 0;
        }
        if (a2 != P2) {
            return Long.compareUnsigned(a2, P2) < 0;
        }
        if (a1 != P1) {
            return Long.compareUnsigned(a1, P1) < 0;
        }
        return Long.compareUnsigned(a0, P0) < 0;
    }

    private static long readLong(byte[] in, int offset, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = in[offset + (bigEndian ? i : 7 - i)] & 0xff;
            v = (v << 8) | b;
        }
        return v;
    }

    private static void writeLong(long v, byte[] out, int offset, boolean bigEndian) {
        for (int i = 0; i < 8; i++) {
            out[offset + (bigEndian ? 7 - i : i)] = (byte) (v >>> (8 * i));
        }
    }

    /** Returns the standard value's limbs, least significant first. */
    public long[] toLimbs() {
        Fr s = mul(new Fr(1, 0, 0, 0));
        return new long[] {s.l0, s.l1, s.l2, s.l3};
    }

    /** Returns the standard value as a non-negative {@link BigInteger}. */
    public BigInteger toBigInteger() {
        byte[] be = toBytesBE();
        return new BigInteger(1, be);
    }

    /** Returns the 32-byte big-endian encoding of the standard value. */
    public byte[] toBytesBE() {
        byte[] out = new byte[32];
        writeBytesBE(out, 0);
        return out;
    }

    /** Writes the 32-byte big-endian encoding of the standard value at {@code offset}. */
    public void writeBytesBE(byte[] out, int offset) {
        long[] s = toLimbs();
        writeLong(s[3], out, offset, true);
        writeLong(s[2], out, offset + 8, true);
        writeLong(s[1], out, offset + 16, true);
        writeLong(s[0], out, offset + 24, true);
    }

    /** Writes the 32-byte little-endian encoding of the standard value at {@code offset}. */
    public void writeBytesLE(byte[] out, int offset) {
        long[] s = toLimbs();
        for (int i = 0; i < 4; i++) {
            writeLong(s[i], out, offset + 8 * i, false);
        }
    }

    /** Returns true for the zero element. */
    public boolean isZero() {
        return (l0 | l1 | l2 | l3) == 0;
    }

    /** Returns true for the one element. */
    public boolean isOne() {
        return equals(ONE);
    }

    /** Returns this + b. */
    public Fr add(Fr b) {
        long s0 = l0 + b.l0;
        long c = ((l0 & b.l0) | ((l0 | b.l0) & ~s0)) >>> 63;
        long x = l1 + b.l1;
        long s1 = x + c;
        c = (((l1 & b.l1) | ((l1 | b.l1) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s1)) >>> 63);
        x = l2 + b.l2;
        long s2 = x + c;
        c = (((l2 & b.l2) | ((l2 | b.l2) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s2)) >>> 63);
        long s3 = l3 + b.l3 + c; // p < 2^254, so the sum of two reduced values fits in 256 bits
        return reduceOnce(s0, s1, s2, s3);
    }

    /** Returns 2·this. */
    public Fr dbl() {
        return add(this);
    }

    /** Returns this − b. */
    public Fr sub(Fr b) {
        long d0 = l0 - b.l0;
        long br = ((~l0 & b.l0) | (~(l0 ^ b.l0) & d0)) >>> 63;
        long x = l1 - b.l1;
        long d1 = x - br;
        br = (((~l1 & b.l1) | (~(l1 ^ b.l1) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d1)) >>> 63);
        x = l2 - b.l2;
        long d2 = x - br;
        br = (((~l2 & b.l2) | (~(l2 ^ b.l2) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d2)) >>> 63);
        x = l3 - b.l3;
        long d3 = x - br;
        br = (((~l3 & b.l3) | (~(l3 ^ b.l3) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d3)) >>> 63);
        // add p back when the subtraction borrowed, without a data-dependent branch
        long mask = -br;
        long q0 = P0 & mask;
        long q1 = P1 & mask;
        long q2 = P2 & mask;
        long q3 = P3 & mask;
        long s0 = d0 + q0;
        long c = ((d0 & q0) | ((d0 | q0) & ~s0)) >>> 63;
        x = d1 + q1;
        long s1 = x + c;
        c = (((d1 & q1) | ((d1 | q1) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s1)) >>> 63);
        x = d2 + q2;
        long s2 = x + c;
        c = (((d2 & q2) | ((d2 | q2) & ~x)) >>> 63) | (((x & c) | ((x | c) & ~s2)) >>> 63);
        long s3 = d3 + q3 + c;
        return new Fr(s0, s1, s2, s3);
    }

    /** Returns −this. */
    public Fr neg() {
        return isZero() ? this : ZERO.sub(this);
    }

    private static Fr reduceOnce(long t0, long t1, long t2, long t3) {
        long d0 = t0 - P0;
        long br = ((~t0 & P0) | (~(t0 ^ P0) & d0)) >>> 63;
        long x = t1 - P1;
        long d1 = x - br;
        br = (((~t1 & P1) | (~(t1 ^ P1) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d1)) >>> 63);
        x = t2 - P2;
        long d2 = x - br;
        br = (((~t2 & P2) | (~(t2 ^ P2) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d2)) >>> 63);
        x = t3 - P3;
        long d3 = x - br;
        br = (((~t3 & P3) | (~(t3 ^ P3) & x)) >>> 63) | (((~x & br) | (~(x ^ br) & d3)) >>> 63);
        long keep = -br; // all ones when t < p: keep t, else take t − p (branch-free select)
        return new Fr((t0 & keep) | (d0 & ~keep), (t1 & keep) | (d1 & ~keep), (t2 & keep) | (d2 & ~keep),
                (t3 & keep) | (d3 & ~keep));
    }

    private static long uhi(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * Returns this · b (Montgomery product, CIOS). Products with a top limb skip half of the
     * signed-to-unsigned correction of {@code multiplyHigh}: reduced values are below p < 2^254, so their
     * top limbs are below 2^62 and never negative as signed longs.
     */
    public Fr mul(Fr b) {
        final long a0 = l0, a1 = l1, a2 = l2, a3 = l3;
        final long b0 = b.l0, b1 = b.l1, b2 = b.l2, b3 = b.l3;
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
        m = t0 * INV;
        lo = m * P0; hi = uhi(m, P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * P1; hi = uhi(m, P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * P2; hi = uhi(m, P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * P3; hi = uhi(m, P3);
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
        m = t0 * INV;
        lo = m * P0; hi = uhi(m, P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * P1; hi = uhi(m, P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * P2; hi = uhi(m, P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * P3; hi = uhi(m, P3);
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
        m = t0 * INV;
        lo = m * P0; hi = uhi(m, P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * P1; hi = uhi(m, P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * P2; hi = uhi(m, P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * P3; hi = uhi(m, P3);
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
        m = t0 * INV;
        lo = m * P0; hi = uhi(m, P0); s = lo + t0; c = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);
        lo = m * P1; hi = uhi(m, P1);
        s = lo + t1; hi += ((lo & t1) | ((lo | t1) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t0 = lo; c = hi;
        lo = m * P2; hi = uhi(m, P2);
        s = lo + t2; hi += ((lo & t2) | ((lo | t2) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t1 = lo; c = hi;
        lo = m * P3; hi = uhi(m, P3);
        s = lo + t3; hi += ((lo & t3) | ((lo | t3) & ~s)) >>> 63; lo = s;
        s = lo + c; hi += ((lo & c) | ((lo | c) & ~s)) >>> 63; lo = s;
        t2 = lo; c = hi;
        t3 = t4 + c;
        return reduceOnce(t0, t1, t2, t3);
    }

    /** Returns this². */
    public Fr square() {
        return mul(this);
    }

    /** Returns this^e for a non-negative exponent. */
    public Fr pow(BigInteger e) {
        Fr result = ONE;
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            result = result.square();
            if (e.testBit(i)) {
                result = result.mul(this);
            }
        }
        return result;
    }

    /** Returns this^−1; the inverse of zero is an {@link ArithmeticException}. */
    public Fr inverse() {
        if (isZero()) {
            throw new ArithmeticException("Fr: zero has no inverse");
        }
        return pow(MODULUS.subtract(BigInteger.TWO));
    }

    /** Returns true if the standard value is greater than (p − 1)/2 (the "lexicographically largest" root). */
    public boolean isLexicographicallyLargest() {
        return toBigInteger().compareTo(MODULUS.shiftRight(1)) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fr && ((Fr) o).l0 == l0 && ((Fr) o).l1 == l1
                && ((Fr) o).l2 == l2 && ((Fr) o).l3 == l3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(l0 ^ (l1 * 31) ^ (l2 * 961) ^ (l3 * 29791));
    }

    @Override
    public int compareTo(Fr o) {
        return toBigInteger().compareTo(o.toBigInteger());
    }

    /** Returns the standard value in decimal (the snarkjs JSON form). */
    @Override
    public String toString() {
        return toBigInteger().toString();
    }
}
