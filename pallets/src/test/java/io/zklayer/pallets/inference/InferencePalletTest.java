package io.zklayer.pallets.inference;

import static io.zklayer.pallets.inference.MarketFixture.BOND;
import static io.zklayer.pallets.inference.MarketFixture.node;
import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.inference.WorkloadStatus.RefundReason;
import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.pallets.pools.PoolsCall;
import io.zklayer.pallets.pools.PoolsEvent;
import io.zklayer.pallets.pools.PoolsPallet;
import io.zklayer.pallets.pools.SlashReason;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.TransactionValidity;
import io.zklayer.wasm.model.ModelWasmCompiler;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.InputCommitment;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferencePalletTest {
    static final BigInteger PRICE = UNIT.multiply(BigInteger.valueOf(5));
    static final BigInteger MAX_PRICE = UNIT.multiply(BigInteger.valueOf(7));
    static final byte[] INPUT = {1, 2, 3, 4};

    private final TestModels.Prover tiny = TestModels.tiny();
    private final AccountId32 alice = account(DevAccounts.ALICE);

    /**
     * Model 0: the tiny model at 5 units, 10 compute units per inference; models 1 and 2: the same,
     * public (run on chain), at 100 and 1 compute units.
     */
    private MarketFixture market(long epochLength, InferenceParameters params,
                                 List<io.zklayer.pallets.pools.PoolsGenesis.GenesisNode> nodes) {
        Optional<byte[]> wasm = Optional.of(ModelWasmCompiler.compile(tiny.model()).wasm());
        return MarketFixture.create(epochLength, List.of(
                tiny.genesis(alice, "tiny", PRICE, 10, Optional.empty()),
                tiny.genesis(alice, "tiny-public", BigInteger.ZERO, 100, wasm),
                tiny.genesis(alice, "tiny-public-small", BigInteger.ZERO, 1, wasm)), nodes, params);
    }

    private MarketFixture twoNodes() {
        return market(100, InferenceParameters.defaults(),
                List.of(node(DevAccounts.BOB, 20, 0), node(DevAccounts.CHARLIE, 20, 0)));
    }

    private static InferenceCall.SubmitWorkload workload(long model, byte[] input, BigInteger maxPrice, long deadline) {
        return new InferenceCall.SubmitWorkload(model, new WorkloadInput.Inline(input), maxPrice, deadline);
    }

    private static InferenceCall.SubmitResult result(long id, TestModels.Result r) {
        return new InferenceCall.SubmitResult(id, r.output(), r.proof());
    }

    @Test
    void aWorkloadIsAssignedInTheNextBlockAndAVerifiedResultPaysTheNodeAndRefundsTheRest() {
        MarketFixture m = twoNodes();
        BigInteger aliceStart = m.free(DevAccounts.ALICE);
        BigInteger issuanceStart = m.chain.totalIssuance();
        ApplyOutcome.Applied submitted = m.run(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 3));
        assertThat(submitted.error()).isEmpty();
        byte[] commitment = InputCommitment.of(INPUT).toBytesBE();
        assertThat(m.events()).containsExactly(new InferenceEvent.WorkloadSubmitted(0, alice, 0, commitment, MAX_PRICE));
        assertThat(m.reserved(DevAccounts.ALICE)).isEqualTo(MAX_PRICE);
        assertThat(m.workload(0).status()).isEqualTo(new WorkloadStatus.Queued());

        m.chain.block();
        AccountId32 node = m.assignee(0);
        assertThat(m.events()).containsExactly(new InferenceEvent.WorkloadAssigned(0, node, 5));
        assertThat(PoolsPallet.spareCapacity(m.bestContext(), node)).isEqualTo(10);

        DevAccounts nodeKey = MarketFixture.devOf(node);
        BigInteger nodeBefore = m.free(nodeKey);
        TestModels.Result r = tiny.prove(INPUT, 1);
        assertThat(r.output()).isEqualTo(ReferenceExecutor.infer(tiny.model(), INPUT));
        ApplyOutcome.Applied done = m.run(nodeKey, result(0, r));
        assertThat(done.error()).isEmpty();
        assertThat(m.events()).containsExactly(new InferenceEvent.ResultAccepted(0, node, r.output(), PRICE));
        assertThat(m.workload(0).status())
                .isEqualTo(new WorkloadStatus.Completed(Optional.of(node), r.output(), 3));
        assertThat(m.free(DevAccounts.ALICE)).isEqualTo(aliceStart.subtract(submitted.fee()).subtract(PRICE));
        assertThat(m.reserved(DevAccounts.ALICE)).isZero();
        assertThat(m.free(nodeKey)).isEqualTo(nodeBefore.subtract(done.fee()).add(PRICE));
        assertThat(m.reserved(nodeKey)).isEqualTo(BOND);
        assertThat(m.chain.totalIssuance()).isEqualTo(issuanceStart.subtract(submitted.fee()).subtract(done.fee()));
        assertThat(m.chain.accountInfo(PalletId.TREASURY.account()).data().total()).isZero();
        assertThat(m.usage(0)).isEqualTo(new ModelsStorage.UsageStats(1, 1, 0, Optional.of(3L)));
        assertThat(InferenceStorage.NODE_STATS.get(m.chain.bestState(), node))
                .isEqualTo(new InferenceStorage.NodeStats(1, 0, 0));
        assertThat(InferenceStorage.DEADLINES.entries(m.chain.bestState())).isEmpty();
    }

    @Test
    void aTamperedProofIsRefusedByThePoolAndWhenIncludedSlashesTheNodeAndTheWorkloadGoesToTheOther() {
        MarketFixture m = twoNodes();
        m.run(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 3));
        m.chain.block();
        AccountId32 first = m.assignee(0);
        DevAccounts firstKey = MarketFixture.devOf(first);
        TestModels.Result good = tiny.prove(INPUT, 2);
        byte[] otherClass = good.output().clone();
        otherClass[0] = (byte) ((otherClass[0] + 1) % 3);
        InferenceCall.SubmitResult lie = new InferenceCall.SubmitResult(0, otherClass, good.proof());

        byte[] xt = m.signed(firstKey, lie);
        TransactionValidity v = m.chain.executive().validate(m.chain.bestState(), m.chain.bestHash(), m.chain.bestNumber(), xt);
        assertThat(v).isInstanceOfSatisfying(TransactionValidity.Invalid.class, i ->
                assertThat(i.detail()).contains("the proof of workload 0 does not verify"));
        byte[] flipped = good.proof().clone();
        flipped[100] ^= 1;
        TransactionValidity v2 = m.chain.executive().validate(m.chain.bestState(), m.chain.bestHash(),
                m.chain.bestNumber(), m.signed(firstKey, new InferenceCall.SubmitResult(0, good.output(), flipped)));
        assertThat(v2).isInstanceOf(TransactionValidity.Invalid.class);
        TransactionValidity honest = m.chain.executive().validate(m.chain.bestState(), m.chain.bestHash(),
                m.chain.bestNumber(), m.signed(firstKey, result(0, good)));
        assertThat(honest).isInstanceOf(TransactionValidity.Valid.class);

        BigInteger aliceReserved = m.reserved(DevAccounts.ALICE);
        ApplyOutcome.Applied out = m.run(firstKey, lie);
        assertThat(out.error()).as("the call succeeds so that the slash stands").isEmpty();
        BigInteger slashed = BOND.divide(BigInteger.TWO);
        assertThat(m.events()).containsExactly(new InferenceEvent.ResultRejected(0, first));
        assertThat(m.chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeSlashed(first, slashed, SlashReason.INVALID_RESULT, true));
        assertThat(m.reserved(firstKey)).isEqualTo(BOND.subtract(slashed));
        assertThat(m.chain.accountInfo(PalletId.TREASURY.account()).data().free()).isEqualTo(slashed);
        assertThat(m.reserved(DevAccounts.ALICE)).as("escrow kept for the next attempt").isEqualTo(aliceReserved);
        assertThat(m.workload(0).status()).isEqualTo(new WorkloadStatus.Queued());

        m.chain.block();
        AccountId32 second = m.assignee(0);
        assertThat(second).as("the slashed node has no capacity left this epoch").isNotEqualTo(first);
        assertThat(m.workload(0).attempts()).isEqualTo(2);
        ApplyOutcome.Applied done = m.run(MarketFixture.devOf(second), result(0, tiny.prove(INPUT, 3)));
        assertThat(done.error()).isEmpty();
        assertThat(m.events()).hasSize(1).first().isInstanceOf(InferenceEvent.ResultAccepted.class);
        assertThat(InferenceStorage.NODE_STATS.get(m.chain.bestState(), first))
                .isEqualTo(new InferenceStorage.NodeStats(0, 0, 1));
    }

    @Test
    void anOfflineNodeMissesTheDeadlineIsSlashedAndTheWorkloadIsReassignedThenRefunded() {
        InferenceParameters d = InferenceParameters.defaults();
        InferenceParameters twoAttempts = new InferenceParameters(d.minDeadline(), d.maxDeadline(), d.maxQueueLength(),
                d.maxQueueBlocks(), 2, d.maxAssignmentsPerBlock(), d.maxOutputBytes(), d.gasPerComputeUnit(), d.gasPrice(),
                d.maxOnChainGasPerBlock(), d.refTimePerGas());
        MarketFixture m = market(100, twoAttempts, List.of(node(DevAccounts.BOB, 20, 0), node(DevAccounts.CHARLIE, 20, 0)));
        BigInteger aliceStart = m.free(DevAccounts.ALICE);
        ApplyOutcome.Applied submitted = m.run(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 2));
        m.chain.block(); // #2: assigned, deadline #4
        AccountId32 first = m.assignee(0);
        m.chain.block(); // #3
        m.chain.block(); // #4: the last block that could hold the result
        assertThat(m.assignee(0)).isEqualTo(first);
        m.chain.block(); // #5: missed, slashed, reassigned
        AccountId32 second = m.assignee(0);
        assertThat(second).isNotEqualTo(first);
        BigInteger tenth = BOND.divide(BigInteger.TEN);
        assertThat(m.events()).containsExactly(new InferenceEvent.DeadlineMissed(0, first),
                new InferenceEvent.WorkloadAssigned(0, second, 7));
        assertThat(m.chain.events(PoolsEvent.CODEC, PoolsPallet.INDEX))
                .containsExactly(new PoolsEvent.NodeSlashed(first, tenth, SlashReason.MISSED_DEADLINE, true));
        assertThat(PoolsPallet.spareCapacity(m.bestContext(), first)).isZero();

        ApplyOutcome.Applied late = m.run(MarketFixture.devOf(first), result(0, tiny.prove(INPUT, 4)));
        assertThat(late.error()).contains(InferenceError.NOT_ASSIGNED_NODE.error());
        m.chain.block(); // #7
        m.chain.block(); // #8: second miss, no attempts left: refunded
        assertThat(m.events()).containsExactly(new InferenceEvent.DeadlineMissed(0, second),
                new InferenceEvent.WorkloadRefunded(0, alice, MAX_PRICE, RefundReason.TOO_MANY_MISSES));
        assertThat(m.workload(0).status()).isEqualTo(new WorkloadStatus.Refunded(RefundReason.TOO_MANY_MISSES, 8));
        assertThat(m.reserved(DevAccounts.ALICE)).isZero();
        assertThat(m.free(DevAccounts.ALICE)).isEqualTo(aliceStart.subtract(submitted.fee()));
        assertThat(m.chain.accountInfo(PalletId.TREASURY.account()).data().free()).isEqualTo(tenth.multiply(BigInteger.TWO));
        assertThat(InferenceStorage.QUEUE.get(m.chain.bestState())).isEmpty();
    }

    @Test
    void moreWorkloadsThanCapacityWaitInTheQueueForTheNextEpoch() {
        MarketFixture m = market(5, InferenceParameters.defaults(), List.of(node(DevAccounts.BOB, 20, 0)));
        m.chain.block(m.signed(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 20)),
                m.signed(DevAccounts.DAVE, workload(0, new byte[] {0, 0, 0, 1}, MAX_PRICE, 20)),
                m.signed(DevAccounts.CHARLIE, workload(0, new byte[] {-8, 8, 0, 1}, MAX_PRICE, 20)));
        m.chain.block(); // #2: Bob has 20 units, each workload takes 10
        assertThat(m.assignee(0)).isEqualTo(account(DevAccounts.BOB));
        assertThat(m.assignee(1)).isEqualTo(account(DevAccounts.BOB));
        assertThat(m.workload(2).status()).isEqualTo(new WorkloadStatus.Queued());
        assertThat(InferenceStorage.QUEUE.get(m.chain.bestState())).containsExactly(2L);
        assertThat(PoolsPallet.spareCapacity(m.bestContext(), account(DevAccounts.BOB))).isZero();
        m.chain.block(); // #3
        m.chain.block(); // #4
        m.chain.block(); // #5: epoch 1 begins after this block, with fresh capacity
        assertThat(m.workload(2).status()).isEqualTo(new WorkloadStatus.Queued());
        m.chain.block(); // #6
        assertThat(m.events()).containsExactly(new InferenceEvent.WorkloadAssigned(2, account(DevAccounts.BOB), 26));
        assertThat(PoolsPallet.spareCapacity(m.bestContext(), account(DevAccounts.BOB))).isEqualTo(10);
    }

    @Test
    void aNodeThatJoinsServesOnlyFromTheNextEpoch() {
        MarketFixture m = market(4, InferenceParameters.defaults(), List.of());
        m.chain.block(m.chain.signed(DevAccounts.DAVE, m.chain.call(PoolsPallet.INDEX,
                        new PoolsCall.RegisterNode(List.of(0L), 50, BOND))),
                m.signed(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 5)));
        for (int n = 2; n <= 4; n++) {
            m.chain.block();
            assertThat(m.workload(0).status()).as("block #%d, epoch 0", n).isEqualTo(new WorkloadStatus.Queued());
            assertThat(PoolsPallet.isActive(m.bestContext(), account(DevAccounts.DAVE))).isEqualTo(n == 4);
        }
        m.chain.block(); // #5, the first block of epoch 1
        assertThat(m.assignee(0)).isEqualTo(account(DevAccounts.DAVE));
    }

    @Test
    void mistakenCallsAreDispatchErrorsThatChangeNothingButTheFee() {
        MarketFixture m = twoNodes();
        m.run(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 5));
        m.run(DevAccounts.ALICE, workload(0, new byte[] {2, 2, 2, 2}, MAX_PRICE, 50));
        AccountId32 node0 = m.assignee(0);
        DevAccounts node0Key = MarketFixture.devOf(node0);
        DevAccounts otherKey = node0Key == DevAccounts.BOB ? DevAccounts.CHARLIE : DevAccounts.BOB;
        TestModels.Result r0 = tiny.prove(INPUT, 5);
        assertThat(m.run(node0Key, result(0, r0)).error()).isEmpty();
        m.chain.block(); // workload 1 is assigned: nothing pending for the cases below
        byte[] field = Fr.MODULUS.toByteArray();
        byte[] modulus = new byte[32];
        System.arraycopy(field, field.length - 32, modulus, 0, 32);

        Map<String, Map.Entry<DevAccounts, InferenceCall>> cases = new LinkedHashMap<>();
        cases.put("NotAssignedNode", Map.entry(otherKey == MarketFixture.devOf(m.assignee(1)) ? node0Key : otherKey,
                result(1, tiny.prove(new byte[] {2, 2, 2, 2}, 6))));
        cases.put("NotAwaitingResult", Map.entry(node0Key, result(0, r0)));
        cases.put("UnknownWorkload", Map.entry(node0Key, result(9, r0)));
        cases.put("BadOutput", Map.entry(MarketFixture.devOf(m.assignee(1)),
                new InferenceCall.SubmitResult(1, new byte[] {7, 0, 0}, r0.proof())));
        cases.put("UnknownModel", Map.entry(DevAccounts.ALICE, workload(9, INPUT, MAX_PRICE, 5)));
        cases.put("WrongInputSize", Map.entry(DevAccounts.ALICE, workload(0, new byte[] {1, 2, 3}, MAX_PRICE, 5)));
        cases.put("InputOutOfRange", Map.entry(DevAccounts.ALICE, workload(0, new byte[] {1, 2, 3, 9}, MAX_PRICE, 5)));
        cases.put("InvalidInputCommitment", Map.entry(DevAccounts.ALICE,
                new InferenceCall.SubmitWorkload(0, new WorkloadInput.Commitment(modulus), MAX_PRICE, 5)));
        cases.put("InputRequired", Map.entry(DevAccounts.ALICE,
                new InferenceCall.SubmitWorkload(1, new WorkloadInput.Commitment(new byte[32]), MAX_PRICE, 5)));
        cases.put("BadDeadline", Map.entry(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 0)));
        cases.put("PriceTooLow", Map.entry(DevAccounts.ALICE, workload(0, INPUT, PRICE.subtract(BigInteger.ONE), 5)));
        for (Map.Entry<String, Map.Entry<DevAccounts, InferenceCall>> c : cases.entrySet()) {
            DevAccounts who = c.getValue().getKey();
            Map<String, String> storage = m.marketStorage();
            Map<DevAccounts, BigInteger> free = new LinkedHashMap<>();
            Map<DevAccounts, BigInteger> reserved = new LinkedHashMap<>();
            for (DevAccounts a : List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE)) {
                free.put(a, m.free(a));
                reserved.put(a, m.reserved(a));
            }
            ModelsStorage.UsageStats usage = m.usage(0);
            ApplyOutcome.Applied out = m.run(who, c.getValue().getValue());
            assertThat(out.error()).as(c.getKey()).isPresent();
            assertThat(((DispatchError.Module) out.error().get()).name()).isEqualTo("Inference." + c.getKey());
            assertThat(m.marketStorage()).as(c.getKey()).isEqualTo(storage);
            for (DevAccounts a : free.keySet()) {
                BigInteger expected = a == who ? free.get(a).subtract(out.fee()) : free.get(a);
                assertThat(m.free(a)).as("%s: free of %s", c.getKey(), a).isEqualTo(expected);
                assertThat(m.reserved(a)).as("%s: reserved of %s", c.getKey(), a).isEqualTo(reserved.get(a));
            }
            assertThat(m.usage(0)).isEqualTo(usage);
        }
    }

    @Test
    void aPublicModelRunsOnChainAndChargesTheGasItUsed() {
        MarketFixture m = twoNodes();
        BigInteger aliceStart = m.free(DevAccounts.ALICE);
        BigInteger issuanceStart = m.chain.totalIssuance();
        BigInteger gasPrice = InferenceParameters.defaults().gasPrice();
        BigInteger maxCost = gasPrice.multiply(BigInteger.valueOf(100 * 1000));
        ApplyOutcome.Applied rejected = m.run(DevAccounts.ALICE, workload(1, INPUT, maxCost.subtract(BigInteger.ONE), 5));
        assertThat(rejected.error()).contains(InferenceError.PRICE_TOO_LOW.error());
        ApplyOutcome.Applied submitted = m.run(DevAccounts.ALICE, workload(1, INPUT, maxCost, 5));
        assertThat(submitted.error()).isEmpty();
        m.chain.block();
        List<InferenceEvent> events = m.events();
        assertThat(events).hasSize(1).first().isInstanceOf(InferenceEvent.ExecutedOnChain.class);
        InferenceEvent.ExecutedOnChain ran = (InferenceEvent.ExecutedOnChain) events.get(0);
        assertThat(ran.output()).isEqualTo(ReferenceExecutor.infer(tiny.model(), INPUT));
        assertThat(ran.gasUsed()).isPositive().isLessThanOrEqualTo(100_000);
        assertThat(ran.cost()).isEqualTo(gasPrice.multiply(BigInteger.valueOf(ran.gasUsed())));
        assertThat(m.workload(0).status()).isEqualTo(new WorkloadStatus.Completed(Optional.empty(), ran.output(), 3));
        assertThat(m.reserved(DevAccounts.ALICE)).isZero();
        BigInteger fees = rejected.fee().add(submitted.fee());
        assertThat(m.free(DevAccounts.ALICE)).isEqualTo(aliceStart.subtract(fees).subtract(ran.cost()));
        assertThat(m.chain.totalIssuance()).as("gas is burned like fees")
                .isEqualTo(issuanceStart.subtract(fees).subtract(ran.cost()));
        assertThat(m.usage(1)).isEqualTo(new ModelsStorage.UsageStats(1, 1, 0, Optional.of(3L)));

        // With one gas per compute unit, model 2 (one unit) cannot finish: out of gas, the gas is
        // charged and the rest refunded.
        InferenceParameters d = InferenceParameters.defaults();
        m = market(100, new InferenceParameters(d.minDeadline(), d.maxDeadline(), d.maxQueueLength(), d.maxQueueBlocks(),
                d.maxAttempts(), d.maxAssignmentsPerBlock(), d.maxOutputBytes(), 1, d.gasPrice(), d.maxOnChainGasPerBlock(),
                d.refTimePerGas()), List.of());
        BigInteger before = m.free(DevAccounts.ALICE);
        ApplyOutcome.Applied starved = m.run(DevAccounts.ALICE, workload(2, INPUT, UNIT, 5));
        m.chain.block();
        assertThat(m.workload(0).status()).isEqualTo(new WorkloadStatus.Refunded(RefundReason.ON_CHAIN_FAILURE, 2));
        InferenceEvent.ExecutedOnChain failed = (InferenceEvent.ExecutedOnChain) m.events().get(0);
        assertThat(failed.output()).isEmpty();
        assertThat(failed.gasUsed()).isEqualTo(1);
        assertThat(m.events().get(1)).isEqualTo(new InferenceEvent.WorkloadRefunded(0, alice,
                UNIT.subtract(failed.cost()), RefundReason.ON_CHAIN_FAILURE));
        assertThat(m.reserved(DevAccounts.ALICE)).isZero();
        assertThat(m.free(DevAccounts.ALICE)).isEqualTo(before.subtract(starved.fee()).subtract(failed.cost()));
    }

    @Test
    void theResultsOfABlockArePreverifiedAsOneBatchAndExecutionThenAgreesWithEachProof() {
        MarketFixture m = twoNodes();
        byte[] otherInput = {-1, 0, 5, 8};
        m.chain.block(m.signed(DevAccounts.ALICE, workload(0, INPUT, MAX_PRICE, 5)),
                m.chain.signed(DevAccounts.ALICE.keyPair(), m.chain.call(InferencePallet.INDEX,
                        workload(0, otherInput, MAX_PRICE, 5)), 1, BigInteger.ZERO));
        m.chain.block();
        TestModels.Result good = tiny.prove(INPUT, 7);
        TestModels.Result other = tiny.prove(otherInput, 8);
        byte[] wrongOutput = other.output().clone();
        wrongOutput[0] = (byte) ((wrongOutput[0] + 1) % 3);
        DevAccounts n0 = MarketFixture.devOf(m.assignee(0));
        DevAccounts n1 = MarketFixture.devOf(m.assignee(1));
        byte[] xt0 = m.signed(n0, result(0, good));
        long nonce1 = m.chain.nonce(account(n1)) + (n0 == n1 ? 1 : 0);
        byte[] xt1 = m.chain.signed(n1.keyPair(), m.chain.call(InferencePallet.INDEX,
                new InferenceCall.SubmitResult(1, wrongOutput, other.proof())), nonce1, BigInteger.ZERO);

        BlockProofBatch.Report report = BlockProofBatch.preverify(m.chain.runtime(), m.chain.bestState(),
                m.chain.bestHash(), m.chain.bestNumber() + 1, List.of(xt0, xt1));
        assertThat(report).isEqualTo(new BlockProofBatch.Report(2, 0, 2, 1, 0));

        List<ApplyOutcome> out = m.chain.block(xt0, xt1);
        assertThat(out).allSatisfy(o -> assertThat(((ApplyOutcome.Applied) o).error()).isEmpty());
        assertThat(m.events()).containsExactly(new InferenceEvent.ResultAccepted(0, account(n0), good.output(), PRICE),
                new InferenceEvent.ResultRejected(1, account(n1)));
    }

    @Test
    void nodesCannotJoinThePoolOfAPublicModelWhichRunsOnChain() {
        MarketFixture m = twoNodes();
        List<ApplyOutcome> out = m.chain.block(m.chain.signed(DevAccounts.DAVE, m.chain.call(PoolsPallet.INDEX,
                new PoolsCall.RegisterNode(List.of(1L), 50, BOND))));
        assertThat(((ApplyOutcome.Applied) out.get(0)).error())
                .contains(io.zklayer.pallets.pools.PoolsError.UNKNOWN_MODEL.error());
    }
}
