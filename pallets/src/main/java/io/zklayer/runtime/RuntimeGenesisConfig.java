package io.zklayer.runtime;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.models.ModelsPallet;
import io.zklayer.pallets.session.SessionPallet;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.NodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieState;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The genesis configuration of the runtime, per pallet, as the chain spec's
 * {@code genesis.runtimeGenesis} holds it: endowed balances, the sudo key, the validators and the
 * epoch length (Session), the pre-registered models, and the configurations of further pallets.
 *
 * @param balances initial free balances, each at least the existential deposit
 * @param sudoKey the sudo key, if the chain has one
 * @param validators the genesis validator set (ed25519 keys), non-empty
 * @param models the models registered at genesis (their verifying keys go to the verifier pallet)
 * @param epochLength the epoch length in blocks, 1…{@link EpochSchedule#MAX_LENGTH}
 * @param pallets the genesis configurations of other pallets (pools, …), at most one per pallet index;
 *     built after the models, in pallet index order
 */
public record RuntimeGenesisConfig(Map<AccountId32, BigInteger> balances, Optional<AccountId32> sudoKey,
                                   List<AccountId32> validators, ModelsGenesis models, long epochLength,
                                   List<PalletGenesis> pallets) {
    /** The epoch length of the dev and local presets: 10 blocks. */
    public static final long DEFAULT_EPOCH_LENGTH = 10;

    /** Returns a configuration with genesis models, the default epoch length and no further pallet configurations. */
    public RuntimeGenesisConfig(Map<AccountId32, BigInteger> balances, Optional<AccountId32> sudoKey,
                                List<AccountId32> validators, ModelsGenesis models) {
        this(balances, sudoKey, validators, models, DEFAULT_EPOCH_LENGTH, List.of());
    }

    /** Copies and validates the configuration. */
    public RuntimeGenesisConfig {
        balances = new TreeMap<>(balances);
        validators = List.copyOf(validators);
        java.util.Objects.requireNonNull(models, "models");
        List<PalletGenesis> sorted = new ArrayList<>(pallets);
        sorted.sort(Comparator.comparingInt(PalletGenesis::palletIndex));
        pallets = List.copyOf(sorted);
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("genesis: the validator set is empty");
        }
        for (Map.Entry<AccountId32, BigInteger> e : balances.entrySet()) {
            if (e.getValue().signum() <= 0) {
                throw new IllegalArgumentException("genesis: balance of " + e.getKey() + " must be positive");
            }
        }
        if (epochLength < 1 || epochLength > EpochSchedule.MAX_LENGTH) {
            throw new IllegalArgumentException("genesis: session.epochLength " + epochLength + " is outside 1…"
                    + EpochSchedule.MAX_LENGTH + " blocks");
        }
        for (int i = 1; i < pallets.size(); i++) {
            if (pallets.get(i).palletIndex() == pallets.get(i - 1).palletIndex()) {
                throw new IllegalArgumentException("genesis: two configurations for pallet " + pallets.get(i).palletIndex());
            }
        }
    }

    /** Creates a configuration without genesis models, with the default epoch length and no further pallet configurations. */
    public RuntimeGenesisConfig(Map<AccountId32, BigInteger> balances, Optional<AccountId32> sudoKey,
                                List<AccountId32> validators) {
        this(balances, sudoKey, validators, ModelsGenesis.EMPTY, DEFAULT_EPOCH_LENGTH, List.of());
    }

    /** Returns a copy with another epoch length. */
    public RuntimeGenesisConfig withEpochLength(long newEpochLength) {
        return new RuntimeGenesisConfig(balances, sudoKey, validators, models, newEpochLength, pallets);
    }

    /** Returns a copy with other genesis models. */
    public RuntimeGenesisConfig withModels(ModelsGenesis newModels) {
        return new RuntimeGenesisConfig(balances, sudoKey, validators, newModels, epochLength, pallets);
    }

    /** Returns a copy with {@code config} added (replacing one for the same pallet). */
    public RuntimeGenesisConfig with(PalletGenesis config) {
        List<PalletGenesis> next = new ArrayList<>(pallets);
        next.removeIf(p -> p.palletIndex() == config.palletIndex());
        next.add(config);
        return new RuntimeGenesisConfig(balances, sudoKey, validators, models, epochLength, next);
    }

    /** The result of building genesis: the genesis header and the trie nodes of its state. */
    public record Built(Header header, TrieCommit state) {
        /** Returns the genesis hash. */
        public H256 hash() {
            return header.hash();
        }
    }

    /** Builds the genesis state and header for {@code runtime}, writing trie nodes to {@code store}. */
    public Built build(Runtime runtime, NodeStore store) {
        Executive executive = new Executive(runtime, BlockLimits.defaults());
        TrieState state = new TrieState(Trie.empty(executive.layout(), store));
        RuntimeContext ctx = new RuntimeContext(state, 0, H256.ZERO, (c, phase, pallet, event) -> { });
        BalancesPallet balancesPallet = runtime.pallet(BalancesPallet.class);
        balances.forEach((who, amount) -> balancesPallet.endowAtGenesis(ctx, who, amount));
        sudoKey.ifPresent(key -> runtime.pallet(SudoPallet.class).setKeyAtGenesis(ctx, key));
        SessionPallet session = runtime.pallet(SessionPallet.class);
        session.setValidatorsAtGenesis(ctx, validators);
        session.setEpochLengthAtGenesis(ctx, epochLength);
        models.build(ctx, runtime.pallet(ModelsPallet.class));
        for (PalletGenesis p : pallets) {
            p.build(runtime, ctx);
        }
        TrieCommit commit = state.commit();
        H256 emptyRoot = Executive.extrinsicsRoot(List.of(), executive.layout());
        Header header = new Header(H256.ZERO, 0, H256.of(commit.root()), emptyRoot, Digest.EMPTY);
        return new Built(header, commit);
    }

    /** Builds genesis into a fresh in-memory node store (tests and spec tools). */
    public Built build(Runtime runtime) {
        return build(runtime, new MemoryNodeStore());
    }
}
