package io.zklayer.runtime;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.sudo.SudoCall;
import io.zklayer.pallets.sudo.SudoEvent;
import io.zklayer.pallets.sudo.SudoPallet;
import io.zklayer.pallets.system.SystemCall;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Era;
import io.zklayer.primitives.types.ExtrinsicSigner;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutiveTest {
    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.BOB, UNIT)
            .build();

    private Call transfer(DevAccounts to, BigInteger amount) {
        return chain.call(BalancesPallet.INDEX, new BalancesCall.TransferKeepAlive(MultiAddress.id(account(to)), amount));
    }

    private ApplyOutcome.Rejected rejected(byte[] xt) {
        chain.beginBlock();
        ApplyOutcome out = chain.apply(xt);
        chain.finishBlock();
        assertThat(out).isInstanceOf(ApplyOutcome.Rejected.class);
        return (ApplyOutcome.Rejected) out;
    }

    @Test
    void rejectsABadSignatureAndWritesNothing() {
        byte[] good = chain.signed(DevAccounts.ALICE, transfer(DevAccounts.BOB, UNIT));
        byte[] bad = good.clone();
        // 2-byte length, version, MultiAddress::Id (1 + 32), scheme byte: the signature starts at 37.
        bad[40] ^= 0x01;
        BigInteger before = chain.free(DevAccounts.ALICE);
        ApplyOutcome.Rejected r = rejected(bad);
        assertThat(r.reason()).isEqualTo(TransactionValidity.InvalidTransaction.BAD_PROOF);
        assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(before);
        assertThat(chain.nonce(account(DevAccounts.ALICE))).isZero();
    }

    @Test
    void rejectsAPayloadSignedForAnotherGenesis() {
        ExtrinsicSigner other = new ExtrinsicSigner(ZklayerRuntime.VERSION.specVersion(),
                ZklayerRuntime.VERSION.transactionVersion(), H256.blake2b256Of(new byte[] {1}));
        byte[] xt = other.sign(DevAccounts.ALICE.keyPair(), transfer(DevAccounts.BOB, UNIT), 0, BigInteger.ZERO).encode();
        assertThat(rejected(xt).reason()).isEqualTo(TransactionValidity.InvalidTransaction.BAD_PROOF);
    }

    @Test
    void rejectsStaleAndFutureNoncesInBlocksButQueuesFutureOnesInThePool() {
        chain.block(chain.signed(DevAccounts.ALICE, transfer(DevAccounts.BOB, UNIT)));
        byte[] stale = chain.signed(DevAccounts.ALICE.keyPair(), transfer(DevAccounts.BOB, UNIT), 0, BigInteger.ZERO);
        assertThat(rejected(stale).reason()).isEqualTo(TransactionValidity.InvalidTransaction.STALE);
        byte[] future = chain.signed(DevAccounts.ALICE.keyPair(), transfer(DevAccounts.BOB, UNIT), 5, BigInteger.ZERO);
        assertThat(rejected(future).reason()).isEqualTo(TransactionValidity.InvalidTransaction.FUTURE);

        TransactionValidity v = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), future);
        assertThat(v).isInstanceOf(TransactionValidity.Valid.class);
        TransactionValidity.Valid valid = (TransactionValidity.Valid) v;
        assertThat(valid.requires()).containsExactly(Executive.nonceTag(account(DevAccounts.ALICE), 4));
        assertThat(valid.provides()).containsExactly(Executive.nonceTag(account(DevAccounts.ALICE), 5));
        assertThat(chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), stale))
                .isEqualTo(new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.STALE,
                        "CheckNonce: nonce 0 is below the account nonce 1"));
    }

    @Test
    void validationWritesNothing() {
        byte[] xt = chain.signed(DevAccounts.ALICE, transfer(DevAccounts.BOB, UNIT));
        var state = chain.bestState();
        byte[] root = state.storageRoot();
        assertThat(chain.executive().validate(state, chain.bestHash(), chain.bestNumber(), xt))
                .isInstanceOf(TransactionValidity.Valid.class);
        assertThat(state.storageRoot()).isEqualTo(root);
        assertThat(state.transactionDepth()).isZero();
    }

    @Test
    void rejectsATransactionWhoseSignerCannotPayTheFee() {
        var charlie = DevAccounts.CHARLIE.keyPair();
        byte[] xt = chain.signed(charlie, transfer(DevAccounts.BOB, BigInteger.ONE), 0, BigInteger.ZERO);
        assertThat(rejected(xt).reason()).isEqualTo(TransactionValidity.InvalidTransaction.PAYMENT);
    }

    @Test
    void rejectsUndecodableAndUnsignedNonInherentExtrinsics() {
        assertThat(rejected(new byte[] {0x08, 0x04, 0x7f}).reason()).isEqualTo(TransactionValidity.InvalidTransaction.CALL);
        byte[] unsigned = io.zklayer.primitives.types.UncheckedExtrinsic.unsigned(transfer(DevAccounts.BOB, UNIT)).encode();
        ApplyOutcome.Rejected r = rejected(unsigned);
        assertThat(r.reason()).isEqualTo(TransactionValidity.InvalidTransaction.CALL);
        assertThat(r.detail()).contains("must be signed");
    }

    @Test
    void acceptsAMortalTransactionAndRejectsOneWhoseBirthBlockIsUnknown() {
        chain.block();
        chain.block();
        Era era = Era.mortal(64, chain.bestNumber());
        byte[] ok = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(DevAccounts.BOB, UNIT), 0, BigInteger.ZERO,
                era, chain.bestHash()).encode();
        TransactionValidity v = chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), ok);
        assertThat(v).isInstanceOf(TransactionValidity.Valid.class);
        assertThat(((TransactionValidity.Valid) v).longevity()).isPositive().isLessThanOrEqualTo(64);
        assertThat(chain.block(ok).get(0)).isInstanceOf(ApplyOutcome.Applied.class);

        Era future = Era.mortal(64, chain.bestNumber() + 10);
        byte[] notYet = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(DevAccounts.BOB, UNIT), 1, BigInteger.ZERO,
                future, chain.bestHash()).encode();
        assertThat(rejected(notYet).reason()).isEqualTo(TransactionValidity.InvalidTransaction.ANCIENT_BIRTH_BLOCK);
    }

    @Test
    void aBlockWithoutTheTimestampIsInvalid() {
        BlockExecution b = chain.executive().begin(chain.bestState(), chain.bestHash(), 1, io.zklayer.primitives.types.Digest.EMPTY);
        assertThatThrownBy(() -> chain.executive().finish(b)).isInstanceOf(InvalidBlockException.class)
                .hasMessageContaining("Timestamp must be updated once in the block");
    }

    @Test
    void aSecondTimestampInherentMakesTheBlockInvalid() {
        chain.beginBlock();
        assertThatThrownBy(() -> chain.apply(chain.timestampInherent(1_800_000_000_000L)))
                .isInstanceOf(InvalidBlockException.class).hasMessageContaining("only once");
    }

    @Test
    void sudoDispatchesAsRootAndRefusesOtherSigners() {
        Call set = chain.call(BalancesPallet.INDEX, new BalancesCall.ForceSetBalance(
                MultiAddress.id(account(DevAccounts.DAVE)), UNIT.multiply(BigInteger.valueOf(5))));
        RuntimeCall inner = chain.runtime().decodeCall(set);
        Call sudo = chain.call(SudoPallet.INDEX, new SudoCall.Sudo(inner));
        ApplyOutcome.Applied out = (ApplyOutcome.Applied) chain.block(chain.signed(DevAccounts.ALICE, sudo)).get(0);
        assertThat(out.error()).isEmpty();
        assertThat(chain.free(DevAccounts.DAVE)).isEqualTo(UNIT.multiply(BigInteger.valueOf(5)));
        assertThat(chain.events(SudoEvent.CODEC, SudoPallet.INDEX)).containsExactly(new SudoEvent.Sudid(java.util.Optional.empty()));

        ApplyOutcome.Applied refused = (ApplyOutcome.Applied) chain.block(chain.signed(DevAccounts.BOB, sudo)).get(0);
        assertThat(refused.error()).get().extracting(DispatchError::describe).isEqualTo("Sudo.RequireSudo");
    }

    @Test
    void remarkWithEventEmitsTheHash() {
        byte[] remark = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        chain.block(chain.signed(DevAccounts.BOB, chain.call(SystemPallet.INDEX, new SystemCall.RemarkWithEvent(remark))));
        assertThat(chain.events(SystemEvent.CODEC, SystemPallet.INDEX))
                .contains(new SystemEvent.Remarked(account(DevAccounts.BOB), H256.blake2b256Of(remark)));
    }

    @Test
    void aBlockRefusesNormalExtrinsicsBeyondItsWeightLimit() {
        RuntimeParameters p = RuntimeParameters.defaults();
        RuntimeParameters tight = new RuntimeParameters(p.existentialDeposit(), p.fees(), p.minimumPeriodMillis(),
                new BlockLimits(Weight.ofRefTime(1_000_000_000), 75, 5L << 20, Weight.ofRefTime(125_000_000)));
        TestChain small = TestChain.builder().params(tight).balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.TEN)).build();
        small.beginBlock();
        int applied = 0;
        ApplyOutcome last = null;
        for (int nonce = 0; nonce < 10; nonce++) {
            last = small.apply(small.signed(DevAccounts.ALICE.keyPair(), small.call(BalancesPallet.INDEX,
                    new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.BOB)), UNIT)), nonce, BigInteger.ZERO));
            if (last instanceof ApplyOutcome.Rejected) {
                break;
            }
            applied++;
        }
        small.finishBlock();
        assertThat(applied).isBetween(1, 9);
        assertThat(((ApplyOutcome.Rejected) last).reason()).isEqualTo(TransactionValidity.InvalidTransaction.EXHAUSTS_RESOURCES);
    }

    @Test
    void headersCommitToTheExtrinsicsAndTheState() {
        var h1 = chain.block(chain.signed(DevAccounts.ALICE, transfer(DevAccounts.BOB, UNIT)));
        assertThat(h1).hasSize(1);
        assertThat(chain.bestNumber()).isEqualTo(1);
        List<byte[]> none = List.of();
        assertThat(Executive.extrinsicsRoot(none, chain.executive().layout()).bytes())
                .isEqualTo(io.zklayer.primitives.trie.Trie.EMPTY_ROOT);
    }
}
