package io.zklayer.pallets.inference;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.models.ModelsPallet;
import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.pallets.pools.PoolsGenesis;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TestChain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ZKLayer runtime on a test chain with models registered and pool nodes active at genesis.
 * Alice, Bob, Charlie and Dave hold 1000 units each; Alice owns the models.
 */
final class MarketFixture {
    static final BigInteger BOND = UNIT.multiply(BigInteger.valueOf(200));

    final TestChain chain;

    private MarketFixture(TestChain chain) {
        this.chain = chain;
    }

    /**
     * Returns a chain with {@code epochLength}-block epochs, {@code models} registered at genesis (ids
     * 0, 1, … in order) and {@code genesisNodes} active in epoch 0.
     */
    static MarketFixture create(long epochLength, List<ModelsGenesis.Model> models,
                                List<PoolsGenesis.GenesisNode> genesisNodes, InferenceParameters params) {
        TestChain.Builder b = TestChain.builder().epochLength(epochLength)
                .params(RuntimeParameters.defaults().withInference(params))
                .models(new ModelsGenesis(models))
                .genesis(new PoolsGenesis(genesisNodes));
        for (DevAccounts a : List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE, DevAccounts.DAVE)) {
            b.balance(a, UNIT.multiply(BigInteger.valueOf(1000)));
        }
        return new MarketFixture(b.build());
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
        List<ApplyOutcome> out = chain.block(signed(who, call));
        assertThat(out.get(0)).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out.get(0);
    }

    /** Signs {@code call} by {@code who} with the account's current nonce. */
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

    /** Returns model {@code id}'s usage statistics in the Models pallet. */
    ModelsStorage.UsageStats usage(long id) {
        return chain.runtime().pallet(ModelsPallet.class).usage(bestContext(), id);
    }

    /** Every Inference, Pools and Models storage entry, hex key to hex value. */
    Map<String, String> marketStorage() {
        Map<String, String> out = new TreeMap<>();
        for (String pallet : List.of("Inference", "Pools", "Models")) {
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
