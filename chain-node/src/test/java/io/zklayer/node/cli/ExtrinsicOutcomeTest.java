package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.pallets.balances.BalancesError;
import io.zklayer.pallets.balances.BalancesEvent;
import io.zklayer.pallets.payment.TransactionPaymentEvent;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.DispatchInfo;
import io.zklayer.runtime.PalletEvent;
import io.zklayer.runtime.Runtime;
import io.zklayer.runtime.RuntimeParameters;
import io.zklayer.runtime.ZklayerRuntime;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtrinsicOutcomeTest {
    private static final Runtime RUNTIME = ZklayerRuntime.create(RuntimeParameters.defaults());
    private static final AccountId32 ALICE = AccountId32.of(filled(1));
    private static final AccountId32 BOB = AccountId32.of(filled(2));
    private static final DispatchInfo INFO = DispatchInfo.normal(1_000);

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static EventRecord at(Phase phase, PalletEvent event) {
        byte[] encoded = event.encode();
        return new EventRecord(phase, new RuntimeEvent(event.palletIndex(), encoded[0] & 0xFF,
                Arrays.copyOfRange(encoded, 1, encoded.length)), List.of());
    }

    private static EventRecord at(long extrinsic, PalletEvent event) {
        return at(Phase.applyExtrinsic(extrinsic), event);
    }

    @Test
    void aSuccessfulTransferListsItsOwnEventsAndTheFeeWithTip() {
        List<EventRecord> records = List.of(
                at(0, new SystemEvent.ExtrinsicSuccess(DispatchInfo.mandatory(5))),
                at(1, new BalancesEvent.Withdraw(ALICE, BigInteger.valueOf(125))),
                at(1, new BalancesEvent.Transfer(ALICE, BOB, BigInteger.TEN)),
                at(1, new TransactionPaymentEvent.TransactionFeePaid(ALICE, BigInteger.valueOf(125), BigInteger.valueOf(7))),
                at(1, new SystemEvent.ExtrinsicSuccess(INFO)),
                at(2, new SystemEvent.ExtrinsicFailed(new DispatchError.BadOrigin(), INFO)),
                at(Phase.FINALIZATION, new SystemEvent.NewAccount(BOB)));

        ExtrinsicOutcome outcome = ExtrinsicOutcome.of(RUNTIME, records, 1);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.events()).containsExactly("Balances.Withdraw", "Balances.Transfer",
                "TransactionPayment.TransactionFeePaid", "System.ExtrinsicSuccess");
        assertThat(outcome.fee()).contains(BigInteger.valueOf(125));
        assertThat(outcome.tip()).isEqualTo(BigInteger.valueOf(7));
        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void aFailedExtrinsicNamesThePalletErrorWithItsDocs() {
        List<EventRecord> records = List.of(
                at(1, new SystemEvent.ExtrinsicSuccess(INFO)),
                at(2, new SystemEvent.ExtrinsicFailed(BalancesError.INSUFFICIENT_BALANCE.error(), INFO)));

        ExtrinsicOutcome outcome = ExtrinsicOutcome.of(RUNTIME, records, 2);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure()).contains("Balances.InsufficientBalance: Balance too low to send value.");
        assertThat(outcome.fee()).isEmpty();
        assertThat(outcome.tip()).isZero();
        assertThat(outcome.events()).containsExactly("System.ExtrinsicFailed");
    }

    @Test
    void describesEveryKindOfDispatchError() {
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.Token(DispatchError.TokenError.BELOW_MINIMUM)))
                .isEqualTo("Token(BelowMinimum)");
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.Arithmetic(DispatchError.ArithmeticError.DIVISION_BY_ZERO)))
                .isEqualTo("Arithmetic(DivisionByZero)");
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.BadOrigin())).isEqualTo("BadOrigin");
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.Other(""))).isEqualTo("Other");
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.Module(42, 1, ""))).isEqualTo("Module(pallet 42, error 1)");
        assertThat(ExtrinsicOutcome.describe(RUNTIME, new DispatchError.Module(3, 200, ""))).isEqualTo("Module(pallet 3, error 200)");
    }

    @Test
    void namesEventsTheRuntimeDoesNotKnowByIndex() {
        assertThat(ExtrinsicOutcome.eventName(RUNTIME, new RuntimeEvent(42, 1, new byte[0]))).isEqualTo("Pallet42.Event1");
        assertThat(ExtrinsicOutcome.eventName(RUNTIME, new RuntimeEvent(3, 99, new byte[0]))).isEqualTo("Balances.Event99");
    }

    @Test
    void eventsWithoutAnOutcomeForTheExtrinsicAreAnError() {
        List<EventRecord> records = List.of(at(1, new BalancesEvent.Transfer(ALICE, BOB, BigInteger.TEN)));

        assertThatThrownBy(() -> ExtrinsicOutcome.of(RUNTIME, records, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the block's events have no ExtrinsicSuccess or ExtrinsicFailed for extrinsic 1"
                        + " (events of it: [Balances.Transfer])");
        assertThatThrownBy(() -> ExtrinsicOutcome.of(RUNTIME, List.of(), 3))
                .hasMessageContaining("for extrinsic 3 (events of it: [])");
        assertThat(Optional.of(ExtrinsicOutcome.of(RUNTIME, List.of(at(0, new SystemEvent.ExtrinsicSuccess(INFO))), 0)))
                .hasValueSatisfying(o -> assertThat(o.succeeded()).isTrue());
    }
}
