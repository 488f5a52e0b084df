package io.zklayer.zk.groth16;

/** The outcome of verifying one proof: valid, or invalid with the rule it broke. */
public sealed interface VerificationResult {
    /** Returns true for {@link Valid}. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The proof verifies against the key and public signals. */
    record Valid() implements VerificationResult {}

    /** The proof does not verify; {@code reason} names the check, {@code detail} says more. */
    record Invalid(Reason reason, String detail) implements VerificationResult {}

    /** Why a proof was rejected. */
    enum Reason {
        /** The number of public signals differs from the key's nPublic. */
        PUBLIC_SIGNAL_COUNT,
        /** The pairing equation e(A, B) = e(α, β)·e(L, γ)·e(C, δ) does not hold. */
        PAIRING_CHECK_FAILED,
        /** In a batch: the proof was singled out as failing the pairing equation. */
        BATCH_MEMBER_FAILED
    }

    /** The single {@link Valid} value. */
    VerificationResult VALID = new Valid();
}
