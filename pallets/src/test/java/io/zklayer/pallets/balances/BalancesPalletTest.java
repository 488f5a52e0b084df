package io.zklayer.pallets.balances;

import static io.zklayer.runtime.TestChain.UNIT;
import static io.zklayer.runtime.TestChain.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.crypto.DevAccounts;
import io.zklayer.primitives.types.MultiAddress;
import io.zklayer.runtime.ApplyOutcome;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.TestChain;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancesPalletTest {
    private static final BigInteger ED = UNIT.divide(BigInteger.valueOf(1000));

    private final TestChain chain = TestChain.builder()
            .balance(DevAccounts.ALICE, UNIT.multiply(BigInteger.valueOf(100)))
            .balance(DevAccounts.BOB, UNIT)
            .build();

    private static MultiAddress to(DevAccounts who) {
        return MultiAddress.id(account(who));
    }

    private ApplyOutcome.Applied run(DevAccounts who, BalancesCall call) {
        List<ApplyOutcome> out = chain.block(chain.signed(who, chain.call(BalancesPallet.INDEX, call)));
        assertThat(out.get(0)).isInstanceOf(ApplyOutcome.Applied.class);
        return (ApplyOutcome.Applied) out.get(0);
    }

    @Test
    void transferMovesTheAmountAndBurnsTheFee() {
        BigInteger alice = chain.free(DevAccounts.ALICE);
        BigInteger bob = chain.free(DevAccounts.BOB);
        BigInteger issuance = chain.totalIssuance();
        BigInteger amount = UNIT.multiply(BigInteger.valueOf(7));

        ApplyOutcome.Applied out = run(DevAccounts.ALICE, new BalancesCall.TransferAllowDeath(to(DevAccounts.BOB), amount));

        assertThat(out.error()).isEmpty();
        assertThat(out.fee()).isPositive();
        assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(alice.subtract(amount).subtract(out.fee()));
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.add(amount));
        assertThat(chain.totalIssuance()).isEqualTo(issuance.subtract(out.fee()));
        assertThat(chain.nonce(account(DevAccounts.ALICE))).isEqualTo(1);
        assertThat(chain.eventNames()).containsExactly("System.ExtrinsicSuccess", // the timestamp inherent
                "Balances.Withdraw", "TransactionPayment.TransactionFeePaid", "Balances.Transfer", "System.ExtrinsicSuccess");
        assertThat(chain.events(BalancesEvent.CODEC, BalancesPallet.INDEX)).contains(
                new BalancesEvent.Transfer(account(DevAccounts.ALICE), account(DevAccounts.BOB), amount));
    }

    @Test
    void transferCreatingAnAccountBelowTheExistentialDepositFailsAndKeepsOnlyTheFee() {
        BigInteger alice = chain.free(DevAccounts.ALICE);
        ApplyOutcome.Applied out = run(DevAccounts.ALICE,
                new BalancesCall.TransferAllowDeath(to(DevAccounts.CHARLIE), ED.subtract(BigInteger.ONE)));
        assertThat(out.error()).contains(new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM));
        assertThat(chain.free(DevAccounts.ALICE)).isEqualTo(alice.subtract(out.fee()));
        assertThat(chain.accountInfo(account(DevAccounts.CHARLIE)).providers()).isZero();
        assertThat(chain.nonce(account(DevAccounts.ALICE))).isEqualTo(1);
        assertThat(chain.eventNames()).containsExactly("System.ExtrinsicSuccess",
                "Balances.Withdraw", "TransactionPayment.TransactionFeePaid", "System.ExtrinsicFailed");
    }

    @Test
    void transferOfMoreThanTheBalanceFailsWithFundsUnavailable() {
        ApplyOutcome.Applied out = run(DevAccounts.BOB,
                new BalancesCall.TransferAllowDeath(to(DevAccounts.ALICE), UNIT.multiply(BigInteger.TWO)));
        assertThat(out.error()).contains(new DispatchError.Token(DispatchError.TokenError.FUNDS_UNAVAILABLE));
    }

    @Test
    void keepAliveRefusesToReapTheSender() {
        BigInteger bob = chain.free(DevAccounts.BOB);
        // Bob keeps 0.002 units, less the fee of about 0.0012: below the existential deposit of 0.001.
        BigInteger amount = bob.subtract(ED.multiply(BigInteger.TWO));
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new BalancesCall.TransferKeepAlive(to(DevAccounts.ALICE), amount));
        assertThat(out.fee()).isGreaterThan(ED).isLessThan(ED.multiply(BigInteger.TWO));
        assertThat(out.error()).contains(new DispatchError.Token(DispatchError.TokenError.NOT_EXPENDABLE));
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(bob.subtract(out.fee()));
    }

    @Test
    void allowDeathReapsTheSenderAndReportsTheDust() {
        BigInteger amount = chain.free(DevAccounts.BOB).subtract(ED.multiply(BigInteger.TWO));
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new BalancesCall.TransferAllowDeath(to(DevAccounts.ALICE), amount));
        assertThat(out.error()).isEmpty();
        assertThat(chain.accountInfo(account(DevAccounts.BOB)).providers()).isZero();
        assertThat(chain.free(DevAccounts.BOB)).isZero();
        assertThat(chain.eventNames()).contains("Balances.DustLost", "System.KilledAccount");
    }

    @Test
    void forceSetBalanceNeedsRoot() {
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new BalancesCall.ForceSetBalance(to(DevAccounts.BOB), UNIT));
        assertThat(out.error()).contains(new DispatchError.BadOrigin());
    }

    @Test
    void transferAllEmptiesTheAccountOrKeepsTheExistentialDeposit() {
        ApplyOutcome.Applied out = run(DevAccounts.BOB, new BalancesCall.TransferAll(to(DevAccounts.ALICE), true));
        assertThat(out.error()).isEmpty();
        assertThat(chain.free(DevAccounts.BOB)).isEqualTo(ED);
    }

    @Test
    void reservesLocksAndSlashesKeepTheBooksBalanced() {
        var balances = chain.runtime().pallet(BalancesPallet.class);
        var state = chain.bestState();
        var ctx = new io.zklayer.runtime.RuntimeContext(state, 1, chain.bestHash(), chain.runtime().pallet(SystemPallet.class));
        byte[] bond = "zkpools ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var alice = account(DevAccounts.ALICE);
        BigInteger free = balances.free(ctx, alice);
        BigInteger issuance = BalancesStorage.TOTAL_ISSUANCE.get(state);

        balances.reserveNamed(ctx, bond, alice, UNIT.multiply(BigInteger.TEN));
        assertThat(balances.free(ctx, alice)).isEqualTo(free.subtract(UNIT.multiply(BigInteger.TEN)));
        assertThat(balances.reservedNamed(ctx, bond, alice)).isEqualTo(UNIT.multiply(BigInteger.TEN));
        assertThat(chain.runtime().pallet(SystemPallet.class).account(state, alice).consumers()).isEqualTo(1);

        assertThat(balances.slashReservedNamed(ctx, bond, alice, UNIT)).isEqualTo(UNIT);
        assertThat(BalancesStorage.TOTAL_ISSUANCE.get(state)).isEqualTo(issuance.subtract(UNIT));
        assertThat(balances.repatriateReservedNamed(ctx, bond, alice, account(DevAccounts.BOB), UNIT)).isEqualTo(UNIT);
        assertThat(balances.unreserveNamed(ctx, bond, alice, UNIT.multiply(BigInteger.valueOf(100))))
                .as("unreserve returns only what was held").isEqualTo(UNIT.multiply(BigInteger.valueOf(8)));
        assertThat(chain.runtime().pallet(SystemPallet.class).account(state, alice).consumers()).isZero();

        balances.setLock(ctx, bond, alice, UNIT.multiply(BigInteger.valueOf(50)));
        assertThat(chain.runtime().pallet(SystemPallet.class).account(state, alice).data().frozen())
                .isEqualTo(UNIT.multiply(BigInteger.valueOf(50)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> balances.transfer(ctx, alice, account(DevAccounts.BOB),
                balances.free(ctx, alice).subtract(UNIT.multiply(BigInteger.valueOf(49))), false))
                .isInstanceOf(io.zklayer.runtime.DispatchException.class).hasMessageContaining("FROZEN");
        balances.removeLock(ctx, bond, alice);
        assertThat(chain.runtime().pallet(SystemPallet.class).account(state, alice).data().frozen()).isZero();
    }
}
