package io.zklayer.zk.field;

import java.math.BigInteger;

/**
 * Setup arithmetic shared by {@link FpLimbs} and {@link FrLimbs}: splitting a constant into five
 * 52-bit limbs, the borrowed form of a multiple of the modulus used as a subtraction bias, and the
 * Montgomery factor −p⁻¹ mod 2^52. Only class initialisation uses it; the hot paths keep their
 * modulus limbs as {@code static final} constants, which is why the two field classes repeat their
 * (modulus-specific) arithmetic rather than sharing one parameterised implementation.
 *
 * <p>Example: {@code limbs(2^52 + 5)} is {@code {5, 1, 0, 0, 0}}.
 */
final class Limbs52 {
    /** Bits per limb. */
    static final int BITS = 52;
    /** The low 52 bits. */
    static final long MASK = (1L << BITS) - 1;

    private Limbs52() {}

    /** Returns limb {@code i} (0…3) of {@code v}: bits 52·i … 52·i + 51. */
    static long limb(BigInteger v, int i) {
        return v.shiftRight(BITS * i).longValue() & MASK;
    }

    /** Returns {@code v} (below 2^271) as four 52-bit limbs and a top limb holding the bits from 208 up. */
    static long[] limbs(BigInteger v) {
        return new long[] {limb(v, 0), limb(v, 1), limb(v, 2), limb(v, 3), v.shiftRight(4 * BITS).longValue()};
    }

    /**
     * Returns kp's limbs with 2^bits added to limbs 0..3 and the matching 2^(bits−52) taken from the
     * next: the same value, with every low limb at least 2^bits, so subtracting limbs below 2^bits
     * from it never goes negative.
     */
    static long[] borrowed(BigInteger kp, int bits) {
        long[] l = limbs(kp);
        long lend = 1L << bits;
        long borrow = 1L << (bits - BITS);
        return new long[] {l[0] + lend, l[1] + lend - borrow, l[2] + lend - borrow, l[3] + lend - borrow, l[4] - borrow};
    }

    /** Returns −p0⁻¹ mod 2^52 for an odd {@code p0}: the Montgomery reduction factor. */
    static long negInverse52(long p0) {
        long inv = 1;
        for (int i = 0; i < 6; i++) {
            inv *= 2 - p0 * inv; // Newton iteration doubles the correct low bits each step
        }
        return -inv & MASK;
    }
}
