package io.zklayer.runtime;

import java.math.BigInteger;

/**
 * A share in parts per million, as Substrate's {@code Permill}: {@code Permill(100_000)} is 10%.
 * {@link #of(BigInteger)} rounds down, so a share of an amount never exceeds the amount.
 *
 * @param parts parts per million, 0…1,000,000
 */
public record Permill(long parts) {
    /** One million parts: 100%. */
    public static final long ONE = 1_000_000;

    /** Checks the range. */
    public Permill {
        if (parts < 0 || parts > ONE) {
            throw new IllegalArgumentException("a Permill is 0…1000000 parts, got " + parts);
        }
    }

    /** Returns {@code floor(amount · parts / 1,000,000)}; e.g. 10% of 1005 is 100. */
    public BigInteger of(BigInteger amount) {
        return amount.multiply(BigInteger.valueOf(parts)).divide(BigInteger.valueOf(ONE));
    }

    /** Returns {@code floor(amount · parts / 1,000,000)} for a non-negative {@code long}. */
    public long of(long amount) {
        return of(BigInteger.valueOf(amount)).longValueExact();
    }
}
