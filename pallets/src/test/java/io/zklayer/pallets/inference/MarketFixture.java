package io.zklayer.pallets.inference;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.pools.PoolsParameters;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.TestChain;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.VerificationResult;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A chain with Pools (7) and Inference (8) over an in-memory model catalog and direct Groth16
 * verification (the seams the Models and Verifier pallets fill in the runtime). Alice, Bob, Charlie
 * and Dave hold 1000 units each.
 */
final class MarketFixture {
    static final BigInteger BOND = UNIT.multiply(BigInteger.valueOf(200));

    /** The registry as the market sees it, with the usage it was told of. */
    static final class Catalog implements ModelCatalog {
        final Map<Long, MarketModel> models = new HashMap<>();
        final List<String> usage = new ArrayList<>();

        @Override
        public Optional<MarketModel> model(RuntimeContext ctx, long modelId) {
            return Optional.ofNullable(models.get(modelId));
        }

        @Override
        public void recordInference(RuntimeContext ctx, long modelId, AccountId32 user) {
            usage.add(modelId + " by " + user + " at #" + ctx.blockNumber());
        }
    }

    /** Verification against registered keys, one proof at a time. */
    static final class Keys implements ProofCheck {
        final Map<H256, PreparedVerifyingKey> keys = new HashMap<>();

        @Override
        public ResultCheck verify(RuntimeContext ctx, H256 keyId, byte[] proof, List<io.zklayer.zk.field.Fr> signals) {
            PreparedVerifyingKey key = keys.get(keyId);
            if (key == null) {
                return new ResultCheck.Unverifiable("no key " + keyId);
            }
            Proof p;
            try {
                p = Proof.fromBytes(proof);
            } catch (ZkFormatException e) {
                return new ResultCheck.Invalid(e.getMessage());
            }
            VerificationResult r = Groth16Verifier.verify(key, p, signals);
            if (r instanceof VerificationResult.Invalid i) {
                return i.reason() == VerificationResult.Reason.PUBLIC_SIGNAL_COUNT
                        ? new ResultCheck.Unverifiable(i.detail()) : new ResultCheck.Invalid(i.detail());
            }
            return new ResultCheck.Valid();
        }
    }

    final TestChain chain;
    final Catalog catalog;
    final Keys keys;

    private MarketFixture(TestChain chain, Catalog catalog, Keys keys) {
        this.chain = chain;
        this.catalog = catalog;
        this.keys = keys;
    }

    /**
     * Returns a chain with {@code epochLength}-block epochs, {@code models} registered (with their
     * provers' keys) and {@code genesisNodes} active in epoch 0.
     */
    static MarketFixture create(long epochLength, Map<MarketModel, TestModels.Prover> models,
                                List<PoolsGenesis.GenesisNode> genesisNodes, InferenceParameters params) {
        Catalog catalog = new Catalog();
        Keys keys = new Keys();
        models.forEach((m, p) -> {
            catalog.models.put(m.id(), m);
            if (p != null) {
                keys.keys.put(m.verifyingKeyId(), PreparedVerifyingKey.of(p.keys().verifyingKey()));
            }
        });
        OnChainRunner runner = new OnChainRunner(EngineConfig.defaults());
        TestChain.Builder b = TestChain.builder().epochLength(epochLength);
        for (DevAccounts a : List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE, DevAccounts.DAVE)) {
            b.balance(a, UNIT.multiply(BigInteger.valueOf(1000)));
        }
        PoolsPallet[] pools = new PoolsPallet[1];
        b.extraPallet(base -> {
            pools[0] = new PoolsPallet(base.pallet(SystemPallet.class), base.pallet(BalancesPallet.class),
                    PoolsParameters.defaults(UNIT), (ctx, id) -> catalog.models.containsKey(id));
            return pools[0];
        });
        b.extraPallet(base -> new InferencePallet(base.pallet(BalancesPallet.class), pools[0], catalog, keys, params, runner));
        b.genesis(new PoolsGenesis(genesisNodes));
        return new MarketFixture(b.build(), catalog, keys);
    }

    static PoolsGenesis.GenesisNode node(DevAccounts who, long units, long... models) {
        List<Long> ids = new ArrayList<>();
        for (long m : models) {
            ids.add(m);
        }
        return new PoolsGenesis.GenesisNode(account(who), ids, units, BOND);
    }

    /** Runs one block with {@code who}'s call; returns its outcome, which must be included. */
    ApplyOutcome.Applied run(DevAccounts who, InferenceCall call) {
        List<ApplyOutcome> out = chain.block(chain.signed(who, chain.call(InferencePallet.INDEX, call)));
        assertThat(out.get(0)).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out.get(0);
    }

    /** Signs {@code call} by {@code who} (for blocks with several extrinsics). */
    byte[] signed(DevAccounts who, InferenceCall call) {
        return chain.signed(who, chain.call(InferencePallet.INDEX, call));
    }

    RuntimeContext bestContext() {
        return new RuntimeContext(chain.bestState(), chain.bestNumber(), chain.bestHash(), (c, p, i, e) -> { });
    }

    Workload workload(long id) {
        return InferencePallet.workload(bestContext(), id).orElseThrow();
    }

    List<InferenceEvent> events() {
        return chain.events(InferenceEvent.CODEC, InferencePallet.INDEX);
    }

    BigInteger free(DevAccounts who) {
        return chain.free(who);
    }

    BigInteger reserved(DevAccounts who) {
        return chain.accountInfo(account(who)).data().reserved();
    }

    /** Every Inference and Pools storage entry, hex key to hex value. */
    Map<String, String> marketStorage() {
        Map<String, String> out = new TreeMap<>();
        for (String pallet : List.of("Inference", "Pools")) {
            Iterator<TrieEntry> it = chain.bestState().iterator(Hashing.twox128(pallet.getBytes(StandardCharsets.US_ASCII)));
            while (it.hasNext()) {
                TrieEntry e = it.next();
                out.put(io.zklayer.primitives.Hex.encode(e.key()), io.zklayer.primitives.Hex.encode(e.value()));
            }
        }
        return out;
    }

    /** Returns the node workload {@code id} is assigned to. */
    AccountId32 assignee(long id) {
        WorkloadStatus s = workload(id).status();
        assertThat(s).as("workload %d status", id).isInstanceOf(WorkloadStatus.Assigned.class);
        return ((WorkloadStatus.Assigned) s).node();
    }

    /** Returns the dev account whose key is {@code node}. */
    static DevAccounts devOf(AccountId32 node) {
        for (DevAccounts a : DevAccounts.all()) {
            if (account(a).equals(node)) {
                return a;
            }
        }
        throw new IllegalArgumentException("not a dev account: " + node);
    }
}
