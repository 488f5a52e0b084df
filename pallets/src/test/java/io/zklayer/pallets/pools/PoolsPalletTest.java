package io.zklayer.pallets.pools;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.inference.TestModels;
import io.zklayer.pallets.models.ModelsGenesis;
import io.zklayer.pallets.pools.PoolsStorage.EpochCapacity;
import io.zklayer.pallets.pools.PoolsStorage.NodeStatus;
import io.zklayer.pallets.pools.PoolsStorage.UnbondingChunk;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.trie.TrieEntry;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.TestChain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class PoolsPalletTest {
    static final BigInteger BOND = UNIT.multiply(BigInteger.valueOf(200));
    /** Models 0 and 1 (the tiny test model twice), registered at genesis by Alice. */
    static ModelsGenesis twoModels() {
        TestModels.Prover tiny = TestModels.tiny();
        AccountId32 alice = account(DevAccounts.ALICE);
        return new ModelsGenesis(List.of(tiny.genesis(alice, "a", UNIT, 10, Optional.empty()),
                tiny.genesis(alice, "b", UNIT, 10, Optional.empty())));
    }

    private final TestChain chain = chain(List.of());
    private final AccountId32 bob = account(DevAccounts.BOB);

    /** A chain with 3-block epochs, models 0 and 1, and {@code genesisNodes}. */
    static TestChain chain(List<PoolsGenesis.GenesisNode> genesisNodes) {
        return TestChain.builder()
                .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(1000)))
                .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(1000)))
                .balance(DevAccounts.CHARLIE, UNIT.multiply(BigInteger.valueOf(1000)))
                .epochLength(3)
                .models(twoModels())
                .genesis(new PoolsGenesis(genesisNodes))
                .build();
    }

    private ApplyOutcome.Applied run(DevAccounts who, PoolsCall call) {
        List<ApplyOutcome> out = chain.block(chain.signed(who, chain.call(PoolsPallet.INDEX, call)));
        assertThat(out.get(0)).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out.get(0);
    }

    private void runToEndOfEpoch() {
        do {
            chain.block();
        } while (chain.bestNumber() % 3 != 0);
    }

    private RuntimeContext bestContext() {
        return new RuntimeContext(chain.bestState(), chain.bestNumber(), chain.bestHash(), (c, p, i, e) -> { });
    }

    private BigInteger reserved(AccountId32 who) {
        return chain.accountInfo(who).data().reserved();
    }

    /** Every Pools storage entry, hex key to hex value. */
    private Map<String, String> poolsStorage() {
        Map<String, String> out = new TreeMap<>();
        Iterator<TrieEntry> it = chain.bestState().iterator(Hashing.twox128("Pools".getBytes(StandardCharsets.US_ASCII)));
        while (it.hasNext()) {
            TrieEntry e = it.next();
            out.put(io.zklayer.primitives.Hex.encode(e.key()), io.zklayer.primitives.Hex.encode(e.value()));
        }
        return out;
    }

    /** Runs {@code body} inside a new block of {@code c} (as a hook would run). */
    static void inBlock(TestChain c, Consumer<RuntimeContext> body) {
        c.beginBlock();
        body.accept(c.openBlock().context());
        c.finishBlock();
    }

    static void penalize(TestChain c, AccountId32 who, SlashReason reason) {
        inBlock(c, ctx -> c.runtime().pallet(PoolsPallet.class).penalize(ctx, who, reason));
    }

    @Test
    void aRegisteredNodeIsPendingUntilTheNextEpochAndThenActiveWithItsCapacity() {
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new PoolsCall.RegisterNode(List.of(1L, 0L), 500, BOND));
        assertThat(out.error()).isEmpty();
        assertThat(reserved(bob)).isEqualTo(BOND);
        assertThat(chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeRegistered(bob, List.of(0L, 1L), 500, BOND, 1));
        RuntimeContext ctx = bestContext();
        assertThat(PoolsPallet.node(ctx, bob).orElseThrow().status()).isEqualTo(NodeStatus.PENDING);
        assertThat(PoolsPallet.isActive(ctx, bob)).isFalse();
        assertThat(PoolsPallet.pool(ctx, 0)).isEmpty();
        chain.block();
        assertThat(PoolsPallet.isActive(bestContext(), bob)).as("still epoch 0 after block 2").isFalse();
        chain.block();
        assertThat(chain.bestNumber()).isEqualTo(3);
        ctx = bestContext();
        assertThat(PoolsPallet.isActive(ctx, bob)).isTrue();
        assertThat(PoolsPallet.node(ctx, bob).orElseThrow().status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(PoolsPallet.pool(ctx, 0)).containsExactly(bob);
        assertThat(PoolsPallet.pool(ctx, 1)).containsExactly(bob);
        assertThat(PoolsPallet.spareCapacity(ctx, bob)).isEqualTo(500);
        assertThat(chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeActivated(bob, 1), new PoolsEvent.PoolsRotated(1, 1, 500));
    }

    @Test
    void genesisNodesAreActiveInEpochZeroWithTheirBondReserved() {
        TestChain g = chain(List.of(new PoolsGenesis.GenesisNode(bob, List.of(0L), 40, BOND),
                new PoolsGenesis.GenesisNode(account(DevAccounts.ALICE), List.of(0L, 1L), 60, BOND)));
        RuntimeContext ctx = new RuntimeContext(g.bestState(), 0, g.bestHash(), (c, p, i, e) -> { });
        AccountId32 alice = account(DevAccounts.ALICE);
        assertThat(PoolsPallet.pool(ctx, 0)).containsExactlyInAnyOrder(alice, bob).hasSize(2)
                .isSortedAccordingTo((a, b) -> java.util.Arrays.compareUnsigned(a.bytes(), b.bytes()));
        assertThat(PoolsPallet.pool(ctx, 1)).containsExactly(alice);
        assertThat(PoolsPallet.spareCapacity(ctx, bob)).isEqualTo(40);
        assertThat(g.accountInfo(bob).data().reserved()).isEqualTo(BOND);
        assertThat(PoolsStorage.NODE_COUNT.get(g.bestState())).isEqualTo(2);
    }

    @Test
    void deregisteringLeavesAtTheNextEpochAndTheBondUnlocksAfterTheUnbondingPeriod() {
        run(DevAccounts.BOB, new PoolsCall.RegisterNode(List.of(0L), 100, BOND));
        runToEndOfEpoch(); // epoch 1: active
        run(DevAccounts.BOB, new PoolsCall.Deregister());
        assertThat(chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeDeregistered(bob, 2));
        assertThat(PoolsPallet.isActive(bestContext(), bob)).as("serves until the epoch ends").isTrue();
        assertThat(run(DevAccounts.BOB, new PoolsCall.Deregister()).error())
                .contains(PoolsError.ALREADY_LEAVING.error());
        runToEndOfEpoch(); // block 6: epoch 2 starts, Bob leaves, unlock at 2 + 2 = 4
        assertThat(chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .contains(new PoolsEvent.NodeLeft(bob, 2, BOND, 4));
        RuntimeContext ctx = bestContext();
        assertThat(PoolsPallet.node(ctx, bob)).isEmpty();
        assertThat(PoolsPallet.isActive(ctx, bob)).isFalse();
        assertThat(PoolsPallet.pool(ctx, 0)).isEmpty();
        assertThat(PoolsPallet.unbonding(ctx, bob)).containsExactly(new UnbondingChunk(BOND, 4));
        assertThat(reserved(bob)).isEqualTo(BOND);
        assertThat(run(DevAccounts.BOB, new PoolsCall.WithdrawUnbonded()).error())
                .contains(PoolsError.NOTHING_TO_WITHDRAW.error());
        runToEndOfEpoch(); // epoch 3
        runToEndOfEpoch(); // epoch 4
        BigInteger free = chain.free(DevAccounts.BOB);
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new PoolsCall.WithdrawUnbonded());
        assertThat(out.error()).isEmpty();
        assertThat(reserved(bob)).isZero();
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(free.add(BOND).subtract(out.fee()));
        assertThat(PoolsPallet.unbonding(bestContext(), bob)).isEmpty();
    }

    @Test
    void invalidRegistrationsAreDispatchErrorsThatChangeNothingButTheFee() {
        run(DevAccounts.CHARLIE, new PoolsCall.RegisterNode(List.of(0L), 100, BOND));
        runToEndOfEpoch(); // Charlie active: later epoch changes rebuild the same snapshot
        Map<String, PoolsCall> cases = new TreeMap<>();
        cases.put("UnknownModel", new PoolsCall.RegisterNode(List.of(0L, 7L), 100, BOND));
        cases.put("DuplicateModel", new PoolsCall.RegisterNode(List.of(0L, 0L), 100, BOND));
        cases.put("NoModels", new PoolsCall.RegisterNode(List.of(), 100, BOND));
        cases.put("TooManyModels", new PoolsCall.RegisterNode(java.util.stream.LongStream.range(0, 17).boxed().toList(),
                100, BOND));
        cases.put("ZeroCapacity", new PoolsCall.RegisterNode(List.of(0L), 0, BOND));
        cases.put("CapacityTooLarge", new PoolsCall.RegisterNode(List.of(0L), 1_000_000_001L, BOND));
        cases.put("BondTooLow", new PoolsCall.RegisterNode(List.of(0L), 100, UNIT.multiply(BigInteger.valueOf(99))));
        cases.put("Balances.InsufficientBalance", new PoolsCall.RegisterNode(List.of(0L), 100,
                UNIT.multiply(BigInteger.valueOf(2000))));
        cases.put("NotRegistered", new PoolsCall.Deregister());
        cases.put("NothingToWithdraw", new PoolsCall.WithdrawUnbonded());
        for (Map.Entry<String, PoolsCall> c : cases.entrySet()) {
            Map<String, String> before = poolsStorage();
            BigInteger free = chain.free(DevAccounts.BOB);
            ApplyOutcome.Applied out = run(DevAccounts.BOB, c.getValue());
            assertThat(out.error()).as(c.getKey()).isPresent();
            String name = ((DispatchError.Module) out.error().get()).name();
            assertThat(name).as(c.getKey()).isEqualTo(c.getKey().contains(".") ? c.getKey() : "Pools." + c.getKey());
            assertThat(poolsStorage()).as(c.getKey()).isEqualTo(before);
            assertThat(chain.free(DevAccounts.BOB)).as(c.getKey()).isEqualTo(free.subtract(out.fee()));
            assertThat(reserved(bob)).as(c.getKey()).isZero();
        }
        Map<String, String> before = poolsStorage();
        ApplyOutcome.Applied twice = run(DevAccounts.CHARLIE, new PoolsCall.RegisterNode(List.of(1L), 100, BOND));
        assertThat(twice.error()).contains(PoolsError.ALREADY_REGISTERED.error());
        assertThat(poolsStorage()).isEqualTo(before);
    }

    @Test
    void aMissedDeadlineSlashesTenPercentToTheTreasuryAndRemovesTheRemainingCapacity() {
        TestChain g = chain(List.of(new PoolsGenesis.GenesisNode(bob, List.of(0L), 100, BOND)));
        inBlock(g, ctx -> PoolsPallet.consumeCapacity(ctx, bob, 30));
        penalize(g, bob, SlashReason.MISSED_DEADLINE);
        BigInteger slashed = BOND.divide(BigInteger.TEN);
        AccountId32 treasury = PalletId.TREASURY.account();
        assertThat(g.accountInfo(bob).data().reserved()).isEqualTo(BOND.subtract(slashed));
        assertThat(g.accountInfo(treasury).data().free()).isEqualTo(slashed);
        assertThat(PoolsStorage.NODES.get(g.bestState(), bob).bond()).isEqualTo(BOND.subtract(slashed));
        assertThat(PoolsStorage.CAPACITY.get(g.bestState(), bob)).isEqualTo(new EpochCapacity(30, 30));
        assertThat(g.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeSlashed(bob, slashed, SlashReason.MISSED_DEADLINE, true));
        BigInteger issuance = g.totalIssuance();
        penalize(g, bob, SlashReason.INVALID_RESULT);
        BigInteger second = BOND.subtract(slashed).divide(BigInteger.TWO);
        assertThat(g.accountInfo(treasury).data().free()).isEqualTo(slashed.add(second));
        assertThat(g.totalIssuance()).as("moved, not burned").isEqualTo(issuance);
        // 200 → 180 → 90 units: below MinBond (100), so Bob leaves at the next epoch, which starts after
        // this block (#3): he is gone and his remaining 90 units unbond.
        assertThat(g.bestNumber()).isEqualTo(3);
        assertThat(g.events(PoolsEvent.CODEC, PoolsPallet.INDEX)).containsSubsequence(
                new PoolsEvent.NodeDeregistered(bob, 1),
                new PoolsEvent.NodeSlashed(bob, second, SlashReason.INVALID_RESULT, true),
                new PoolsEvent.NodeLeft(bob, 1, BOND.subtract(slashed).subtract(second), 3));
        assertThat(PoolsStorage.NODES.getOptional(g.bestState(), bob)).isEmpty();
    }

    @Test
    void aSlashBelowTheExistentialDepositIsBurnedWhileTheTreasuryDoesNotExist() {
        BigInteger tiny = UNIT.multiply(BigInteger.valueOf(100));
        TestChain g = TestChain.builder()
                .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(1000)))
                .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(1000)))
                .epochLength(3)
                .params(RuntimeParameters.defaults().withPools(new PoolsParameters(tiny.divide(BigInteger.TWO), 4, 4, 1000,
                        1, 2, new io.zklayer.runtime.Permill(1), new io.zklayer.runtime.Permill(1))))
                .models(twoModels())
                .genesis(new PoolsGenesis(List.of(new PoolsGenesis.GenesisNode(bob, List.of(0L), 10, tiny))))
                .build();
        BigInteger issuance = g.totalIssuance();
        penalize(g, bob, SlashReason.MISSED_DEADLINE);
        BigInteger slashed = tiny.divide(BigInteger.valueOf(1_000_000)); // 10^8 < ED 10^9
        assertThat(g.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeSlashed(bob, slashed, SlashReason.MISSED_DEADLINE, false));
        assertThat(g.totalIssuance()).isEqualTo(issuance.subtract(slashed));
        assertThat(g.accountInfo(PalletId.TREASURY.account()).data().total()).isZero();
    }

    @Test
    void aNodeThatAlreadyLeftIsSlashedFromItsUnbondingFunds() {
        run(DevAccounts.BOB, new PoolsCall.RegisterNode(List.of(0L), 100, BOND));
        runToEndOfEpoch();
        run(DevAccounts.BOB, new PoolsCall.Deregister());
        runToEndOfEpoch();
        penalize(chain, bob, SlashReason.MISSED_DEADLINE);
        BigInteger slashed = BOND.divide(BigInteger.TEN);
        assertThat(PoolsPallet.unbonding(bestContext(), bob)).containsExactly(new UnbondingChunk(BOND.subtract(slashed), 4));
        assertThat(reserved(bob)).isEqualTo(BOND.subtract(slashed));
    }

    @Test
    void treasuryAccountIsSubstratesModlPyTrsry() {
        assertThat(io.zklayer.primitives.Hex.encode(PalletId.TREASURY.account().bytes()))
                .isEqualTo("0x6d6f646c70792f74727372790000000000000000000000000000000000000000");
    }
}
