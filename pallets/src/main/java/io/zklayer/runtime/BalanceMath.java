package io.zklayer.runtime;

import java.math.BigInteger;

/**
 * Checked u128 arithmetic for token amounts. Overflow and underflow are dispatch errors
 * ({@code Arithmetic.Overflow}, {@code Arithmetic.Underflow}), never wrapped values.
 */
public final class BalanceMath {
    /** 2^128 − 1, the largest balance. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private BalanceMath() {}

    /** Returns a + b or fails with {@code Arithmetic.Overflow}. */
    public static BigInteger add(BigInteger a, BigInteger b) {
        BigInteger r = a.add(b);
        if (r.compareTo(MAX) > 0) {
            throw new DispatchException(new DispatchError.Arithmetic(DispatchError.ArithmeticError.OVERFLOW));
        }
        return r;
    }

    /** Returns a − b or fails with {@code Arithmetic.Underflow}. */
    public static BigInteger sub(BigInteger a, BigInteger b) {
        BigInteger r = a.subtract(b);
        if (r.signum() < 0) {
            throw new DispatchException(new DispatchError.Arithmetic(DispatchError.ArithmeticError.UNDERFLOW));
        }
        return r;
    }

    /** Returns a × b or fails with {@code Arithmetic.Overflow}. */
    public static BigInteger mul(BigInteger a, BigInteger b) {
        BigInteger r = a.multiply(b);
        if (r.compareTo(MAX) > 0) {
            throw new DispatchException(new DispatchError.Arithmetic(DispatchError.ArithmeticError.OVERFLOW));
        }
        return r;
    }

    /** Returns {@code amount × parts / 1_000_000} rounded down (a Perbill-like share in millionths). */
    public static BigInteger perMillion(BigInteger amount, long parts) {
        if (parts < 0 || parts > 1_000_000) {
            throw new IllegalArgumentException("share must be 0…1,000,000 millionths, got " + parts);
        }
        return amount.multiply(BigInteger.valueOf(parts)).divide(BigInteger.valueOf(1_000_000));
    }
}
