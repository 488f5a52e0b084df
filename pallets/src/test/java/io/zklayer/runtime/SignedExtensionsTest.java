package io.zklayer.runtime;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.balances.BalancesCall;
import io.zklayer.pallets.balances.BalancesPallet;
import io.zklayer.pallets.system.SystemCall;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Call;
import io.zklayer.primitives.types.Era;
import io.zklayer.primitives.types.ExtrinsicSignature;
import io.zklayer.primitives.types.H256;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.primitives.types.MultiSignature;
import io.zklayer.primitives.types.SignedExtra;
import io.zklayer.primitives.types.UncheckedExtrinsic;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The signed extensions the metadata announces, each shown to be enforced. */
class SignedExtensionsTest {
    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(1000)))
            .build();

    private Call transfer() {
        return chain.call(BalancesPallet.INDEX, new BalancesCall.TransferKeepAlive(MultiAddress.id(account(DevAccounts.BOB)), UNIT));
    }

    private ApplyOutcome applyInNextBlock(byte[] xt) {
        chain.beginBlock();
        ApplyOutcome out = chain.apply(xt);
        chain.finishBlock();
        return out;
    }

    private TransactionValidity validate(byte[] xt) {
        return chain.executive().validate(chain.bestState(), chain.bestHash(), chain.bestNumber(), xt);
    }

    @Test
    void checkNonZeroSenderRefusesTheZeroAccountBeforeLookingAtTheSignature() {
        ExtrinsicSignature zero = new ExtrinsicSignature(MultiAddress.id(AccountId32.of(new byte[32])),
                MultiSignature.ed25519(new byte[64]), new SignedExtra(Era.IMMORTAL, 0, BigInteger.ZERO));
        byte[] xt = UncheckedExtrinsic.signed(zero, transfer()).encode();
        TransactionValidity v = validate(xt);
        assertThat(v).isEqualTo(new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.BAD_SIGNER,
                "CheckNonZeroSender: the zero account cannot sign"));
        assertThat(applyInNextBlock(xt)).isInstanceOf(ApplyOutcome.Rejected.class);
    }

    @Test
    void anImmortalTransactionSignsTheGenesisHashAndNoOtherBlock() {
        byte[] good = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(), 0, BigInteger.ZERO).encode();
        chain.block();
        chain.block();
        assertThat(validate(good)).isInstanceOf(TransactionValidity.Valid.class);
        assertThat(((TransactionValidity.Valid) validate(good)).longevity()).isEqualTo(Long.MAX_VALUE);
        byte[] wrongBirth = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(), 0, BigInteger.ZERO,
                Era.IMMORTAL, chain.bestHash()).encode();
        assertThat(((TransactionValidity.Invalid) validate(wrongBirth)).reason())
                .isEqualTo(TransactionValidity.InvalidTransaction.BAD_PROOF);
        assertThat(applyInNextBlock(good)).isInstanceOf(ApplyOutcome.Applied.class);
    }

    @Test
    void aMortalTransactionIsValidWithinItsPeriodAndRefusedAfterIt() {
        chain.block();
        long birth = chain.bestNumber();
        H256 birthHash = chain.bestHash();
        Era era = Era.mortal(4, birth);
        byte[] first = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(), 0, BigInteger.ZERO, era, birthHash).encode();
        byte[] second = chain.signer().sign(DevAccounts.ALICE.keyPair(), transfer(), 1, BigInteger.ZERO, era, birthHash).encode();
        assertThat(((TransactionValidity.Valid) validate(first)).longevity()).isEqualTo(birth + 4 - (birth + 1));
        assertThat(applyInNextBlock(first)).isInstanceOf(ApplyOutcome.Applied.class);
        while (chain.bestNumber() + 1 < birth + 4) {
            chain.block();
        }
        // at the era's death the era points at the next period's birth block, whose hash is not known yet …
        assertThat(chain.bestNumber() + 1).isEqualTo(birth + 4);
        assertThat(((TransactionValidity.Invalid) validate(second)).reason())
                .isEqualTo(TransactionValidity.InvalidTransaction.ANCIENT_BIRTH_BLOCK);
        assertThat(applyInNextBlock(second)).isInstanceOf(ApplyOutcome.Rejected.class);
        // … and once it is, it is another block than the one signed
        assertThat(validate(second)).isEqualTo(new TransactionValidity.Invalid(TransactionValidity.InvalidTransaction.BAD_PROOF,
                "the signature does not verify (wrong key, genesis hash, spec/transaction version or era)"));
    }

    @Test
    void checkWeightRefusesNormalExtrinsicsBeyondTheBlockLengthLimit() {
        RuntimeParameters p = RuntimeParameters.defaults();
        BlockLimits limits = new BlockLimits(p.limits().maxWeight(), 75, 1000, p.limits().baseExtrinsicWeight());
        TestChain small = TestChain.builder().params(new RuntimeParameters(p.existentialDeposit(), p.fees(),
                p.minimumPeriodMillis(), limits)).balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(1000))).build();
        byte[] fits = small.signed(DevAccounts.ALICE, small.call(SystemPallet.INDEX, new SystemCall.Remark(new byte[600])));
        byte[] tooLong = small.signed(DevAccounts.ALICE.keyPair(), small.call(SystemPallet.INDEX,
                new SystemCall.Remark(new byte[800])), 0, BigInteger.ZERO);
        TransactionValidity v = small.executive().validate(small.bestState(), small.bestHash(), small.bestNumber(), tooLong);
        assertThat(((TransactionValidity.Invalid) v).reason()).isEqualTo(TransactionValidity.InvalidTransaction.EXHAUSTS_RESOURCES);
        assertThat(small.block(fits).get(0)).isInstanceOf(ApplyOutcome.Applied.class);
    }
}
