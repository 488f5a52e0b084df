package io.zklayer.genesis;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.timestamp.TimestampPallet;
import io.zklayer.primitives.trie.MemoryNodeStore;
import io.zklayer.primitives.trie.Trie;
import io.zklayer.primitives.trie.TrieCommit;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.trie.TrieLayout;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.Header;
import io.zklayer.runtime.BlockLimits;
import io.zklayer.runtime.Executive;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeGenesisConfig;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the genesis block and state of a chain spec for a runtime, and turns a human spec into
 * its raw form.
 *
 * <ul>
 *   <li>Human form: the pallets write their genesis entries through
 *       {@link RuntimeGenesisConfig#build} (accounts and total issuance, sudo key, validators).
 *   <li>Raw form: every {@code top} entry goes into an empty trie of the runtime's layout (V1 for
 *       the ZKLayer runtime, whose {@code stateVersion} is 1).
 * </ul>
 *
 * <p>{@link #toRaw(ChainSpec)} lists every entry of the human form's genesis state, so that both
 * forms of a spec build the same genesis hash. Deterministic: the same spec and runtime always give
 * the same block.
 */
public final class GenesisBuilder {
    private final Runtime runtime;
    private final TrieLayout layout;

    /** Creates a builder for {@code runtime}. */
    public GenesisBuilder(Runtime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.layout = new Executive(runtime, BlockLimits.defaults()).layout();
    }

    /** Returns a builder for the ZKLayer runtime with the preset parameters. */
    public static GenesisBuilder zklayer() {
        return new GenesisBuilder(ZklayerRuntime.create(RuntimeParameters.defaults()));
    }

    /** Returns the trie layout of the runtime's state version. */
    public TrieLayout layout() {
        return layout;
    }

    /**
     * Returns the genesis block of {@code spec}.
     *
     * @throws ChainSpecException when the spec breaks a rule of this runtime: an endowment below
     *     the existential deposit, a slot shorter than the runtime's minimum block period
     */
    public GenesisBlock build(ChainSpec spec) {
        checkConsensus(spec);
        return build(spec.genesis());
    }

    private void checkConsensus(ChainSpec spec) {
        spec.consensus().ifPresent(c -> {
            long minimum = runtime.pallet(TimestampPallet.class).minimumPeriodMillis();
            if (c.slotDurationMillis() < minimum) {
                throw new ChainSpecException("consensus.slotDurationMillis", c.slotDurationMillis()
                        + " ms is shorter than the runtime's minimum block period of " + minimum
                        + " ms, so blocks in consecutive slots would fail the timestamp check");
            }
        });
    }

    /** Returns the genesis block of a genesis section, human or raw. */
    public GenesisBlock build(SpecGenesis genesis) {
        if (genesis instanceof RawGenesis raw) {
            return buildRaw(raw, layout);
        }
        GenesisConfig config = (GenesisConfig) genesis;
        BigInteger ed = runtime.pallet(BalancesPallet.class).existentialDeposit();
        List<GenesisConfig.Endowment> balances = config.balances();
        for (int i = 0; i < balances.size(); i++) {
            if (balances.get(i).amount().compareTo(ed) < 0) {
                throw new ChainSpecException(GenesisConfig.BALANCES_PATH + "[" + i + "][1]", "amount "
                        + balances.get(i).amount() + " is below the existential deposit " + ed);
            }
        }
        RuntimeGenesisConfig.Built built;
        try {
            built = config.toRuntimeConfig().build(runtime, new MemoryNodeStore());
        } catch (IllegalArgumentException e) {
            throw new ChainSpecException(GenesisConfig.PATH, e.getMessage(), e);
        }
        return new GenesisBlock(built.header(), built.state(), layout);
    }

    /**
     * Returns the genesis block of a raw genesis built with {@code layout}: the state holds exactly
     * the {@code top} entries. Another chain's raw spec builds with its own layout (Westend: V0).
     */
    public static GenesisBlock buildRaw(RawGenesis raw, TrieLayout layout) {
        Trie trie = Trie.empty(layout, new MemoryNodeStore());
        for (Map.Entry<byte[], byte[]> e : raw.entries()) {
            trie.put(e.getKey(), e.getValue());
        }
        TrieCommit commit = trie.commit();
        H256 emptyExtrinsicsRoot = Executive.extrinsicsRoot(List.of(), layout);
        Header header = new Header(H256.ZERO, 0, H256.of(commit.root()), emptyExtrinsicsRoot, Digest.EMPTY);
        return new GenesisBlock(header, commit, layout);
    }

    /** Returns {@code spec} with its genesis in raw form (the spec itself when already raw). */
    public ChainSpec toRaw(ChainSpec spec) {
        if (spec.genesis() instanceof RawGenesis) {
            return spec;
        }
        checkConsensus(spec);
        return spec.withGenesis(toRaw((GenesisConfig) spec.genesis()));
    }

    /** Returns every entry of the genesis state that {@code config} builds. */
    public RawGenesis toRaw(GenesisConfig config) {
        GenesisBlock block = build(config);
        MemoryNodeStore store = new MemoryNodeStore();
        store.applyInsertions(block.nodes());
        Trie trie = Trie.open(layout, store, block.state().root());
        TreeMap<byte[], byte[]> top = new TreeMap<>(Arrays::compareUnsigned);
        for (Iterator<TrieEntry> it = trie.iterator(new byte[0]); it.hasNext(); ) {
            TrieEntry e = it.next();
            top.put(e.key(), e.value());
        }
        return new RawGenesis(top);
    }
}
