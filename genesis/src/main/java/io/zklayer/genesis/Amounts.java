package io.zklayer.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Token amounts (u128) in chain spec JSON. Reading accepts a JSON integer of any size or a string
 * of decimal digits: {@code 1000} and {@code "1000000000000000000"}. Writing uses a number when the
 * amount is at most 2^53 − 1 (every JavaScript client reads it exactly) and a decimal string above
 * that: 10^15 → {@code 1000000000000000}, 10^18 → {@code "1000000000000000000"}. Ranges (positive,
 * at most 2^128 − 1) are checked by {@link GenesisConfig}.
 */
public final class Amounts {
    /** 2^53 − 1, JavaScript's {@code Number.MAX_SAFE_INTEGER}: the largest amount written as a number. */
    public static final BigInteger MAX_SAFE_INTEGER = BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE);

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,39}");

    private Amounts() {}

    /** Returns the JSON value for {@code amount}: a number up to 2^53 − 1, a decimal string above. */
    public static JsonNode toJson(BigInteger amount) {
        if (amount.signum() >= 0 && amount.compareTo(MAX_SAFE_INTEGER) <= 0) {
            return JsonNodeFactory.instance.numberNode(amount.longValueExact());
        }
        return JsonNodeFactory.instance.textNode(amount.toString());
    }

    /** Reads an amount: an integer, or a string of 1…39 decimal digits. */
    static BigInteger read(JsonCursor at) {
        JsonNode n = at.node();
        if (n != null && n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n != null && n.isTextual()) {
            String s = n.textValue();
            if (s.startsWith("-")) {
                throw at.error("amount " + s + " must be positive");
            }
            if (!DIGITS.matcher(s).matches()) {
                throw at.error("amount \"" + abbreviate(s) + "\" is not 1…39 decimal digits (u128 as a string)");
            }
            return new BigInteger(s);
        }
        throw at.error("expected an amount (a JSON integer or a string of decimal digits), got " + JsonCursor.kind(n));
    }

    private static String abbreviate(String s) {
        return s.length() > 48 ? s.substring(0, 48) + "…" : s;
    }
}
