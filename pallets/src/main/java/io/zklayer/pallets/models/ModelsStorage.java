package io.zklayer.pallets.models;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.runtime.storage.StorageDoubleMap;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.zk.field.Fr;
import java.util.List;
import java.util.Optional;

/**
 * The storage items of the Models pallet. Model ids are sequential u32 values under {@code Twox64Concat}
 * (as Substrate keys sequential ids); names and accounts, which a user chooses, under
 * {@code Blake2_128Concat}. Example: model 0 is at {@code twox128("Models") ‖ twox128("Models") ‖
 * twox64(00000000) ‖ 00000000}.
 */
public final class ModelsStorage {
    private ModelsStorage() {}

    /**
     * Who owns a name and its latest version.
     *
     * @param owner the account that registered version 1
     * @param latestVersion the highest version registered
     * @param latestId the id of that version
     */
    public record NameInfo(AccountId32 owner, long latestVersion, long latestId) {
        /** SCALE codec {@code {owner, latest_version: u32, latest_id: u32}}. */
        public static final ScaleCodec<NameInfo> CODEC = ScaleRecord.of("NameInfo",
                ScaleRecord.field("owner", AccountId32.CODEC, NameInfo::owner),
                ScaleRecord.field("latest_version", ScaleCodecs.U32, NameInfo::latestVersion),
                ScaleRecord.field("latest_id", ScaleCodecs.U32, NameInfo::latestId), NameInfo::new);
    }

    /**
     * How a model is used, updated by the inference pallet for every verified inference.
     *
     * @param inferences inferences served
     * @param distinctUsers accounts that requested at least one
     * @param repeatUsers accounts that requested at least two
     * @param lastUsedAt the block of the latest inference, if any
     */
    public record UsageStats(long inferences, long distinctUsers, long repeatUsers, Optional<Long> lastUsedAt) {
        /** No use yet. */
        public static final UsageStats NONE = new UsageStats(0, 0, 0, Optional.empty());

        /** SCALE codec {@code {inferences: u64, distinct_users: u32, repeat_users: u32, last_used_at: Option<u32>}}. */
        public static final ScaleCodec<UsageStats> CODEC = ScaleRecord.of("UsageStats",
                ScaleRecord.field("inferences", ScaleCodecs.U64, UsageStats::inferences),
                ScaleRecord.field("distinct_users", ScaleCodecs.U32, UsageStats::distinctUsers),
                ScaleRecord.field("repeat_users", ScaleCodecs.U32, UsageStats::repeatUsers),
                ScaleRecord.field("last_used_at", ScaleCodecs.option(ScaleCodecs.U32), UsageStats::lastUsedAt),
                UsageStats::new);
    }

    /**
     * The proven accuracy of a model: of the backtest cases whose proofs verified, how many matched their
     * labels.
     *
     * @param correct cases whose proven output named the label's class
     * @param total verified cases
     */
    public record Accuracy(long correct, long total) {
        /** No case yet. */
        public static final Accuracy NONE = new Accuracy(0, 0);

        /** SCALE codec {@code {correct: u32, total: u32}}. */
        public static final ScaleCodec<Accuracy> CODEC = ScaleRecord.of("Accuracy",
                ScaleRecord.field("correct", ScaleCodecs.U32, Accuracy::correct),
                ScaleRecord.field("total", ScaleCodecs.U32, Accuracy::total), Accuracy::new);

        /** Returns the accuracy in parts per million (0 with no cases), integer arithmetic only. */
        public long partsPerMillion() {
            return total == 0 ? 0 : correct * 1_000_000L / total;
        }
    }

    /**
     * One verified backtest case.
     *
     * @param label the class the submitter says is true
     * @param predicted the class the proven output names
     * @param submitter who submitted it
     * @param at the block it was recorded in
     */
    public record BacktestRecord(long label, long predicted, AccountId32 submitter, long at) {
        /** SCALE codec {@code {label: u32, predicted: u32, submitter, at: u32}}. */
        public static final ScaleCodec<BacktestRecord> CODEC = ScaleRecord.of("BacktestRecord",
                ScaleRecord.field("label", ScaleCodecs.U32, BacktestRecord::label),
                ScaleRecord.field("predicted", ScaleCodecs.U32, BacktestRecord::predicted),
                ScaleRecord.field("submitter", AccountId32.CODEC, BacktestRecord::submitter),
                ScaleRecord.field("at", ScaleCodecs.U32, BacktestRecord::at), BacktestRecord::new);

        /** Returns whether the proven output matched the label. */
        public boolean correct() {
            return label == predicted;
        }
    }

    /** The id the next registered model gets. */
    public static final StorageValue<Long> NEXT_MODEL_ID = new StorageValue<>(ModelsPallet.NAME, "NextModelId",
            ScaleCodecs.U32, 0L, "The id the next registered model version gets.");

    /** Model id → the model. */
    public static final StorageMap<Long, ModelInfo> MODELS = new StorageMap<>(ModelsPallet.NAME, "Models",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, ModelInfo.CODEC, null,
            "Registered model versions by id.");

    /** Model id → its public Wasm code. */
    public static final StorageMap<Long, byte[]> MODEL_CODE = new StorageMap<>(ModelsPallet.NAME, "ModelCode",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, ScaleCodecs.BYTES, null,
            "The Wasm code of public models (those that may run on chain).");

    /** Name → owner and latest version. */
    public static final StorageMap<String, NameInfo> NAMES = new StorageMap<>(ModelsPallet.NAME, "Names",
            StorageHasher.BLAKE2_128_CONCAT, ScaleCodecs.STRING, NameInfo.CODEC, null,
            "Model names: their owner and latest version.");

    /** (name, version) → model id. */
    public static final StorageDoubleMap<String, Long, Long> VERSIONS = new StorageDoubleMap<>(ModelsPallet.NAME,
            "Versions", StorageHasher.BLAKE2_128_CONCAT, ScaleCodecs.STRING, StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32,
            ScaleCodecs.U32, null, "The model id of each version of a name.");

    /** Model id → usage statistics. */
    public static final StorageMap<Long, UsageStats> USAGE = new StorageMap<>(ModelsPallet.NAME, "Usage",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, UsageStats.CODEC, UsageStats.NONE,
            "Usage per model: inferences, distinct users, repeat users, last use.");

    /** (model id, user) → inferences the user requested. */
    public static final StorageDoubleMap<Long, AccountId32, Long> USER_INFERENCES = new StorageDoubleMap<>(
            ModelsPallet.NAME, "UserInferences", StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32,
            StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, ScaleCodecs.U32, 0L,
            "Inferences each user requested of each model (for distinct and repeat users).");

    /** Model id → proven accuracy. */
    public static final StorageMap<Long, Accuracy> ACCURACY = new StorageMap<>(ModelsPallet.NAME, "ProvenAccuracy",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, Accuracy.CODEC, Accuracy.NONE,
            "Proven accuracy per model: verified backtest cases that matched their labels, of all verified cases.");

    /** (model id, input commitment) → the verified case. */
    public static final StorageDoubleMap<Long, Fr, BacktestRecord> BACKTESTS = new StorageDoubleMap<>(ModelsPallet.NAME,
            "Backtests", StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, StorageHasher.BLAKE2_128_CONCAT, PublicSignals.FR,
            BacktestRecord.CODEC, null, "Verified backtest cases per model, by input commitment (each input counts once).");

    /** Returns every storage item's description. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(NEXT_MODEL_ID.descriptor(), MODELS.descriptor(), MODEL_CODE.descriptor(), NAMES.descriptor(),
                VERSIONS.descriptor(), USAGE.descriptor(), USER_INFERENCES.descriptor(), ACCURACY.descriptor(),
                BACKTESTS.descriptor());
    }
}
