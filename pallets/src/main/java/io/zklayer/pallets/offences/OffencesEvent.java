package io.zklayer.pallets.offences;

import io.zklayer.pallets.session.ValidatorPenalty;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;
import java.util.Optional;

/** The events of the Offences pallet. */
public sealed interface OffencesEvent extends PalletEvent {
    /**
     * {@code reporter} proved an offence of {@code kind} by {@code offender}, recorded under
     * {@code reportId} (index 0).
     */
    record EquivocationReported(OffenceKind kind, AccountId32 offender, H256 reportId, AccountId32 reporter)
            implements OffencesEvent {}

    /**
     * The bond {@code controller} reserved for {@code offender} lost {@code amount}; {@code reward} of it went to
     * the reporter and the rest to the treasury ({@code toTreasury}) or was burned (index 1).
     */
    record ValidatorSlashed(AccountId32 offender, AccountId32 controller, BigInteger amount, BigInteger reward,
                            boolean toTreasury) implements OffencesEvent {}

    /**
     * {@code offender} is out of the validator set from epoch {@code outFrom} ({@code removal} says how); a
     * suspended genesis validator is back in epoch {@code returnsAt} (index 2).
     */
    record ValidatorRemoved(AccountId32 offender, ValidatorPenalty.Removal removal, long outFrom,
                            Optional<Long> returnsAt) implements OffencesEvent {}

    /** SCALE codec of how a validator leaves: LEAVES 0, WITHDRAWN 1, ALREADY_LEAVING 2, SUSPENDED 3, NOT_A_VALIDATOR 4. */
    ScaleCodec<ValidatorPenalty.Removal> REMOVAL_CODEC = ScaleEnum.ofUnitEnum("Removal", ValidatorPenalty.Removal.class,
            ValidatorPenalty.Removal::ordinal);

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<OffencesEvent> CODEC = ScaleEnum.<OffencesEvent>builder("OffencesEvent")
            .variant(0, "EquivocationReported", EquivocationReported.class, ScaleRecord.of("EquivocationReported",
                    ScaleRecord.field("kind", OffenceKind.CODEC, EquivocationReported::kind),
                    ScaleRecord.field("offender", AccountId32.CODEC, EquivocationReported::offender),
                    ScaleRecord.field("report_id", H256.CODEC, EquivocationReported::reportId),
                    ScaleRecord.field("reporter", AccountId32.CODEC, EquivocationReported::reporter),
                    EquivocationReported::new))
            .variant(1, "ValidatorSlashed", ValidatorSlashed.class, ScaleRecord.of("ValidatorSlashed",
                    ScaleRecord.field("offender", AccountId32.CODEC, ValidatorSlashed::offender),
                    ScaleRecord.field("controller", AccountId32.CODEC, ValidatorSlashed::controller),
                    ScaleRecord.field("amount", ScaleCodecs.U128, ValidatorSlashed::amount),
                    ScaleRecord.field("reward", ScaleCodecs.U128, ValidatorSlashed::reward),
                    ScaleRecord.field("to_treasury", ScaleCodecs.BOOL, ValidatorSlashed::toTreasury),
                    ValidatorSlashed::new))
            .variant(2, "ValidatorRemoved", ValidatorRemoved.class, ScaleRecord.of("ValidatorRemoved",
                    ScaleRecord.field("offender", AccountId32.CODEC, ValidatorRemoved::offender),
                    ScaleRecord.field("removal", REMOVAL_CODEC, ValidatorRemoved::removal),
                    ScaleRecord.field("out_from", ScaleCodecs.U64, ValidatorRemoved::outFrom),
                    ScaleRecord.field("returns_at", ScaleCodecs.option(ScaleCodecs.U64), ValidatorRemoved::returnsAt),
                    ValidatorRemoved::new))
            .build();

    /** One line of docs per event, for the runtime description. */
    static String docs(String name) {
        return switch (name) {
            case "EquivocationReported" -> "An equivocation was proven and recorded; the offender is punished.";
            case "ValidatorSlashed" -> "A validator's bond was slashed for an offence (reward to the reporter, the "
                    + "rest to the treasury or burned).";
            case "ValidatorRemoved" -> "A validator is out of the set from an epoch after an offence (a genesis "
                    + "validator for one epoch).";
            default -> "Offences event " + name + ".";
        };
    }

    @Override
    default int palletIndex() {
        return OffencesPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
