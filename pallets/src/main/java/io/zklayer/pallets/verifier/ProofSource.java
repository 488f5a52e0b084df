package io.zklayer.pallets.verifier;

import io.zklayer.runtime.RuntimeContext;
import java.util.List;

/**
 * Implemented by the call handler of a pallet whose calls carry Groth16 proofs ({@code verifier.verify},
 * {@code models.submit_backtest}, {@code inference.submit_result}): it names the proofs a call will
 * verify, so that {@link BlockProofBatch} can check all proofs of a block in one batch before the block
 * executes.
 *
 * <p>The claims are read against {@code ctx}'s state (the parent state of the block); they must not
 * write. When the state changes within the block so that a call ends up verifying other signals than
 * claimed, nothing breaks: the call's own verification misses the memo and verifies that proof by itself.
 * A call whose claims cannot be determined (unknown model, malformed input) returns none.
 *
 * @param <C> the pallet's call type
 */
public interface ProofSource<C> {
    /** Returns the proofs {@code call} will ask the verifier to check; empty if none or unknown. */
    List<ProofClaim> proofClaims(C call, RuntimeContext ctx);
}
