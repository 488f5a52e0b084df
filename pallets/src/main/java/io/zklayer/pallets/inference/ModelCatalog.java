package io.zklayer.pallets.inference;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import java.util.Optional;

/**
 * The market's view of the model registry: reading a model and recording that one of its
 * inferences completed (the registry keeps the usage statistics). The runtime wires it to the
 * Models pallet; tests give an in-memory catalog.
 */
public interface ModelCatalog {
    /** Returns model {@code modelId} as of {@code ctx}'s state, if registered. */
    Optional<MarketModel> model(RuntimeContext ctx, long modelId);

    /** Records a completed inference of {@code modelId} for {@code user} at the current block. */
    void recordInference(RuntimeContext ctx, long modelId, AccountId32 user);
}
