package io.zklayer.pallets.inference;

import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.zk.field.Fr;
import java.util.List;

/**
 * Native Groth16 verification as the market uses it: a 256-byte proof (G1 ‖ G2 ‖ G1, Ethereum
 * encoding) against the registered key {@code keyId} and the public signals. The runtime wires it to
 * the Verifier pallet, which also batches the proofs of a block at import; tests verify directly.
 */
@FunctionalInterface
public interface ProofCheck {
    /** Returns whether {@code proof} verifies under key {@code keyId} for {@code publicSignals}. */
    ResultCheck verify(RuntimeContext ctx, H256 keyId, byte[] proof, List<Fr> publicSignals);
}
