package io.zklayer.pallets.models;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.PalletEvent;
import java.math.BigInteger;

/** The events of the Models pallet, at fixed event indexes. */
public sealed interface ModelsEvent extends PalletEvent {
    /** A model version was registered; {@code fee} went to the treasury (index 0). */
    record ModelRegistered(long modelId, AccountId32 owner, String name, long version, H256 keyId, BigInteger fee)
            implements ModelsEvent {}

    /** A model was deprecated by its owner (index 1). */
    record ModelDeprecated(long modelId, AccountId32 owner) implements ModelsEvent {}

    /**
     * A backtest was verified: {@code correct} of its {@code cases} matched their labels; the model's proven
     * accuracy is now {@code provenCorrect / provenTotal} (index 2).
     */
    record BacktestRecorded(long modelId, AccountId32 submitter, long cases, long correct, long provenCorrect,
                            long provenTotal) implements ModelsEvent {}

    /** SCALE codec: event index, then the fields. */
    ScaleEnum<ModelsEvent> CODEC = ScaleEnum.<ModelsEvent>builder("ModelsEvent")
            .variant(0, "ModelRegistered", ModelRegistered.class, ScaleRecord.of("ModelRegistered",
                    ScaleRecord.field("model_id", ScaleCodecs.U32, ModelRegistered::modelId),
                    ScaleRecord.field("owner", AccountId32.CODEC, ModelRegistered::owner),
                    ScaleRecord.field("name", ScaleCodecs.STRING, ModelRegistered::name),
                    ScaleRecord.field("version", ScaleCodecs.U32, ModelRegistered::version),
                    ScaleRecord.field("key_id", H256.CODEC, ModelRegistered::keyId),
                    ScaleRecord.field("fee", ScaleCodecs.U128, ModelRegistered::fee), ModelRegistered::new))
            .variant(1, "ModelDeprecated", ModelDeprecated.class, ScaleRecord.of("ModelDeprecated",
                    ScaleRecord.field("model_id", ScaleCodecs.U32, ModelDeprecated::modelId),
                    ScaleRecord.field("owner", AccountId32.CODEC, ModelDeprecated::owner), ModelDeprecated::new))
            .variant(2, "BacktestRecorded", BacktestRecorded.class, ScaleRecord.of("BacktestRecorded",
                    ScaleRecord.field("model_id", ScaleCodecs.U32, BacktestRecorded::modelId),
                    ScaleRecord.field("submitter", AccountId32.CODEC, BacktestRecorded::submitter),
                    ScaleRecord.field("cases", ScaleCodecs.U32, BacktestRecorded::cases),
                    ScaleRecord.field("correct", ScaleCodecs.U32, BacktestRecorded::correct),
                    ScaleRecord.field("proven_correct", ScaleCodecs.U32, BacktestRecorded::provenCorrect),
                    ScaleRecord.field("proven_total", ScaleCodecs.U32, BacktestRecorded::provenTotal),
                    BacktestRecorded::new))
            .build();

    /** One line of docs per event, for the runtime description. */
    static String docs(String name) {
        return switch (name) {
            case "ModelRegistered" -> "A model version was registered under a new id; the registration fee went to the treasury.";
            case "ModelDeprecated" -> "A model was deprecated by its owner; it takes no new workloads or backtests.";
            case "BacktestRecorded" -> "A backtest's proofs verified; the model's proven accuracy was updated.";
            default -> "Models event " + name + ".";
        };
    }

    @Override
    default int palletIndex() {
        return ModelsPallet.INDEX;
    }

    @Override
    default byte[] encode() {
        return CODEC.encode(this);
    }
}
