package io.zklayer.node.worker;

import io.zklayer.primitives.types.H256;
import io.zklayer.zk.field.Fr;
import java.util.Objects;
import java.util.Optional;

/**
 * What the worker reads from the model registry: a model's name and the Poseidon weight commitment
 * that its proofs must name, so the worker proves only with an artifact whose weights are the
 * registered ones.
 */
@FunctionalInterface
public interface ModelRegistryView {
    /**
     * A registered model as the worker needs it.
     *
     * @param id the model id
     * @param name its name
     * @param weightCommitment the registered Poseidon commitment to its weights
     */
    record RegisteredModel(long id, String name, Fr weightCommitment) {
        /** Checks for nulls. */
        public RegisteredModel {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(weightCommitment, "weightCommitment");
        }
    }

    /** Returns model {@code id} as registered in the state of block {@code at}. */
    Optional<RegisteredModel> model(long id, H256 at);
}
