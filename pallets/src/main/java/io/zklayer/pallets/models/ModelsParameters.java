package io.zklayer.pallets.models;

import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;

/**
 * The tunable constants of the Models pallet.
 *
 * @param registrationFee paid to the treasury per registered model version (anti-spam), non-zero
 * @param maxNameLength the longest name, in bytes
 * @param maxDescriptionLength the longest description, in UTF-8 bytes
 * @param maxCodeSize the largest public Wasm code, in bytes
 * @param maxBacktestCases the most cases one {@code submit_backtest} may carry
 */
public record ModelsParameters(BigInteger registrationFee, int maxNameLength, int maxDescriptionLength, int maxCodeSize,
                               int maxBacktestCases) {
    public ModelsParameters {
        if (registrationFee.signum() <= 0) {
            throw new IllegalArgumentException("models: the registration fee must be non-zero (anti-spam)");
        }
        if (maxNameLength < 1 || maxDescriptionLength < 0 || maxCodeSize < 8 || maxBacktestCases < 1) {
            throw new IllegalArgumentException("models: limits must be positive");
        }
    }

    /** Returns the preset values: a fee of 1 unit, names up to 64 bytes, 1 KiB descriptions, 1 MiB code, 16 cases. */
    public static ModelsParameters defaults() {
        return new ModelsParameters(RuntimeParameters.UNIT, 64, 1024, 1 << 20, 16);
    }
}
