package io.zklayer.pallets.session;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;

/**
 * The Session pallet: the validator set that authors and finalizes blocks, read from state by
 * consensus. Validators are identified by their ed25519 public keys (as accounts). The genesis set
 * comes from the chain spec.
 */
public final class SessionPallet implements Pallet {
    /** Fixed pallet index. */
    public static final int INDEX = 2;
    /** Pallet name and storage prefix. */
    public static final String NAME = "Session";

    /** The current validator set, in authoring order. */
    public static final StorageValue<List<AccountId32>> VALIDATORS = new StorageValue<>(NAME, "Validators",
            ScaleCodecs.vec(AccountId32.CODEC), List.of(), "The current set of validators.");

    /** Returns the current validators. */
    public List<AccountId32> validators(RuntimeContext ctx) {
        return VALIDATORS.get(ctx.storage());
    }

    /** Sets the validator set at genesis; it must be non-empty and free of duplicates. */
    public void setValidatorsAtGenesis(RuntimeContext ctx, List<AccountId32> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("the genesis validator set is empty");
        }
        if (validators.stream().distinct().count() != validators.size()) {
            throw new IllegalArgumentException("the genesis validator set lists a validator twice");
        }
        VALIDATORS.put(ctx.storage(), List.copyOf(validators));
    }

    @Override
    public int index() {
        return INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StorageEntryDescriptor> storage() {
        return List.of(VALIDATORS.descriptor());
    }
}
