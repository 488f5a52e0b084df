package io.zklayer.pallets.models;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeContext;
import java.util.List;
import java.util.Objects;

/**
 * The models registered at genesis (the chain spec's {@code runtimeGenesis.config.models}), for example the
 * digits model of the dev preset. They pass the same checks as {@code register_model} but pay no fee;
 * their ids are 0, 1, … in list order.
 *
 * @param models the models, in id order
 */
public record ModelsGenesis(List<Model> models) {
    /** No models. */
    public static final ModelsGenesis EMPTY = new ModelsGenesis(List.of());

    /** Copies the list. */
    public ModelsGenesis {
        models = List.copyOf(models);
    }

    /**
     * One genesis model: its owner and what a {@code register_model} call would carry.
     *
     * @param owner the owner (may deprecate it and add versions)
     * @param registration the model
     */
    public record Model(AccountId32 owner, ModelsCall.RegisterModel registration) {
        public Model {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(registration, "registration");
        }
    }

    /**
     * Registers the models.
     *
     * @throws IllegalArgumentException naming the first model that breaks a rule and the rule
     */
    public void build(RuntimeContext ctx, ModelsPallet pallet) {
        for (Model m : models) {
            pallet.registerAtGenesis(ctx, m.owner(), m.registration());
        }
    }
}
