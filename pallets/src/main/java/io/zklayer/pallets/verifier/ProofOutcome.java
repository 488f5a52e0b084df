package io.zklayer.pallets.verifier;

import io.zklayer.primitives.types.H256;

/**
 * The outcome of a native proof verification: verified, or rejected with the rule that failed. Pallets
 * map a rejection to their own dispatch error (the {@code inference} pallet slashes on
 * {@link Reason#INVALID_PROOF}, {@code models} fails the backtest), or use {@link #orFail()} for the
 * verifier's own errors.
 */
public sealed interface ProofOutcome {
    /** The proof verifies under key {@code keyId} for the given public signals. */
    record Verified(H256 keyId) implements ProofOutcome {}

    /** The proof was not accepted; {@code detail} says why in words (for logs and pool rejections). */
    record Rejected(Reason reason, String detail) implements ProofOutcome {}

    /** Why a proof was not accepted. */
    enum Reason {
        /** No key with this id is registered. */
        UNKNOWN_KEY(VerifierError.UNKNOWN_KEY),
        /** The 256 proof bytes do not encode three valid points (wrong length, coordinate ≥ q, off curve, B outside G2). */
        MALFORMED_PROOF(VerifierError.MALFORMED_PROOF),
        /** The number of public signals differs from the key's. */
        PUBLIC_SIGNAL_COUNT(VerifierError.PUBLIC_SIGNAL_COUNT),
        /** The pairing equation does not hold: the proof is false for these signals. */
        INVALID_PROOF(VerifierError.INVALID_PROOF);

        private final VerifierError error;

        Reason(VerifierError error) {
            this.error = error;
        }

        /** Returns the verifier pallet's error for this reason. */
        public VerifierError error() {
            return error;
        }
    }

    /** Returns true for {@link Verified}. */
    default boolean isVerified() {
        return this instanceof Verified;
    }

    /** Returns normally when verified; otherwise throws the verifier's dispatch error for the reason. */
    default void orFail() {
        if (this instanceof Rejected r) {
            throw r.reason().error().fail();
        }
    }
}
