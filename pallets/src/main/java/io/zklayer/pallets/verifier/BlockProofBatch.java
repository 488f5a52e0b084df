package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeCall;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.groth16.BatchVerifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies all proofs of a block as one randomized batch before the block executes — step 3 of block
 * import (ARCHITECTURE §4.3). The importer calls {@link #preverify} with the parent state and the block's
 * extrinsics, then executes the block as usual: every proof the batch found valid is in the verifier's
 * {@link VerifiedProofMemo}, so execution does not pair it again, and a proof the batch found invalid is
 * verified by itself when its call runs (and fails there, with the call's own error).
 *
 * <p>The batch therefore changes only the speed of import, never its result: each call's outcome is what
 * its own verification says. That keeps the design safe when the state changes within the block (a call
 * that verifies other signals than claimed simply misses the memo) and when nodes hold different memos.
 *
 * <p><b>Randomness.</b> The batch's 128-bit randomizers are derived (see {@link BatchVerifier}) from
 * <pre>seed = blake2b-256(parentHash ‖ blake2b-256(xt₀) ‖ … ‖ blake2b-256(xtₙ₋₁))</pre>
 * over the block's encoded extrinsics in order: every validator derives the same seed, and it is fixed
 * only once every proof of the block is, so a submitter cannot choose proofs that cancel under it
 * (Fiat–Shamir; a false batch passes with probability below 2^-128 per attempt).
 *
 * <p>Which proofs: every call whose handler implements {@link ProofSource} names its claims against the
 * parent state. Unsigned, undecodable or sudo-wrapped calls contribute none (they are verified when they run).
 */
public final class BlockProofBatch {
    private BlockProofBatch() {}

    /**
     * What a pre-verification did.
     *
     * @param claims proofs named by the block's calls
     * @param alreadyKnown of those, found valid before (pool validation): not verified again
     * @param batched proofs verified in the batch
     * @param valid of the batched, the valid ones (now remembered)
     * @param skipped claims with an unknown key or malformed proof bytes (their calls will fail)
     */
    public record Report(int claims, int alreadyKnown, int batched, int valid, int skipped) {
        /** Returns the batched proofs that failed. */
        public int invalid() {
            return batched - valid;
        }
    }

    /** Returns the batch seed of a block (see the class comment). */
    public static byte[] seed(H256 parentHash, List<byte[]> extrinsics) {
        byte[] msg = new byte[32 * (extrinsics.size() + 1)];
        System.arraycopy(parentHash.bytes(), 0, msg, 0, 32);
        for (int i = 0; i < extrinsics.size(); i++) {
            System.arraycopy(Hashing.blake2b256(extrinsics.get(i)), 0, msg, 32 * (i + 1), 32);
        }
        return Hashing.blake2b256(msg);
    }

    /**
     * Collects the proofs of {@code extrinsics} (each an encoded extrinsic, length prefix included) against
     * {@code parentState}, verifies those not yet known as one batch and remembers the valid ones in the
     * runtime's verifier. Writes nothing to {@code parentState}.
     *
     * @param number the number of the block being imported
     */
    public static Report preverify(Runtime runtime, TrieState parentState, H256 parentHash, long number,
                                   List<byte[]> extrinsics) {
        VerifierPallet verifier = runtime.pallet(VerifierPallet.class);
        RuntimeContext ctx = new RuntimeContext(parentState, number, parentHash, (c, phase, pallet, event) -> { });
        parentState.startTransaction();
        try {
            List<ProofClaim> claims = new ArrayList<>();
            for (byte[] xt : extrinsics) {
                claims.addAll(claimsOf(runtime, xt, ctx));
            }
            return verifyClaims(verifier, ctx, claims, seed(parentHash, extrinsics));
        } finally {
            parentState.rollbackTransaction();
        }
    }

    /**
     * Verifies {@code claims} as one batch with randomness from {@code seed}, remembering the valid ones;
     * claims already remembered are not verified again.
     */
    public static Report verifyClaims(VerifierPallet verifier, RuntimeContext ctx, List<ProofClaim> claims, byte[] seed) {
        List<BatchVerifier.Item> items = new ArrayList<>();
        List<H256> digests = new ArrayList<>();
        int known = 0;
        int skipped = 0;
        for (ProofClaim claim : claims) {
            H256 digest = claim.digest();
            if (verifier.memo().known(digest)) {
                known++;
                continue;
            }
            Optional<PreparedVerifyingKey> key = verifier.prepared(ctx, claim.keyId());
            Proof proof;
            try {
                proof = key.isPresent() ? Proof.fromBytes(claim.proof()) : null;
            } catch (ZkFormatException e) {
                proof = null;
            }
            if (proof == null) {
                skipped++;
                continue;
            }
            items.add(new BatchVerifier.Item(key.get(), proof, claim.publicSignals()));
            digests.add(digest);
        }
        int valid = 0;
        if (!items.isEmpty()) {
            BatchVerifier.BatchResult result = BatchVerifier.verify(items, seed);
            for (int i = 0; i < items.size(); i++) {
                if (result.results().get(i).isValid()) {
                    verifier.memo().remember(digests.get(i));
                    valid++;
                }
            }
        }
        return new Report(claims.size(), known, items.size(), valid, skipped);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ProofClaim> claimsOf(Runtime runtime, byte[] extrinsic, RuntimeContext ctx) {
        try {
            UncheckedExtrinsic xt = UncheckedExtrinsic.CODEC.decode(extrinsic);
            if (xt.signature().isEmpty()) {
                return List.of();
            }
            RuntimeCall call = runtime.decodeCall(xt.call());
            if (call.handler() instanceof ProofSource source) {
                return (List<ProofClaim>) source.proofClaims(call.call(), ctx);
            }
            return List.of();
        } catch (ScaleDecodeException | DispatchException e) {
            // Undecodable extrinsics and calls whose claims cannot be read contribute nothing: their
            // execution decides (a block with an undecodable extrinsic is invalid anyway).
            return List.of();
        }
    }
}
