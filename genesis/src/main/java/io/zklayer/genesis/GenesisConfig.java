package io.zklayer.genesis;

import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.BalanceMath;
import io.zklayer.runtime.EpochSchedule;
import io.zklayer.runtime.RuntimeGenesisConfig;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The human form of a chain spec's genesis, {@code genesis.runtimeGenesis.config}, per pallet:
 *
 * <pre>
 * "config": {
 *   "system": {},
 *   "balances": {"balances": [["5FA9nQDV…TTpu", "1000000000000000000"], ...]},
 *   "sudo": {"key": "5FA9nQDV…TTpu"},
 *   "session": {"validators": ["5FA9nQDV…TTpu"], "epochLength": 10},
 *   "pools": {"nodes": [{"account": "5FA9nQDV…TTpu", "models": [0], "computeUnitsPerEpoch": 1000,
 *                        "bond": 100000000000000}]},
 *   "models": {"models": [...]}      (optional, see {@link ModelsGenesisJson})
 * }
 * </pre>
 *
 * <p>The lists keep the order of the spec (so a spec writes back as it was read); the genesis state
 * does not depend on it except for the validators, whose order is the authoring order. The
 * constructor enforces the rules that need no runtime: every amount in 1…2^128−1, no account
 * endowed twice, a total that fits in u128, a non-empty validator set without repeats, an epoch
 * length of 1…1,000,000 blocks ({@code epochLength} may be left out of the JSON: 10), pool nodes
 * listed once each with at least one model (no repeats), at least one compute unit and a bond in
 * 1…2^128−1 ({@code pools} may be left out: none). The
 * existential deposit is checked by {@link GenesisBuilder}, which knows the runtime. Violations
 * are {@link ChainSpecException}s whose path points into the spec, as if it had been read from JSON.
 *
 * @param balances endowed accounts with their free balance, in spec order
 * @param sudoKey the sudo key, if the chain has one
 * @param validators the genesis validator set, in authoring order
 * @param epochLength the epoch length in blocks (block n ≥ 1 is in epoch (n − 1) / epochLength)
 * @param poolNodes nodes registered in the pools and active from epoch 0 (their bonds are reserved
 *     from their endowments; the runtime checks its own rules, such as the minimum bond, when building)
 * @param models the models registered at genesis, before the pool nodes that serve them (none when the
 *     spec has no {@code models} section; the registry checks its rules when building)
 */
public record GenesisConfig(List<Endowment> balances, Optional<AccountId32> sudoKey, List<AccountId32> validators,
                            long epochLength, List<PoolsGenesis.GenesisNode> poolNodes, ModelsGenesis models)
        implements SpecGenesis {
    /** The JSON path of this section in a chain spec. */
    public static final String PATH = "genesis.runtimeGenesis.config";
    /** The JSON path of the endowment list. */
    public static final String BALANCES_PATH = PATH + ".balances.balances";
    /** The JSON path of the validator list. */
    public static final String VALIDATORS_PATH = PATH + ".session.validators";
    /** The JSON path of the epoch length. */
    public static final String EPOCH_LENGTH_PATH = PATH + ".session.epochLength";
    /** The JSON path of the pool node list. */
    public static final String POOL_NODES_PATH = PATH + ".pools.nodes";

    /**
     * One endowed account.
     *
     * @param account the account
     * @param amount its free balance at genesis, in the smallest unit (10^-12 ZKL)
     */
    public record Endowment(AccountId32 account, BigInteger amount) {
        /** Checks for nulls; ranges are checked by {@link GenesisConfig}. */
        public Endowment {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Copies the lists and checks the rules above.
     *
     * @throws ChainSpecException naming the path of the first offending entry
     */
    public GenesisConfig {
        balances = List.copyOf(balances);
        sudoKey = Objects.requireNonNull(sudoKey, "sudoKey");
        validators = List.copyOf(validators);
        poolNodes = List.copyOf(poolNodes);
        Objects.requireNonNull(models, "models");
        Map<AccountId32, Integer> seen = new HashMap<>();
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < balances.size(); i++) {
            Endowment e = balances.get(i);
            String at = BALANCES_PATH + "[" + i + "]";
            if (e.amount().signum() <= 0) {
                throw new ChainSpecException(at + "[1]", "amount " + e.amount() + " must be positive");
            }
            if (e.amount().compareTo(BalanceMath.MAX) > 0) {
                throw new ChainSpecException(at + "[1]", "amount " + e.amount() + " exceeds the u128 maximum 2^128-1");
            }
            Integer first = seen.putIfAbsent(e.account(), i);
            if (first != null) {
                throw new ChainSpecException(at + "[0]", "account " + e.account() + " is already endowed at "
                        + BALANCES_PATH + "[" + first + "]");
            }
            total = total.add(e.amount());
            if (total.compareTo(BalanceMath.MAX) > 0) {
                throw new ChainSpecException(at + "[1]", "the total issuance up to this entry exceeds the u128 maximum 2^128-1");
            }
        }
        if (validators.isEmpty()) {
            throw new ChainSpecException(VALIDATORS_PATH, "the validator set is empty; a chain needs at least one validator");
        }
        if (epochLength < 1 || epochLength > EpochSchedule.MAX_LENGTH) {
            throw new ChainSpecException(EPOCH_LENGTH_PATH, epochLength + " is outside 1…" + EpochSchedule.MAX_LENGTH
                    + " blocks");
        }
        checkPoolNodes(poolNodes);
        Set<AccountId32> distinct = new HashSet<>();
        for (int i = 0; i < validators.size(); i++) {
            if (!distinct.add(validators.get(i))) {
                throw new ChainSpecException(VALIDATORS_PATH + "[" + i + "]", "validator " + validators.get(i)
                        + " is listed twice");
            }
        }
    }

    /** Creates a configuration with the presets' epoch length of 10 blocks and no pool nodes. */
    public GenesisConfig(List<Endowment> balances, Optional<AccountId32> sudoKey, List<AccountId32> validators) {
        this(balances, sudoKey, validators, RuntimeGenesisConfig.DEFAULT_EPOCH_LENGTH);
    }

    /** Creates a configuration without pool nodes. */
    public GenesisConfig(List<Endowment> balances, Optional<AccountId32> sudoKey, List<AccountId32> validators,
                         long epochLength) {
        this(balances, sudoKey, validators, epochLength, List.of());
    }

    /** Creates a configuration without genesis models. */
    public GenesisConfig(List<Endowment> balances, Optional<AccountId32> sudoKey, List<AccountId32> validators,
                         long epochLength, List<PoolsGenesis.GenesisNode> poolNodes) {
        this(balances, sudoKey, validators, epochLength, poolNodes, ModelsGenesis.EMPTY);
    }

    /** Returns a copy with {@code newModels} registered at genesis. */
    public GenesisConfig withModels(ModelsGenesis newModels) {
        return new GenesisConfig(balances, sudoKey, validators, epochLength, poolNodes, newModels);
    }

    private static void checkPoolNodes(List<PoolsGenesis.GenesisNode> nodes) {
        Map<AccountId32, Integer> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            PoolsGenesis.GenesisNode n = nodes.get(i);
            String at = POOL_NODES_PATH + "[" + i + "]";
            Integer first = seen.putIfAbsent(n.account(), i);
            if (first != null) {
                throw new ChainSpecException(at + ".account", "node " + n.account() + " is already listed at "
                        + POOL_NODES_PATH + "[" + first + "]");
            }
            if (n.models().isEmpty()) {
                throw new ChainSpecException(at + ".models", "a node must serve at least one model");
            }
            if (new HashSet<>(n.models()).size() != n.models().size()) {
                throw new ChainSpecException(at + ".models", "lists a model twice");
            }
            if (n.computeUnitsPerEpoch() < 1) {
                throw new ChainSpecException(at + ".computeUnitsPerEpoch", "must be at least 1");
            }
            if (n.bond().signum() <= 0 || n.bond().compareTo(BalanceMath.MAX) > 0) {
                throw new ChainSpecException(at + ".bond", "bond " + n.bond() + " must be in 1…2^128-1");
            }
        }
    }

    /** Returns the sum of the endowments: the genesis {@code Balances.TotalIssuance}. */
    public BigInteger totalIssuance() {
        return balances.stream().map(Endowment::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Returns the runtime's genesis configuration for these values. */
    public RuntimeGenesisConfig toRuntimeConfig() {
        Map<AccountId32, BigInteger> map = new LinkedHashMap<>();
        balances.forEach(e -> map.put(e.account(), e.amount()));
        return new RuntimeGenesisConfig(map, sudoKey, validators, models, epochLength,
                poolNodes.isEmpty() ? List.of() : List.of(new PoolsGenesis(poolNodes)));
    }
}
