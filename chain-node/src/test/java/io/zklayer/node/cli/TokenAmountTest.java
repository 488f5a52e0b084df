package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TokenAmountTest {
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static BigInteger units(String text, int decimals) {
        return new TokenAmount(text, false).toPlanck(decimals);
    }

    @Test
    void decimalUnitsScaleByTheTokensDecimals() {
        assertThat(units("1.5", 12)).isEqualTo(new BigInteger("1500000000000"));
        assertThat(units("0.000000000001", 12)).isEqualTo(BigInteger.ONE);
        assertThat(units("007.50", 12)).isEqualTo(new BigInteger("7500000000000"));
        assertThat(units("1000000", 12)).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(units("42", 0)).isEqualTo(BigInteger.valueOf(42));
        assertThat(units("2.000", 0)).isEqualTo(BigInteger.TWO);
    }

    @Test
    void planckIsTakenAsIs() {
        assertThat(new TokenAmount("2000", true).toPlanck(0)).isEqualTo(BigInteger.valueOf(2000));
        assertThat(new TokenAmount(U128_MAX.toString(), true).toPlanck(0)).isEqualTo(U128_MAX);
    }

    @Test
    void refusesMoreDecimalPlacesThanTheToken() {
        assertThatThrownBy(() -> units("0.0000000000001", 12)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("--amount 0.0000000000001 has more decimal places than the token's 12 (the smallest amount"
                        + " is 0.000000000001)");
        assertThatThrownBy(() -> units("1.5", 0)).hasMessageContaining("more decimal places than the token's 0 (the"
                + " smallest amount is 1)");
    }

    @Test
    void refusesZeroAndAmountsAboveU128() {
        assertThatThrownBy(() -> units("0.000", 12)).hasMessage("--amount must be more than zero");
        assertThatThrownBy(() -> new TokenAmount("0", true).toPlanck(0)).hasMessage("--amount must be more than zero");
        assertThat(units("340282366920938463463374607.431768211455", 12)).isEqualTo(U128_MAX);
        assertThatThrownBy(() -> units("340282366920938463463374607.431768211456", 12))
                .hasMessage("--amount 340282366920938463463374607.431768211456 is 340282366920938463463374607431768211456"
                        + " planck, which is above the largest balance 2^128 - 1");
        assertThatThrownBy(() -> new TokenAmount(U128_MAX.add(BigInteger.ONE).toString(), true).toPlanck(0))
                .hasMessage("--amount 340282366920938463463374607431768211456 is above the largest balance 2^128 - 1");
    }

    @Test
    void refusesAnythingButPlainDigitsWithOnePoint() {
        for (String bad : new String[] {"1e3", "-1", "+1", "1,5", ".5", "1.", "1.2.3", " 1", "0x10", "", "1".repeat(41)}) {
            assertThatThrownBy(() -> new TokenAmount(bad, false)).as(bad).isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("--amount must be a decimal number of tokens");
        }
        assertThatThrownBy(() -> new TokenAmount(null, true)).hasMessageStartingWith("--amount must be a whole number");
    }

    @Test
    void formatsWithoutTrailingZeros() {
        assertThat(TokenAmount.format(new BigInteger("1500000000000"), 12)).isEqualTo("1.5");
        assertThat(TokenAmount.format(BigInteger.valueOf(150_000_000), 12)).isEqualTo("0.00015");
        assertThat(TokenAmount.format(new BigInteger("1000000000000"), 12)).isEqualTo("1");
        assertThat(TokenAmount.format(BigInteger.ZERO, 12)).isEqualTo("0");
        assertThat(TokenAmount.format(BigInteger.valueOf(10), 0)).isEqualTo("10");
    }

    @Test
    void planckOptionsAreWholeNumbersUpToU128() {
        assertThat(TokenAmount.parsePlanck("--tip", "0")).isZero();
        assertThat(TokenAmount.parsePlanck("--tip", U128_MAX.toString())).isEqualTo(U128_MAX);
        assertThatThrownBy(() -> TokenAmount.parsePlanck("--tip", "1.0"))
                .hasMessage("--tip must be a whole number of planck (0 or more), got '1.0'");
    }

    @Property(tries = 300, seed = "1500000000000")
    void aFormattedAmountReadsBackAsTheSamePlanck(@ForAll("planck") BigInteger planck,
                                                  @ForAll @IntRange(min = 0, max = 38) int decimals) {
        String shown = TokenAmount.format(planck, decimals);

        assertThat(new TokenAmount(shown, false).toPlanck(decimals)).isEqualTo(planck);
    }

    @Provide
    Arbitrary<BigInteger> planck() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, U128_MAX);
    }
}
