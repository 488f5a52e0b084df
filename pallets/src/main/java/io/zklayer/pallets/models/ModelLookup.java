package io.zklayer.pallets.models;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import java.util.Optional;

/**
 * What other pallets (the {@code inference} market, the pool worker's RPC) read of the registry, and the
 * one thing they write: usage statistics. Implemented by {@link ModelsPallet}.
 *
 * <p>Everything a verified inference needs is in {@link ModelInfo}: the verifying key id (verify with
 * {@code VerifierPallet.verify(ctx, keyId, proof, info.publicSignals(output, inputCommitment))}), the weight
 * commitment, the price, the compute units, the input length and the output format; the public Wasm code of
 * a public model comes from {@link #wasmCode}.
 */
public interface ModelLookup {
    /** Returns model {@code modelId}, deprecated or not (check {@link ModelInfo#active()} for new work). */
    Optional<ModelInfo> model(RuntimeContext ctx, long modelId);

    /** Returns the id of {@code name}'s latest version, or of version {@code version} when given. */
    Optional<Long> modelId(RuntimeContext ctx, String name, Optional<Long> version);

    /** Returns the public Wasm code of model {@code modelId}, if it has any. */
    Optional<byte[]> wasmCode(RuntimeContext ctx, long modelId);

    /**
     * Counts one verified inference of model {@code modelId} requested by {@code user} in the current block:
     * inferences + 1, distinct users + 1 on the user's first, repeat users + 1 on the user's second, last
     * used = this block.
     *
     * @throws io.zklayer.runtime.DispatchException {@code Models.UnknownModel} for an unknown model
     */
    void recordInference(RuntimeContext ctx, long modelId, AccountId32 user);
}
