package io.zklayer.pallets.inference;

import static io.zklayer.pallets.inference.MarketFixture.node;
import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.models.ModelsStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.PalletId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The digits model end to end in the runtime with real Groth16 proofs: five workloads, two nodes,
 * every balance accounted for. The circuit keys are the shared seeded setup
 * ({@link io.zklayer.pallets.testing.DigitsCircuit}), made once per test JVM.
 */
class DigitsMarketTest {
    static final BigInteger PRICE = UNIT.multiply(BigInteger.valueOf(3));
    static final BigInteger MAX_PRICE = UNIT.multiply(BigInteger.valueOf(4));

    private static TestModels.Prover digits;

    @BeforeAll
    static void setup() {
        long t0 = System.nanoTime();
        digits = TestModels.digits();
        System.out.printf("digits market: circuit keys %d ms (shared setup)%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void fiveDigitsWorkloadsCompleteWithVerifiedProofsAndExactBalances() {
        MarketFixture m = MarketFixture.create(50,
                List.of(digits.genesis(account(DevAccounts.DAVE), "digits", PRICE, 100, Optional.empty())),
                List.of(node(DevAccounts.BOB, 300, 0), node(DevAccounts.CHARLIE, 300, 0)), InferenceParameters.defaults());
        Map<DevAccounts, BigInteger> start = new LinkedHashMap<>();
        for (DevAccounts a : List.of(DevAccounts.ALICE, DevAccounts.BOB, DevAccounts.CHARLIE)) {
            start.put(a, m.free(a));
        }
        BigInteger issuance = m.chain.totalIssuance();
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> xts = new ArrayList<>();
        long nonce = 0;
        for (int i = 0; i < 5; i++) {
            byte[] x = TestModels.digitsSamples().get(100 * i + 3);
            inputs.add(x);
            xts.add(m.chain.signed(DevAccounts.ALICE.keyPair(), m.chain.call(InferencePallet.INDEX,
                    new InferenceCall.SubmitWorkload(0, new WorkloadInput.Inline(x), MAX_PRICE, 3)), nonce++, BigInteger.ZERO));
        }
        List<ApplyOutcome> submitted = m.chain.block(xts.toArray(new byte[0][]));
        BigInteger aliceFees = BigInteger.ZERO;
        for (ApplyOutcome o : submitted) {
            ApplyOutcome.Applied a = (ApplyOutcome.Applied) o;
            assertThat(a.error()).isEmpty();
            aliceFees = aliceFees.add(a.fee());
        }
        assertThat(m.reserved(DevAccounts.ALICE)).isEqualTo(MAX_PRICE.multiply(BigInteger.valueOf(5)));

        m.chain.block(); // all five assigned: 500 units over two nodes of 300
        Map<DevAccounts, BigInteger> nodeFees = new LinkedHashMap<>(Map.of(DevAccounts.BOB, BigInteger.ZERO,
                DevAccounts.CHARLIE, BigInteger.ZERO));
        Map<DevAccounts, Integer> served = new LinkedHashMap<>(Map.of(DevAccounts.BOB, 0, DevAccounts.CHARLIE, 0));
        List<byte[]> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            AccountId32 node = m.assignee(i);
            DevAccounts key = MarketFixture.devOf(node);
            TestModels.Result r = digits.prove(inputs.get(i), 10 + i);
            assertThat(r.output()).isEqualTo(ReferenceExecutor.infer(digits.model(), inputs.get(i)));
            results.add(m.chain.signed(key.keyPair(), m.chain.call(InferencePallet.INDEX,
                    new InferenceCall.SubmitResult(i, r.output(), r.proof())), m.chain.nonce(node) + served.get(key),
                    BigInteger.ZERO));
            served.merge(key, 1, Integer::sum);
        }
        long t1 = System.nanoTime();
        List<ApplyOutcome> outcomes = m.chain.block(results.toArray(new byte[0][]));
        System.out.printf("digits market: 5 proofs %d ms, block verifying them %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        for (int i = 0; i < 5; i++) {
            ApplyOutcome.Applied a = (ApplyOutcome.Applied) outcomes.get(i);
            assertThat(a.error()).as("result %d", i).isEmpty();
        }
        List<InferenceEvent> events = m.events();
        assertThat(events).hasSize(5).allMatch(e -> e instanceof InferenceEvent.ResultAccepted);
        for (int i = 0; i < 5; i++) {
            InferenceEvent.ResultAccepted ok = (InferenceEvent.ResultAccepted) events.get(i);
            assertThat(ok.output()).isEqualTo(ReferenceExecutor.infer(digits.model(), inputs.get(i)));
            assertThat(m.workload(i).status()).isInstanceOf(WorkloadStatus.Completed.class);
            DevAccounts key = MarketFixture.devOf(ok.node());
            nodeFees.merge(key, ((ApplyOutcome.Applied) outcomes.get(i)).fee(), BigInteger::add);
        }
        BigInteger fees = aliceFees;
        assertThat(m.free(DevAccounts.ALICE))
                .isEqualTo(start.get(DevAccounts.ALICE).subtract(aliceFees).subtract(PRICE.multiply(BigInteger.valueOf(5))));
        assertThat(m.reserved(DevAccounts.ALICE)).isZero();
        for (DevAccounts key : List.of(DevAccounts.BOB, DevAccounts.CHARLIE)) {
            assertThat(m.free(key)).as("free of %s", key).isEqualTo(start.get(key).subtract(nodeFees.get(key))
                    .add(PRICE.multiply(BigInteger.valueOf(served.get(key)))));
            fees = fees.add(nodeFees.get(key));
        }
        assertThat(m.chain.totalIssuance()).as("only the fees are burned").isEqualTo(issuance.subtract(fees));
        assertThat(m.chain.accountInfo(PalletId.TREASURY.account()).data().total()).isZero();
        assertThat(m.usage(0)).isEqualTo(new ModelsStorage.UsageStats(5, 1, 1, Optional.of(3L)));
    }
}
