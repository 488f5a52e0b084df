package io.zklayer.genesis;

import io.zklayer.pallets.models.ModelsGenesis;

import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in chain specs and the {@code --chain} argument: a preset name or a spec file.
 *
 * <ul>
 *   <li>{@code dev} — "ZKLayer Development", id {@code dev}, chain type Development: one validator
 *       {@code //Alice}, sudo {@code //Alice}; the digits model registered as model 0 with {@code //Alice}'s
 *       node in its pool ({@link DevModels}).
 *   <li>{@code local} — "ZKLayer Local Testnet", id {@code local_testnet}, chain type Local: four
 *       validators {@code //Alice}, {@code //Bob}, {@code //Charlie}, {@code //Dave}, sudo {@code //Alice};
 *       the digits model registered as model 0 (owner {@code //Alice}) with an empty pool, so that a testnet
 *       has a model to serve: a node joins with {@code zklayer pool join --models 0} and serves it from
 *       the next epoch with {@code --pool-worker} ({@code testnet/local add --pool-worker //Ferdie}).
 * </ul>
 *
 * <p>Both endow {@code //Alice} … {@code //Ferdie}, {@code //Alice//stash} and {@code //Bob//stash}
 * with 1,000,000 ZKL each (1 ZKL = 10^12), use protocol id {@code zkl}, properties
 * {@code {ss58Format: 42, tokenDecimals: 12, tokenSymbol: "ZKL"}} and consensus
 * {@code {slotDurationMillis: 2000}} with 10-block epochs ({@code session.epochLength}). The keys are the public dev keys
 * (ed25519), so these chains must never hold value.
 */
public final class ChainSpecs {
    /** The preset names, in the order they are listed in messages. */
    public static final List<String> PRESETS = List.of("dev", "local");
    /** The endowment of every dev account in the presets: 1,000,000 ZKL. */
    public static final BigInteger PRESET_ENDOWMENT = RuntimeParameters.UNIT.multiply(BigInteger.valueOf(1_000_000));
    /** The network protocol id of the presets. */
    public static final String PROTOCOL_ID = "zkl";

    private ChainSpecs() {}

    /**
     * Returns the preset {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the presets
     */
    public static ChainSpec preset(String name) {
        return findPreset(name).orElseThrow(() -> new IllegalArgumentException("unknown chain spec preset '" + name
                + "'; the presets are: " + String.join(", ", PRESETS)));
    }

    /** Returns the preset {@code name}, or empty when there is none. */
    public static Optional<ChainSpec> findPreset(String name) {
        if ("dev".equals(name)) {
            return Optional.of(dev());
        }
        if ("local".equals(name)) {
            return Optional.of(local());
        }
        return Optional.empty();
    }

    /** Returns the {@code dev} preset: a single-validator chain run by {@code //Alice}. */
    public static ChainSpec dev() {
        ChainSpec base = spec("ZKLayer Development", "dev", ChainType.DEVELOPMENT, List.of(DevAccounts.ALICE));
        GenesisConfig g = (GenesisConfig) base.genesis();
        AccountId32 alice = account(DevAccounts.ALICE);
        return base.withGenesis(new GenesisConfig(g.balances(), g.sudoKey(), g.validators(), g.epochLength(),
                List.of(DevModels.digitsNode(alice)), new ModelsGenesis(List.of(DevModels.digits(alice)))));
    }

    /**
     * Returns the {@code local} preset: four validators Alice, Bob, Charlie, Dave, and the digits model
     * (model 0, owner Alice) with no node in its pool: workloads wait for a node that joins.
     */
    public static ChainSpec local() {
        ChainSpec base = spec("ZKLayer Local Testnet", "local_testnet", ChainType.LOCAL,
                List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE, DevAccounts.DAVE));
        GenesisConfig g = (GenesisConfig) base.genesis();
        return base.withGenesis(g.withModels(new ModelsGenesis(List.of(DevModels.digits(account(DevAccounts.ALICE))))));
    }

    /**
     * Returns the spec named by a {@code --chain} argument: a preset name, else the path of a JSON
     * spec file (human or raw).
     *
     * @throws IllegalArgumentException when it is neither a preset nor an existing file, listing the presets
     * @throws ChainSpecException when the file is not a valid spec
     */
    public static ChainSpec load(String presetOrPath) {
        Optional<ChainSpec> preset = findPreset(presetOrPath);
        if (preset.isPresent()) {
            return preset.get();
        }
        Path path = Path.of(presetOrPath);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("chain spec '" + presetOrPath + "' is neither a preset ("
                    + String.join(", ", PRESETS) + ") nor a readable file");
        }
        return ChainSpecJson.read(path);
    }

    /** Returns the accounts every preset endows: the six dev accounts, then Alice's and Bob's stash. */
    public static List<AccountId32> endowedDevAccounts() {
        List<AccountId32> out = new ArrayList<>();
        for (DevAccounts a : DevAccounts.all()) {
            out.add(AccountId32.of(a.publicKey().bytes()));
        }
        out.add(AccountId32.of(DevAccounts.ALICE.stashPublicKey().bytes()));
        out.add(AccountId32.of(DevAccounts.BOB.stashPublicKey().bytes()));
        return out;
    }

    private static ChainSpec spec(String name, String id, ChainType type, List<DevAccounts> validators) {
        List<GenesisConfig.Endowment> balances = endowedDevAccounts().stream()
                .map(a -> new GenesisConfig.Endowment(a, PRESET_ENDOWMENT)).toList();
        GenesisConfig genesis = new GenesisConfig(balances, Optional.of(account(DevAccounts.ALICE)),
                validators.stream().map(ChainSpecs::account).toList(), RuntimeGenesisConfig.DEFAULT_EPOCH_LENGTH);
        return new ChainSpec(name, id, type, List.of(), List.of(), Optional.of(PROTOCOL_ID), Optional.empty(),
                ChainProperties.ZKLAYER, Optional.of(ConsensusConfig.ZKLAYER_DEFAULT), List.of(), genesis);
    }

    private static AccountId32 account(DevAccounts a) {
        return AccountId32.of(a.publicKey().bytes());
    }
}
