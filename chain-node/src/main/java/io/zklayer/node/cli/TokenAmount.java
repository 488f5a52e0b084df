package io.zklayer.node.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A token amount as the {@code tx} commands read it: decimal units of the chain's token
 * ({@code 1.5}, scaled by the chain's {@code tokenDecimals}) or, with {@code --planck}, a whole
 * number of the smallest unit. With 12 decimals {@code 1.5} is {@code 1500000000000} planck and
 * {@code 0.000000000001} is {@code 1}; {@code 1e3}, {@code -1}, {@code 1,5} and
 * {@code 0.0000000000001} (13 places) are refused.
 *
 * <p>Exact decimal arithmetic only (no floating point); every amount must fit a u128.
 *
 * @param text the amount as typed, checked to be digits with at most one {@code .}
 * @param planck whether {@link #text} is already in planck
 */
record TokenAmount(String text, boolean planck) {
    /** The largest balance of the runtime: 2^128 − 1. */
    static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}(\\.[0-9]{1,40})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,40}");

    /**
     * Checks the syntax.
     *
     * @throws InvalidConfigException naming {@code --amount} when the text is not a plain decimal
     *     (or, in planck, not a whole number)
     */
    TokenAmount {
        if (text == null || !(planck ? WHOLE : DECIMAL).matcher(text).matches()) {
            throw new InvalidConfigException("--amount must be " + (planck
                    ? "a whole number of planck with --planck, such as 1500000000000"
                    : "a decimal number of tokens, such as 1.5 (or planck with --planck)") + ", got '" + text + "'");
        }
    }

    /**
     * Returns the amount in planck for a token with {@code decimals} decimal places.
     *
     * @throws InvalidConfigException when the amount is zero, has more decimal places than the
     *     token, or is above 2^128 − 1 planck
     */
    BigInteger toPlanck(int decimals) {
        BigInteger value;
        if (planck) {
            value = new BigInteger(text);
        } else {
            BigDecimal scaled = new BigDecimal(text).movePointRight(decimals).stripTrailingZeros();
            if (scaled.scale() > 0) {
                throw new InvalidConfigException("--amount " + text + " has more decimal places than the token's "
                        + decimals + " (the smallest amount is " + format(BigInteger.ONE, decimals) + ")");
            }
            value = scaled.toBigIntegerExact();
        }
        if (value.signum() == 0) {
            throw new InvalidConfigException("--amount must be more than zero");
        }
        if (value.compareTo(U128_MAX) > 0) {
            throw new InvalidConfigException("--amount " + text + (planck ? "" : " is " + value + " planck, which")
                    + " is above the largest balance 2^128 - 1");
        }
        return value;
    }

    /**
     * Returns {@code planck} in decimal units without trailing zeros: {@code (1500000000000, 12)}
     * → {@code 1.5}, {@code (150000000, 12)} → {@code 0.00015}, {@code (7, 0)} → {@code 7}.
     */
    static String format(BigInteger planck, int decimals) {
        BigDecimal units = new BigDecimal(planck).movePointLeft(decimals).stripTrailingZeros();
        return units.scale() < 0 ? units.setScale(0).toPlainString() : units.toPlainString();
    }

    /**
     * Parses a whole number of planck for an option such as {@code --tip}: {@code 0} … 2^128 − 1.
     *
     * @throws InvalidConfigException naming {@code option}
     */
    static BigInteger parsePlanck(String option, String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new InvalidConfigException(option + " must be a whole number of planck (0 or more), got '" + text + "'");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(U128_MAX) > 0) {
            throw new InvalidConfigException(option + " " + text + " is above the largest balance 2^128 - 1");
        }
        return value;
    }
}
