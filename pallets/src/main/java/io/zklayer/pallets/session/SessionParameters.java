package io.zklayer.pallets.session;

import java.math.BigInteger;

/**
 * The constants of validator registration.
 *
 * @param maxValidators the largest validator set; registrations that would exceed it are refused
 * @param minValidatorBond the smallest bond a validator registers with
 */
public record SessionParameters(int maxValidators, BigInteger minValidatorBond) {
    public SessionParameters {
        if (maxValidators < 1) {
            throw new IllegalArgumentException("session: maxValidators must be positive");
        }
        if (minValidatorBond.signum() <= 0) {
            throw new IllegalArgumentException("session: minValidatorBond must be positive");
        }
    }

    /** Returns the preset values: at most 64 validators, a bond of at least 1000 units (of {@code unit}). */
    public static SessionParameters defaults(BigInteger unit) {
        return new SessionParameters(64, unit.multiply(BigInteger.valueOf(1000)));
    }
}
