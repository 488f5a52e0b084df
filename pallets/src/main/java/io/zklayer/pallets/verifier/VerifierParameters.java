package io.zklayer.pallets.verifier;

import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;

/**
 * The tunable constants of the Verifier pallet.
 *
 * @param keyDepositBase reserved per registered key
 * @param keyDepositPerByte reserved per byte of the key's SCALE form
 * @param preparedKeyCacheSize how many prepared keys each runtime instance keeps
 * @param verifiedProofMemoSize how many verified (key, proof, signals) digests each runtime instance keeps
 */
public record VerifierParameters(BigInteger keyDepositBase, BigInteger keyDepositPerByte, int preparedKeyCacheSize,
                                 int verifiedProofMemoSize) {
    public VerifierParameters {
        if (keyDepositBase.signum() < 0 || keyDepositPerByte.signum() < 0) {
            throw new IllegalArgumentException("verifier: key deposits must be non-negative");
        }
        if (preparedKeyCacheSize < 1 || verifiedProofMemoSize < 1) {
            throw new IllegalArgumentException("verifier: cache sizes must be positive");
        }
    }

    /**
     * Returns the preset values: a deposit of 0.01 units plus 0.00001 units per byte (a one-signal key of
     * 577 bytes reserves 0.01577 units), 64 prepared keys, 16384 remembered proofs (about 2 MiB).
     */
    public static VerifierParameters defaults() {
        BigInteger unit = RuntimeParameters.UNIT;
        return new VerifierParameters(unit.divide(BigInteger.valueOf(100)), unit.divide(BigInteger.valueOf(100_000)), 64,
                16_384);
    }

    /** Returns the deposit for a key of {@code length} bytes. */
    public BigInteger depositFor(int length) {
        return keyDepositBase.add(keyDepositPerByte.multiply(BigInteger.valueOf(length)));
    }
}
