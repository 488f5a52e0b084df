package io.zklayer.runtime;

import io.zklayer.pallets.inference.InferenceParameters;
import io.zklayer.pallets.payment.FeeSchedule;
import io.zklayer.pallets.pools.PoolsParameters;
import java.math.BigInteger;

/**
 * The tunable constants of the ZKLayer runtime. {@link #defaults()} holds the values of every
 * preset: 12 decimals, existential deposit 0.001 units, blocks at least one second apart, the
 * pools' and the market's preset constants.
 *
 * @param existentialDeposit the smallest balance that keeps an account alive
 * @param fees the fee schedule
 * @param minimumPeriodMillis the minimum time between blocks (half the slot duration)
 * @param limits the per-block weight and length limits
 * @param pools the constants of the Pools pallet
 * @param inference the constants of the Inference pallet
 */
public record RuntimeParameters(BigInteger existentialDeposit, FeeSchedule fees, long minimumPeriodMillis,
                                BlockLimits limits, PoolsParameters pools, InferenceParameters inference) {
    /** One unit of the token (12 decimals). */
    public static final BigInteger UNIT = BigInteger.TEN.pow(12);

    /** Creates parameters with the preset pools and market constants. */
    public RuntimeParameters(BigInteger existentialDeposit, FeeSchedule fees, long minimumPeriodMillis,
                             BlockLimits limits) {
        this(existentialDeposit, fees, minimumPeriodMillis, limits, PoolsParameters.defaults(UNIT),
                InferenceParameters.defaults());
    }

    /** Returns the defaults of the dev and local presets. */
    public static RuntimeParameters defaults() {
        return new RuntimeParameters(UNIT.divide(BigInteger.valueOf(1000)),
                new FeeSchedule(UNIT.divide(BigInteger.valueOf(1000)), BigInteger.valueOf(1_000_000), 100),
                1000, BlockLimits.defaults());
    }

    /** Returns a copy with other pools constants. */
    public RuntimeParameters withPools(PoolsParameters newPools) {
        return new RuntimeParameters(existentialDeposit, fees, minimumPeriodMillis, limits, newPools, inference);
    }

    /** Returns a copy with other market constants. */
    public RuntimeParameters withInference(InferenceParameters newInference) {
        return new RuntimeParameters(existentialDeposit, fees, minimumPeriodMillis, limits, pools, newInference);
    }
}
