package io.zklayer.pallets.offences;

import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import java.util.List;

/**
 * The storage of the Offences pallet: the validator sets of past epochs (the current one is
 * {@code Session.Validators}) and the offences already reported, both bounded by
 * {@link OffencesParameters#historyDepth()}.
 */
public final class OffencesStorage {
    private OffencesStorage() {}

    /** Epoch → its validator set (authority set {@code s} = epoch {@code s}'s validators), for past epochs. */
    public static final StorageMap<Long, List<AccountId32>> EPOCH_SETS = new StorageMap<>(OffencesPallet.NAME,
            "EpochSets", StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U64, ScaleCodecs.vec(AccountId32.CODEC), null,
            "The validator sets of the last HistoryDepth past epochs (the current one is Session.Validators), "
                    + "recorded in the last block of each epoch.");

    /** Report id → the epoch in which it was reported. */
    public static final StorageMap<H256, Long> REPORTS = new StorageMap<>(OffencesPallet.NAME, "Reports",
            StorageHasher.IDENTITY, H256.CODEC, ScaleCodecs.U64, null,
            "Offences already reported, by report id, with the epoch of the report; forgotten once evidence of "
                    + "them is too old to be accepted.");

    /** Epoch → the report ids recorded in it, in order (for forgetting them). */
    public static final StorageMap<Long, List<H256>> REPORTS_IN_EPOCH = new StorageMap<>(OffencesPallet.NAME,
            "ReportsInEpoch", StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U64, ScaleCodecs.vec(H256.CODEC), List.of(),
            "The ids of the offences reported in each epoch, at most MaxReportsPerEpoch.");

    static List<StorageEntryDescriptor> descriptors() {
        return List.of(EPOCH_SETS.descriptor(), REPORTS.descriptor(), REPORTS_IN_EPOCH.descriptor());
    }
}
