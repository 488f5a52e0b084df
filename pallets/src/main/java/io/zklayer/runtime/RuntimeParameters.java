package io.zklayer.runtime;

import io.zklayer.pallets.payment.FeeSchedule;
import java.math.BigInteger;

/**
 * The tunable constants of the ZKLayer runtime. {@link #defaults()} holds the values of every
 * preset: 12 decimals, existential deposit 0.001 units, blocks at least one second apart.
 *
 * @param existentialDeposit the smallest balance that keeps an account alive
 * @param fees the fee schedule
 * @param minimumPeriodMillis the minimum time between blocks (half the slot duration)
 * @param limits the per-block weight and length limits
 */
public record RuntimeParameters(BigInteger existentialDeposit, FeeSchedule fees, long minimumPeriodMillis,
                                BlockLimits limits) {
    /** One unit of the token (12 decimals). */
    public static final BigInteger UNIT = BigInteger.TEN.pow(12);

    /** Returns the defaults of the dev and local presets. */
    public static RuntimeParameters defaults() {
        return new RuntimeParameters(UNIT.divide(BigInteger.valueOf(1000)),
                new FeeSchedule(UNIT.divide(BigInteger.valueOf(1000)), BigInteger.valueOf(1_000_000), 100),
                1000, BlockLimits.defaults());
    }
}
