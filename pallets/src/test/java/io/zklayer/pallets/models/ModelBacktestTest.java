package io.zklayer.pallets.models;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.testing.DigitsCircuit;
import io.zklayer.pallets.verifier.BlockProofBatch;
import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.VerifierPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.TransactionValidity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verified backtesting of the digits model with real Groth16 proofs: six labelled samples of the data set,
 * five the model classifies right and one it gets wrong, proved once for the class (the seeded setup is the
 * shared {@link DigitsCircuit}, made once per test JVM; each proof takes about a second).
 */
class ModelBacktestTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private static EncodedVerifyingKey key;
    private static List<BacktestCase> cases;
    private static int wrongIndex;

    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(100)))
            .build();

    @BeforeAll
    static void proveSixCases() {
        long t0 = System.nanoTime();
        key = EncodedVerifyingKey.of(DigitsFixture.keys().verifyingKey());
        long t1 = System.nanoTime();
        List<DigitsCircuit.Sample> right = new ArrayList<>();
        DigitsCircuit.Sample wrong = null;
        for (DigitsCircuit.Sample s : DigitsFixture.samples()) {
            boolean correct = DigitsFixture.predict(s.pixels()) == s.label();
            if (correct && right.size() < 5) {
                right.add(s);
            } else if (!correct && wrong == null) {
                wrong = s;
            }
            if (right.size() == 5 && wrong != null) {
                break;
            }
        }
        List<DigitsCircuit.Sample> chosen = new ArrayList<>(right);
        wrongIndex = 3;
        chosen.add(wrongIndex, wrong);
        cases = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            DigitsCircuit.Sample s = chosen.get(i);
            cases.add(new BacktestCase(s.label(), DigitsFixture.inputCommitment(s.pixels()),
                    DigitsFixture.classBytes(DigitsFixture.predict(s.pixels())), DigitsFixture.prove(s.pixels(), i)));
        }
        System.out.printf("digits backtest fixture: keys %d ms (shared setup), 6 proofs %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    private void registerDigits() {
        ApplyOutcome.Applied out = run(DevAccounts.ALICE, DigitsFixture.registration("digits", key, UNIT));
        assertThat(out.error()).isEmpty();
    }

    private ApplyOutcome.Applied run(DevAccounts who, ModelsCall call) {
        return (ApplyOutcome.Applied) chain.block(chain.signed(who, chain.call(ModelsPallet.INDEX, call))).get(0);
    }

    private VerifierPallet verifier() {
        return chain.runtime().pallet(VerifierPallet.class);
    }

    @Test
    void aBacktestRecordsTheProvenAccuracyOfTheDigitsModelAndEachInputCountsOnce() {
        registerDigits();
        byte[] xt = chain.signed(DevAccounts.ALICE, chain.call(ModelsPallet.INDEX, new ModelsCall.SubmitBacktest(0, cases)));
        // Import: the block's six proofs are verified as one batch before it executes.
        BlockProofBatch.Report report = BlockProofBatch.preverify(chain.runtime(), chain.bestState(), chain.bestHash(),
                chain.bestNumber() + 1, List.of(xt));
        assertThat(report).isEqualTo(new BlockProofBatch.Report(6, 0, 6, 6, 0));
        long misses = verifier().preparedKeys().misses();

        ApplyOutcome.Applied out = (ApplyOutcome.Applied) chain.block(xt).get(0);

        assertThat(out.error()).isEmpty();
        assertThat(verifier().preparedKeys().misses()).isEqualTo(misses);
        assertThat(chain.events(ModelsEvent.CODEC, ModelsPallet.INDEX))
                .containsExactly(new ModelsEvent.BacktestRecorded(0, ALICE, 6, 5, 5, 6));
        ModelsStorage.Accuracy accuracy = ModelsStorage.ACCURACY.get(chain.bestState(), 0L);
        assertThat(accuracy).isEqualTo(new ModelsStorage.Accuracy(5, 6));
        assertThat(accuracy.partsPerMillion()).isEqualTo(833_333);
        for (int i = 0; i < cases.size(); i++) {
            BacktestCase c = cases.get(i);
            ModelsStorage.BacktestRecord r = ModelsStorage.BACKTESTS.get(chain.bestState(), 0L, c.inputCommitment());
            assertThat(r.label()).isEqualTo(c.label());
            assertThat(r.predicted()).isEqualTo(c.output()[0]);
            assertThat(r.correct()).as("case %d", i).isEqualTo(i != wrongIndex);
            assertThat(r.submitter()).isEqualTo(ALICE);
        }

        BigInteger bob = chain.free(DevAccounts.BOB);
        ApplyOutcome.Applied again = run(DevAccounts.BOB, new ModelsCall.SubmitBacktest(0, List.of(cases.get(0))));
        assertThat(again.error()).contains(ModelsError.DUPLICATE_CASE.error());
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(again.fee()));
        assertThat(ModelsStorage.ACCURACY.get(chain.bestState(), 0L)).isEqualTo(new ModelsStorage.Accuracy(5, 6));
    }

    @Test
    void aBadProofAnUnknownModelOrABadCaseIsRefusedByThePoolAndFailsChangingNothingButTheFee() {
        registerDigits();
        BacktestCase good = cases.get(0);
        byte[] flipped = good.proof();
        flipped[100] ^= 0x10; // B's coordinates no longer a point of G2
        long otherClass = (good.output()[0] + 1) % 10;
        List<BacktestCase> seventeen = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            seventeen.add(new BacktestCase(1, io.zklayer.zk.field.Fr.of(i), DigitsFixture.classBytes(1), good.proof()));
        }
        List<Object[]> bad = List.of(
                new Object[] {0L, List.of(new BacktestCase(good.label(), good.inputCommitment(),
                        DigitsFixture.classBytes(otherClass), good.proof())), ModelsError.INVALID_PROOF},
                new Object[] {0L, List.of(new BacktestCase(good.label(), good.inputCommitment(), good.output(), flipped)),
                        ModelsError.INVALID_PROOF},
                new Object[] {0L, List.of(new BacktestCase(good.label(), good.inputCommitment(), good.output(),
                        cases.get(1).proof())), ModelsError.INVALID_PROOF},
                new Object[] {0L, List.of(cases.get(1), new BacktestCase(good.label(), cases.get(2).inputCommitment(),
                        good.output(), good.proof())), ModelsError.INVALID_PROOF},
                new Object[] {5L, List.of(good), ModelsError.UNKNOWN_MODEL},
                new Object[] {0L, List.of(new BacktestCase(10, good.inputCommitment(), good.output(), good.proof())),
                        ModelsError.INVALID_LABEL},
                new Object[] {0L, List.of(new BacktestCase(good.label(), good.inputCommitment(), DigitsFixture.classBytes(10),
                        good.proof())), ModelsError.MALFORMED_OUTPUT},
                new Object[] {0L, List.of(good, good), ModelsError.DUPLICATE_CASE},
                new Object[] {0L, List.of(), ModelsError.NO_CASES},
                new Object[] {0L, seventeen, ModelsError.TOO_MANY_CASES});
        for (Object[] c : bad) {
            @SuppressWarnings("unchecked")
            ModelsCall call = new ModelsCall.SubmitBacktest((Long) c[0], (List<BacktestCase>) c[1]);
            DispatchError expected = ((ModelsError) c[2]).error();
            byte[] xt = chain.signed(DevAccounts.ALICE, chain.call(ModelsPallet.INDEX, call));
            TransactionValidity pool = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
            assertThat(pool).as(expected.describe()).isEqualTo(new TransactionValidity.Invalid(
                    TransactionValidity.InvalidTransaction.CALL, expected.describe()));

            BigInteger free = chain.free(DevAccounts.ALICE);
            BigInteger issuance = chain.totalIssuance();
            ApplyOutcome.Applied out = (ApplyOutcome.Applied) chain.block(xt).get(0);
            assertThat(out.error()).as(expected.describe()).contains(expected);
            assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free.subtract(out.fee()));
            assertThat(chain.totalIssuance()).isEqualTo(issuance.subtract(out.fee()));
            assertThat(chain.events(ModelsEvent.CODEC, ModelsPallet.INDEX)).isEmpty();
        }
        assertThat(ModelsStorage.ACCURACY.get(chain.bestState(), 0L)).isEqualTo(ModelsStorage.Accuracy.NONE);
        assertThat(ModelsStorage.BACKTESTS.entriesOf(chain.bestState(), 0L)).isEmpty();
    }

    @Test
    void aDeprecatedModelTakesNoBacktest() {
        registerDigits();
        assertThat(run(DevAccounts.ALICE, new ModelsCall.Deprecate(0)).error()).isEmpty();
        ApplyOutcome.Applied out = run(DevAccounts.ALICE, new ModelsCall.SubmitBacktest(0, List.of(cases.get(0))));
        assertThat(out.error()).contains(ModelsError.MODEL_DEPRECATED.error());
    }
}
