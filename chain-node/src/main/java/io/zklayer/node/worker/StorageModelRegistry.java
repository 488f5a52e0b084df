package io.zklayer.node.worker;

import io.zklayer.pallets.models.ModelInfo;
import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.primitives.types.H256;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ModelRegistryView} over the Models pallet's storage ({@code Models.Models}), read through the
 * worker's chain view like {@code state_getStorage}: a deprecated model is still returned (workloads
 * assigned before the deprecation must still be served).
 */
public final class StorageModelRegistry implements ModelRegistryView {
    private final WorkerChain chain;

    /** Returns the registry view over {@code chain}. */
    public StorageModelRegistry(WorkerChain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    @Override
    public Optional<RegisteredModel> model(long id, H256 at) {
        return chain.storage(ModelsStorage.MODELS.key(id), at).map(ModelInfo.CODEC::decode)
                .map(m -> new RegisteredModel(id, m.name(), m.weightCommitment()));
    }
}
