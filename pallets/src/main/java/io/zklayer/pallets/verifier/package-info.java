/**
 * The Verifier pallet: Groth16 verifying keys on chain ({@link io.zklayer.pallets.verifier.EncodedVerifyingKey},
 * importable from snarkjs JSON), the {@code register_key}/{@code verify}/{@code remove_key} calls, the native
 * verification other pallets use ({@link io.zklayer.pallets.verifier.VerifierPallet#verify}), the caches
 * that keep it fast (prepared keys, verified proofs) and the batch verification of a block's proofs at
 * import ({@link io.zklayer.pallets.verifier.BlockProofBatch}).
 */
package io.zklayer.pallets.verifier;
