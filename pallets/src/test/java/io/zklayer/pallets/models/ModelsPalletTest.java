package io.zklayer.pallets.models;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.pallets.verifier.VerifierError;
import io.zklayer.pallets.verifier.VerifierStorage;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.BlockExecution;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchException;
import io.zklayer.runtime.PalletId;
import io.zklayer.runtime.RuntimeContext;
import io.zklayer.runtime.TestChain;
import io.zklayer.runtime.TransactionValidity;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelsPalletTest {
    private static final AccountId32 ALICE = account(DevAccounts.ALICE);
    private static final AccountId32 BOB = account(DevAccounts.BOB);
    private static final BigInteger FEE = ModelsParameters.defaults().registrationFee();
    private static final BigInteger PRICE = UNIT.divide(BigInteger.TEN);
    private static final EncodedVerifyingKey KEY = TestKeys.random(3, 1);

    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.BOB, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.CHARLIE, UNIT)
            .build();

    private ModelsPallet models() {
        return chain.runtime().pallet(ModelsPallet.class);
    }

    private ApplyOutcome.Applied run(DevAccounts who, ModelsCall call) {
        ApplyOutcome out = chain.block(chain.signed(who, chain.call(ModelsPallet.INDEX, call))).get(0);
        assertThat(out).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out;
    }

    /** Returns a read-only view of the best state for the pallet's lookups. */
    private RuntimeContext best() {
        return new RuntimeContext(chain.bestState(), chain.bestNumber(), chain.bestHash(), (c, p, i, e) -> { });
    }

    private static ModelsCall.RegisterModel digits(String name) {
        return DigitsFixture.registration(name, KEY, PRICE);
    }

    @Test
    void registrationPaysExactlyTheFeeToTheTreasuryAndStoresEverythingTheMarketReads() {
        BigInteger free = chain.free(DevAccounts.ALICE);
        BigInteger issuance = chain.totalIssuance();
        AccountId32 treasury = PalletId.TREASURY.account();
        ModelsCall.RegisterModel r = digits("digits");

        ApplyOutcome.Applied out = run(DevAccounts.ALICE, r);

        assertThat(out.error()).isEmpty();
        assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free.subtract(FEE).subtract(out.fee()));
        assertThat(chain.accountInfo(treasury).data().free()).isEqualTo(FEE);
        assertThat(chain.totalIssuance()).isEqualTo(issuance.subtract(out.fee()));
        assertThat(chain.events(ModelsEvent.CODEC, ModelsPallet.INDEX)).containsExactly(
                new ModelsEvent.ModelRegistered(0, ALICE, "digits", 1, KEY.keyId(), FEE));
        ModelInfo info = models().model(best(), 0).orElseThrow();
        assertThat(info.owner()).isEqualTo(ALICE);
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.io().inputLength()).isEqualTo(64);
        assertThat(info.io().outputLength()).isEqualTo(4);
        assertThat(info.weightCommitment()).isEqualTo(DigitsFixture.weightCommitment());
        assertThat(info.keyId()).isEqualTo(KEY.keyId());
        assertThat(info.pricePerInference()).isEqualTo(PRICE);
        assertThat(info.computeUnits()).isEqualTo(100);
        assertThat(info.registeredAt()).isEqualTo(1);
        assertThat(info.active()).isTrue();
        assertThat(models().wasmCode(best(), 0)).hasValueSatisfying(code ->
                assertThat(code).isEqualTo(r.wasmCode().orElseThrow()));
        assertThat(info.codeHash()).contains(io.zklayer.primitives.types.H256.blake2b256Of(r.wasmCode().orElseThrow()));
        assertThat(models().modelId(best(), "digits", Optional.empty())).contains(0L);
        VerifierStorage.KeyInfo key = VerifierStorage.KEYS.get(chain.bestState(), KEY.keyId());
        assertThat(key.consumers()).isEqualTo(1);
        assertThat(key.deposit()).isZero();
        assertThat(chain.accountInfo(ALICE).data().reserved()).isZero();
    }

    @Test
    void theOwnersNextRegistrationOfANameIsANewVersionWithANewIdAndNoOtherAccountMayUseTheName() {
        run(DevAccounts.ALICE, digits("digits"));
        ApplyOutcome.Applied v2 = run(DevAccounts.ALICE, digits("digits"));
        assertThat(v2.error()).isEmpty();
        assertThat(chain.events(ModelsEvent.CODEC, ModelsPallet.INDEX)).containsExactly(
                new ModelsEvent.ModelRegistered(1, ALICE, "digits", 2, KEY.keyId(), FEE));
        assertThat(models().modelId(best(), "digits", Optional.empty())).contains(1L);
        assertThat(models().modelId(best(), "digits", Optional.of(1L))).contains(0L);
        assertThat(models().modelId(best(), "digits", Optional.of(2L))).contains(1L);
        assertThat(VerifierStorage.KEYS.get(chain.bestState(), KEY.keyId()).consumers()).isEqualTo(2);

        BigInteger bob = chain.free(DevAccounts.BOB);
        ApplyOutcome.Applied taken = run(DevAccounts.BOB, digits("digits"));
        assertThat(taken.error()).contains(ModelsError.NAME_TAKEN.error());
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(taken.fee()));
        assertThat(ModelsStorage.NEXT_MODEL_ID.get(chain.bestState())).isEqualTo(2);

        ApplyOutcome.Applied own = run(DevAccounts.BOB, digits("digits-bob"));
        assertThat(own.error()).isEmpty();
        assertThat(models().model(best(), 2).orElseThrow().owner()).isEqualTo(BOB);
    }

    @Test
    void onlyTheOwnerDeprecatesAModelAndOnlyOnce() {
        run(DevAccounts.ALICE, digits("digits"));
        ApplyOutcome.Applied byBob = run(DevAccounts.BOB, new ModelsCall.Deprecate(0));
        assertThat(byBob.error()).contains(ModelsError.NOT_OWNER.error());
        assertThat(models().model(best(), 0).orElseThrow().active()).isTrue();

        ApplyOutcome.Applied ok = run(DevAccounts.ALICE, new ModelsCall.Deprecate(0));
        assertThat(ok.error()).isEmpty();
        assertThat(chain.events(ModelsEvent.CODEC, ModelsPallet.INDEX)).containsExactly(new ModelsEvent.ModelDeprecated(0, ALICE));
        ModelInfo info = models().model(best(), 0).orElseThrow();
        assertThat(info.active()).isFalse();
        assertThat(info.deprecatedAt()).contains(chain.bestNumber());

        assertThat(run(DevAccounts.ALICE, new ModelsCall.Deprecate(0)).error()).contains(ModelsError.MODEL_DEPRECATED.error());
        assertThat(run(DevAccounts.ALICE, new ModelsCall.Deprecate(7)).error()).contains(ModelsError.UNKNOWN_MODEL.error());
    }

    @Test
    void aRegistrationBreakingARuleIsRefusedByThePoolAndFailsChargingOnlyTheTransactionFee() {
        ModelsCall.RegisterModel good = digits("digits");
        ModelIo argmax = good.io();
        byte[] junkWasm = {0, 'a', 's', 'm', 1, 0, 0, 0, 5};
        EncodedVerifyingKey fourSignals = TestKeys.random(4, 2);
        byte[] gammaless = KEY.bytes();
        java.util.Arrays.fill(gammaless, 192, 320, (byte) 0);
        List<Object[]> cases = List.of(
                new Object[] {withName(good, "Digits!"), ModelsError.INVALID_NAME.error()},
                new Object[] {withName(good, ""), ModelsError.INVALID_NAME.error()},
                new Object[] {withName(good, "x".repeat(65)), ModelsError.INVALID_NAME.error()},
                new Object[] {new ModelsCall.RegisterModel("digits", "d".repeat(1025), argmax, good.circuit(),
                        Optional.empty(), good.pricing()), ModelsError.DESCRIPTION_TOO_LONG.error()},
                new Object[] {new ModelsCall.RegisterModel("digits", "", argmax, good.circuit(), Optional.empty(),
                        new ModelPricing(PRICE, 0)), ModelsError.ZERO_COMPUTE_UNITS.error()},
                new Object[] {new ModelsCall.RegisterModel("digits", "", argmax,
                        new ModelCircuitSpec(Fr.ONE, fourSignals), Optional.empty(), good.pricing()),
                        ModelsError.KEY_SIGNAL_MISMATCH.error()},
                new Object[] {new ModelsCall.RegisterModel("digits", "", argmax, good.circuit(), Optional.of(junkWasm),
                        good.pricing()), ModelsError.INVALID_WASM_CODE.error()},
                new Object[] {new ModelsCall.RegisterModel("digits", "", argmax,
                        new ModelCircuitSpec(Fr.ONE, EncodedVerifyingKey.CODEC.decode(gammaless)), Optional.empty(),
                        good.pricing()), VerifierError.MALFORMED_KEY.error()});
        for (Object[] c : cases) {
            ModelsCall.RegisterModel r = (ModelsCall.RegisterModel) c[0];
            DispatchError expected = (DispatchError) c[1];
            byte[] xt = chain.signed(DevAccounts.ALICE, chain.call(ModelsPallet.INDEX, r));
            TransactionValidity pool = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
            assertThat(pool).as(expected.describe()).isInstanceOf(TransactionValidity.Invalid.class);
            assertThat(((TransactionValidity.Invalid) pool).detail()).isEqualTo(expected.describe());

            BigInteger free = chain.free(DevAccounts.ALICE);
            ApplyOutcome.Applied out = (ApplyOutcome.Applied) chain.block(xt).get(0);
            assertThat(out.error()).as(expected.describe()).contains(expected);
            assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(free.subtract(out.fee()));
        }
        assertThat(ModelsStorage.NEXT_MODEL_ID.get(chain.bestState())).isZero();
        assertThat(ModelsStorage.NAMES.getOptional(chain.bestState(), "digits")).isEmpty();
    }

    private static ModelsCall.RegisterModel withName(ModelsCall.RegisterModel r, String name) {
        return new ModelsCall.RegisterModel(name, r.description(), r.io(), r.circuit(), r.wasmCode(), r.pricing());
    }

    @Test
    void aRegistrationTheSignerCannotPayFailsWithoutAModel() {
        BigInteger charlie = chain.free(DevAccounts.CHARLIE);
        ApplyOutcome.Applied out = run(DevAccounts.CHARLIE, digits("digits"));
        assertThat(out.error()).contains(new DispatchError.Token(DispatchError.TokenError.FUNDS_UNAVAILABLE));
        assertThat(chain.free(DevAccounts.CHARLIE)).isEqualTo(charlie.subtract(out.fee()));
        assertThat(VerifierStorage.KEYS.contains(chain.bestState(), KEY.keyId())).isFalse();
    }

    @Test
    void usageCountsInferencesDistinctAndRepeatUsersAndTheLastBlock() {
        run(DevAccounts.ALICE, digits("digits"));
        BlockExecution block = chain.beginBlock();
        RuntimeContext ctx = block.context();
        models().recordInference(ctx, 0, BOB);
        models().recordInference(ctx, 0, account(DevAccounts.CHARLIE));
        models().recordInference(ctx, 0, BOB);
        models().recordInference(ctx, 0, BOB);
        assertThatThrownBy(() -> models().recordInference(ctx, 9, BOB))
                .isInstanceOfSatisfying(DispatchException.class,
                        e -> assertThat(e.error()).isEqualTo(ModelsError.UNKNOWN_MODEL.error()));
        chain.finishBlock();

        assertThat(models().usage(best(), 0)).isEqualTo(
                new ModelsStorage.UsageStats(4, 2, 1, Optional.of(chain.bestNumber())));
        assertThat(ModelsStorage.USER_INFERENCES.get(chain.bestState(), 0L, BOB)).isEqualTo(3);
        assertThat(models().usage(best(), 1)).isEqualTo(ModelsStorage.UsageStats.NONE);
    }

    @Test
    void ioFormatsGiveTheirOutputLengthsSignalCountsAndPredictedClasses() {
        InputSpec in = new InputSpec(List.of(4), -8, 8);
        ModelIo logits = new ModelIo(in, new OutputSpec.Logits(), 3);
        assertThat(logits.outputLength()).isEqualTo(12);
        assertThat(logits.outputSignalCount()).isEqualTo(3);
        assertThat(logits.predictedClass(new byte[] {1, 0, 0, 0, 9, 0, 0, 0, 9, 0, 0, 0})).isEqualTo(1);
        assertThat(logits.predictedClass(new byte[] {(byte) 0xfe, -1, -1, -1, (byte) 0xfd, -1, -1, -1, 0, 0, 0, (byte) 0x80}))
                .isEqualTo(0);
        ModelIo threshold = new ModelIo(in, new OutputSpec.Threshold(2, 5), 3);
        assertThat(threshold.predictedClass(new byte[] {1})).isEqualTo(1);
        assertThat(threshold.predictedClass(new byte[] {2})).isEqualTo(-1);
        assertThat(threshold.classCount()).isEqualTo(2);
        ModelIo argmax = new ModelIo(in, new OutputSpec.ArgMax(), 10);
        assertThat(argmax.predictedClass(DigitsFixture.classBytes(9))).isEqualTo(9);
        assertThat(argmax.predictedClass(DigitsFixture.classBytes(10))).isEqualTo(-1);
        assertThat(argmax.predictedClass(new byte[] {1, 0, 0})).isEqualTo(-1);
        assertThatThrownBy(() -> new ModelIo(in, new OutputSpec.Threshold(3, 0), 3))
                .hasMessageContaining("threshold index 3 is not below output_values 3");
        assertThat(ModelIo.CODEC.decode(ModelIo.CODEC.encode(threshold))).isEqualTo(threshold);
        ModelIo digitsIo = digits("digits").io();
        assertThat(io.zklayer.primitives.Hex.encodeNoPrefix(ModelIo.CODEC.encode(digitsIo)))
                .isEqualTo("080800000008000000000000001000000001" + "0a000000");
    }
}
