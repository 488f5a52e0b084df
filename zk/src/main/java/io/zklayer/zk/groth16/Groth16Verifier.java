package io.zklayer.zk.groth16;

import io.zklayer.zk.curve.G1Point;
import io.zklayer.zk.field.Fp12;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.pairing.Pairing;
import java.util.List;

/**
 * Verifies one Groth16 proof: e(A, B) = e(α, β) · e(L, γ) · e(C, δ) with L = IC₀ + Σ sᵢ·ICᵢ, evaluated as
 * one three-pair Miller loop e(A, B)·e(−L, γ)·e(−C, δ), one final exponentiation, and a comparison with
 * the prepared e(α, β).
 *
 * <p>Inputs are already strictly decoded (canonical coordinates, points on their curves, B in G2,
 * signals in Fr — see {@link SnarkjsJson} and {@link Proof#fromBytes}); here a wrong number of public
 * signals is a rejection (snarkjs silently uses a prefix of IC when there are too few).
 */
public final class Groth16Verifier {
    private Groth16Verifier() {}

    /** Returns whether {@code proof} verifies for {@code publicSignals} under {@code key}. */
    public static VerificationResult verify(PreparedVerifyingKey key, Proof proof, List<Fr> publicSignals) {
        VerificationResult shape = checkSignalCount(key, publicSignals);
        if (shape != null) {
            return shape;
        }
        G1Point l = key.publicInputCommitment(publicSignals);
        Fp12 f = Pairing.millerLoop(List.of(
                new Pairing.Pair(proof.a(), proof.b()),
                new Pairing.Pair(l.neg(), key.gamma()),
                new Pairing.Pair(proof.c().neg(), key.delta())));
        if (!Pairing.finalExponentiation(f).equals(key.alphaBeta())) {
            return new VerificationResult.Invalid(VerificationResult.Reason.PAIRING_CHECK_FAILED,
                    "groth16: e(A,B) != e(alpha,beta)·e(L,gamma)·e(C,delta)");
        }
        return VerificationResult.VALID;
    }

    static VerificationResult checkSignalCount(PreparedVerifyingKey key, List<Fr> publicSignals) {
        int expected = key.key().publicCount();
        if (publicSignals.size() != expected) {
            return new VerificationResult.Invalid(VerificationResult.Reason.PUBLIC_SIGNAL_COUNT,
                    "groth16: key expects " + expected + " public signals, got " + publicSignals.size());
        }
        return null;
    }
}
