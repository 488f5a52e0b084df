package io.zklayer.pallets.pools;

import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.PalletGenesis;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeContext;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The genesis configuration of the Pools pallet: nodes registered and active from epoch 0, as the
 * chain spec's {@code runtimeGenesis.config.pools} holds them:
 *
 * <pre>
 * "pools": {"nodes": [{"account": "5FA9nQDV…TTpu", "models": [0], "computeUnitsPerEpoch": 1000,
 *                      "bond": 100000000000000}]}
 * </pre>
 *
 * <p>Each node must be endowed with at least its bond (it is reserved from the free balance), serve
 * models the registry knows at genesis, and follow the rules of {@code register_node}.
 *
 * @param nodes the pre-registered nodes
 */
public record PoolsGenesis(List<GenesisNode> nodes) implements PalletGenesis {
    /**
     * One pre-registered node.
     *
     * @param account the node's account
     * @param models the models it serves
     * @param computeUnitsPerEpoch the compute units it offers per epoch
     * @param bond its bond
     */
    public record GenesisNode(AccountId32 account, List<Long> models, long computeUnitsPerEpoch, BigInteger bond) {
        /** Copies the list and checks for nulls. */
        public GenesisNode {
            Objects.requireNonNull(account, "account");
            models = List.copyOf(models);
            Objects.requireNonNull(bond, "bond");
        }
    }

    /** Copies the list; a node listed twice is rejected when building. */
    public PoolsGenesis {
        nodes = List.copyOf(nodes);
    }

    @Override
    public int palletIndex() {
        return PoolsPallet.INDEX;
    }

    @Override
    public void build(Runtime runtime, RuntimeContext ctx) {
        runtime.pallet(PoolsPallet.class).registerAtGenesis(ctx, nodes);
    }
}
