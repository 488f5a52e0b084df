package io.zklayer.pallets.system;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.Digest;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.Weight;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import io.zklayer.runtime.storage.StorageValue;
import java.util.List;

/** The storage items of the System pallet, at Substrate's keys. */
public final class SystemStorage {
    private SystemStorage() {}

    /** Weight used per dispatch class in the current block. */
    public record PerClassWeight(Weight normal, Weight operational, Weight mandatory) {
        /** Nothing used. */
        public static final PerClassWeight ZERO = new PerClassWeight(Weight.ZERO, Weight.ZERO, Weight.ZERO);

        /** SCALE codec. */
        public static final ScaleCodec<PerClassWeight> CODEC = ScaleRecord.of("PerDispatchClass<Weight>",
                ScaleRecord.field("normal", Weight.CODEC, PerClassWeight::normal),
                ScaleRecord.field("operational", Weight.CODEC, PerClassWeight::operational),
                ScaleRecord.field("mandatory", Weight.CODEC, PerClassWeight::mandatory),
                PerClassWeight::new);

        /** Returns the sum over classes. */
        public Weight total() {
            return normal.plus(operational).plus(mandatory);
        }
    }

    /** The nonce and balances of every account. */
    public static final StorageMap<AccountId32, AccountInfo> ACCOUNT = new StorageMap<>(SystemPallet.NAME, "Account",
            StorageHasher.BLAKE2_128_CONCAT, AccountId32.CODEC, AccountInfo.CODEC, AccountInfo.EMPTY,
            "The full account information for a particular account ID.");

    /** Extrinsics applied so far in the current block. */
    public static final StorageValue<Long> EXTRINSIC_COUNT = new StorageValue<>(SystemPallet.NAME, "ExtrinsicCount",
            ScaleCodecs.U32, null, "Total extrinsics count for the current block.");

    /** Weight used so far in the current block, per class. */
    public static final StorageValue<PerClassWeight> BLOCK_WEIGHT = new StorageValue<>(SystemPallet.NAME, "BlockWeight",
            PerClassWeight.CODEC, PerClassWeight.ZERO, "The current weight for the block.");

    /** Bytes of extrinsics applied so far in the current block. */
    public static final StorageValue<Long> ALL_EXTRINSICS_LEN = new StorageValue<>(SystemPallet.NAME,
            "AllExtrinsicsLen", ScaleCodecs.U32, null, "Total length (in bytes) for all extrinsics put together.");

    /** Hashes of recent blocks by number, for mortal eras. */
    public static final StorageMap<Long, H256> BLOCK_HASH = new StorageMap<>(SystemPallet.NAME, "BlockHash",
            StorageHasher.TWOX_64_CONCAT, ScaleCodecs.U32, H256.CODEC, H256.ZERO, "Map of block numbers to block hashes.");

    /** The current block number. */
    public static final StorageValue<Long> NUMBER = new StorageValue<>(SystemPallet.NAME, "Number", ScaleCodecs.U32, 0L,
            "The current block number being processed.");

    /** The parent hash of the current block. */
    public static final StorageValue<H256> PARENT_HASH = new StorageValue<>(SystemPallet.NAME, "ParentHash", H256.CODEC,
            H256.ZERO, "Hash of the previous block.");

    /** The digest of the current block so far. */
    public static final StorageValue<Digest> DIGEST = new StorageValue<>(SystemPallet.NAME, "Digest", Digest.CODEC,
            Digest.EMPTY, "Digest of the current block, also part of the block header.");

    /** The number of events in {@code Events}. */
    public static final StorageValue<Long> EVENT_COUNT = new StorageValue<>(SystemPallet.NAME, "EventCount",
            ScaleCodecs.U32, 0L, "The number of events in the `Events<T>` list.");

    /** The raw key of {@code System.Events} ({@code Vec<EventRecord>}, appended without decoding). */
    public static final byte[] EVENTS_KEY = io.zklayer.primitives.hashing.StorageKeys.prefix(SystemPallet.NAME, "Events");

    /** Returns every storage item's description, Events included. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(ACCOUNT.descriptor(), EXTRINSIC_COUNT.descriptor(), BLOCK_WEIGHT.descriptor(),
                ALL_EXTRINSICS_LEN.descriptor(), BLOCK_HASH.descriptor(), NUMBER.descriptor(), PARENT_HASH.descriptor(),
                DIGEST.descriptor(),
                new StorageEntryDescriptor(SystemPallet.NAME, "Events", List.of(), List.of(), "Vec<EventRecord>",
                        new byte[] {0}, "Events deposited for the current block."),
                EVENT_COUNT.descriptor());
    }
}
