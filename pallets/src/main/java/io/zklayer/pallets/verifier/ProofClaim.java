package io.zklayer.pallets.verifier;

import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.util.List;

/**
 * One proof a call will ask the verifier to check: the key, the 256 proof bytes and the public signals.
 * Pallets whose calls carry proofs name them through {@link ProofSource} so that block import can verify
 * all of a block's proofs as one batch ({@link BlockProofBatch}).
 *
 * @param keyId the registered key's id
 * @param proof the proof in its 256-byte on-chain form
 * @param publicSignals the public signals the call will verify it against
 */
public record ProofClaim(H256 keyId, byte[] proof, List<Fr> publicSignals) {
    public ProofClaim {
        proof = proof.clone();
        publicSignals = List.copyOf(publicSignals);
    }

    @Override
    public byte[] proof() {
        return proof.clone();
    }

    /** Returns the digest the {@link VerifiedProofMemo} knows this claim by. */
    public H256 digest() {
        return VerifiedProofMemo.digest(keyId, proof, publicSignals);
    }
}
