package io.zklayer.node.cli;

import io.zklayer.pallets.payment.TransactionPaymentEvent;
import io.zklayer.pallets.payment.TransactionPaymentPallet;
import io.zklayer.pallets.system.SystemEvent;
import io.zklayer.pallets.system.SystemPallet;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.types.EventRecord;
import io.zklayer.primitives.types.Phase;
import io.zklayer.primitives.types.RuntimeEvent;
import io.zklayer.runtime.Descriptors;
import io.zklayer.runtime.DispatchError;
import io.zklayer.runtime.Pallet;
import io.zklayer.runtime.Runtime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to one extrinsic of a block, read from the block's {@code System.Events}: the
 * events emitted while applying it, whether it succeeded ({@code System.ExtrinsicSuccess}) or
 * failed ({@code System.ExtrinsicFailed} with its {@link DispatchError}), and the fee it paid
 * ({@code TransactionPayment.TransactionFeePaid}, tip included).
 *
 * <p>A transfer to a new account below the existential deposit gives events
 * {@code [Balances.Withdraw, TransactionPayment.TransactionFeePaid, System.ExtrinsicFailed]} and
 * failure {@code Token(BelowMinimum)}; an error of a pallet reads
 * {@code Balances.InsufficientBalance: Balance too low to send value.}
 *
 * @param extrinsicIndex the extrinsic's position in the block
 * @param events the names of its events in order, {@code Pallet.Event}
 * @param failure the failure, described, when it failed; empty when it succeeded
 * @param fee the fee paid including the tip, when a {@code TransactionFeePaid} event says so
 * @param tip the tip part of the fee (zero when unknown)
 */
record ExtrinsicOutcome(long extrinsicIndex, List<String> events, Optional<String> failure, Optional<BigInteger> fee,
                        BigInteger tip) {
    /** Copies the event list. */
    ExtrinsicOutcome {
        events = List.copyOf(events);
    }

    /** Returns whether the extrinsic's call succeeded. */
    boolean succeeded() {
        return failure.isEmpty();
    }

    /**
     * Returns the outcome of the extrinsic at {@code index} among a block's event {@code records}.
     *
     * @throws IllegalStateException when no {@code ExtrinsicSuccess} or {@code ExtrinsicFailed}
     *     event belongs to that extrinsic (not this runtime's events, or the wrong block)
     */
    static ExtrinsicOutcome of(Runtime runtime, List<EventRecord> records, long index) {
        int systemIndex = runtime.pallet(SystemPallet.class).index();
        int paymentIndex = runtime.pallet(TransactionPaymentPallet.class).index();
        List<String> names = new ArrayList<>();
        boolean decided = false;
        Optional<String> failure = Optional.empty();
        Optional<BigInteger> fee = Optional.empty();
        BigInteger tip = BigInteger.ZERO;
        for (EventRecord r : records) {
            if (!(r.phase() instanceof Phase.ApplyExtrinsic at) || at.index() != index) {
                continue;
            }
            RuntimeEvent event = r.event();
            names.add(eventName(runtime, event));
            if (event.palletIndex() == systemIndex) {
                SystemEvent e = decode(event, SystemEvent.CODEC);
                if (e instanceof SystemEvent.ExtrinsicSuccess) {
                    decided = true;
                } else if (e instanceof SystemEvent.ExtrinsicFailed failed) {
                    decided = true;
                    failure = Optional.of(describe(runtime, failed.dispatchError()));
                }
            } else if (event.palletIndex() == paymentIndex
                    && decode(event, TransactionPaymentEvent.CODEC) instanceof TransactionPaymentEvent.TransactionFeePaid paid) {
                fee = Optional.of(paid.actualFee());
                tip = paid.tip();
            }
        }
        if (!decided) {
            throw new IllegalStateException("the block's events have no ExtrinsicSuccess or ExtrinsicFailed for extrinsic "
                    + index + " (events of it: " + names + ")");
        }
        return new ExtrinsicOutcome(index, names, failure, fee, tip);
    }

    /**
     * Returns a dispatch error as an operator reads it: {@code Balances.InsufficientBalance: Balance
     * too low to send value.} for a pallet's error, {@code Token(BelowMinimum)},
     * {@code Arithmetic(Overflow)}, {@code BadOrigin}.
     */
    static String describe(Runtime runtime, DispatchError error) {
        if (error instanceof DispatchError.Module m) {
            Optional<Pallet> pallet = pallet(runtime, m.palletIndex());
            Optional<Descriptors.ErrorDescriptor> known = pallet.flatMap(p -> p.errors().stream()
                    .filter(e -> e.index() == m.errorIndex()).findFirst());
            if (known.isEmpty()) {
                return "Module(pallet " + m.palletIndex() + ", error " + m.errorIndex() + ")";
            }
            String docs = known.get().docs();
            return pallet.get().name() + "." + known.get().name() + (docs == null || docs.isBlank() ? "" : ": " + docs);
        }
        if (error instanceof DispatchError.Token t) {
            return "Token(" + upperCamel(t.error().name()) + ")";
        }
        if (error instanceof DispatchError.Arithmetic a) {
            return "Arithmetic(" + upperCamel(a.error().name()) + ")";
        }
        return error.getClass().getSimpleName();
    }

    /** Returns {@code Pallet.Event} for an event: {@code Balances.Transfer}, or indexes when the runtime does not know it. */
    static String eventName(Runtime runtime, RuntimeEvent event) {
        Optional<Pallet> pallet = pallet(runtime, event.palletIndex());
        String palletName = pallet.map(Pallet::name).orElse("Pallet" + event.palletIndex());
        String eventName = pallet.flatMap(p -> p.events().stream().filter(e -> e.index() == event.eventIndex()).findFirst())
                .map(Descriptors.EventDescriptor::name).orElse("Event" + event.eventIndex());
        return palletName + "." + eventName;
    }

    private static Optional<Pallet> pallet(Runtime runtime, int index) {
        return runtime.pallets().stream().filter(p -> p.index() == index).findFirst();
    }

    // A pallet's event codec reads "event index ‖ fields".
    private static <E> E decode(RuntimeEvent event, ScaleCodec<E> codec) {
        byte[] fields = event.fields();
        byte[] all = new byte[fields.length + 1];
        all[0] = (byte) event.eventIndex();
        System.arraycopy(fields, 0, all, 1, fields.length);
        return codec.decode(all);
    }

    // BELOW_MINIMUM → BelowMinimum, as Substrate names its TokenError and ArithmeticError variants.
    private static String upperCamel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
