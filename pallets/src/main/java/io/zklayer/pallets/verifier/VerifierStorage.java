package io.zklayer.pallets.verifier;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.hashing.StorageHasher;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.runtime.storage.StorageEntryDescriptor;
import io.zklayer.runtime.storage.StorageMap;
import java.math.BigInteger;
import java.util.List;

/**
 * The storage items of the Verifier pallet. Key ids are blake2b-256 hashes already, so both maps use
 * the {@code Identity} hasher: {@code twox128("Verifier") ‖ twox128("Keys") ‖ keyId}.
 */
public final class VerifierStorage {
    private VerifierStorage() {}

    /**
     * What the chain knows of a registered key besides its bytes.
     *
     * @param owner who registered it (and may remove it)
     * @param deposit the amount reserved from the owner while the key is stored
     * @param consumers how many models use the key (a key in use cannot be removed)
     * @param publicInputs the number of public signals the key verifies
     * @param registeredAt the block it was registered in
     */
    public record KeyInfo(AccountId32 owner, BigInteger deposit, long consumers, long publicInputs, long registeredAt) {
        /** SCALE codec {@code {owner, deposit: u128, consumers: u32, public_inputs: u32, registered_at: u32}}. */
        public static final ScaleCodec<KeyInfo> CODEC = ScaleRecord.of("KeyInfo",
                ScaleRecord.field("owner", AccountId32.CODEC, KeyInfo::owner),
                ScaleRecord.field("deposit", ScaleCodecs.U128, KeyInfo::deposit),
                ScaleRecord.field("consumers", ScaleCodecs.U32, KeyInfo::consumers),
                ScaleRecord.field("public_inputs", ScaleCodecs.U32, KeyInfo::publicInputs),
                ScaleRecord.field("registered_at", ScaleCodecs.U32, KeyInfo::registeredAt), KeyInfo::new);

        /** Returns a copy with {@code consumers} changed. */
        public KeyInfo withConsumers(long n) {
            return new KeyInfo(owner, deposit, n, publicInputs, registeredAt);
        }
    }

    /** Key id → who registered it, its deposit and users. */
    public static final StorageMap<H256, KeyInfo> KEYS = new StorageMap<>(VerifierPallet.NAME, "Keys",
            StorageHasher.IDENTITY, H256.CODEC, KeyInfo.CODEC, null,
            "Registered verifying keys by id: owner, deposit, number of models using the key, public inputs.");

    /** Key id → the key's bytes (apart from {@link #KEYS} so that reading the info does not load the key). */
    public static final StorageMap<H256, EncodedVerifyingKey> KEY_BYTES = new StorageMap<>(VerifierPallet.NAME,
            "KeyBytes", StorageHasher.IDENTITY, H256.CODEC, EncodedVerifyingKey.CODEC, null,
            "The SCALE bytes of each registered verifying key.");

    /** Returns every storage item's description. */
    public static List<StorageEntryDescriptor> descriptors() {
        return List.of(KEYS.descriptor(), KEY_BYTES.descriptor());
    }
}
