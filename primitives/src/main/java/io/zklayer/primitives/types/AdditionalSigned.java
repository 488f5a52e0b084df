package io.zklayer.primitives.types;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.util.Objects;

/**
 * What a signature covers but the extrinsic does not carry, because every node already knows it:
 * {@code specVersion u32 ‖ txVersion u32 ‖ genesisHash ‖ eraBlockHash} (72 bytes). Signing it binds
 * the transaction to one chain, one runtime version and, for a mortal era, one fork.
 *
 * @param specVersion the runtime's spec version
 * @param transactionVersion the runtime's transaction version
 * @param genesisHash the chain's genesis block hash
 * @param eraBlockHash the hash of the era's birth block, or the genesis hash for an immortal era
 */
public record AdditionalSigned(long specVersion, long transactionVersion, H256 genesisHash, H256 eraBlockHash) {
    /** SCALE codec of the additional data. */
    public static final ScaleCodec<AdditionalSigned> CODEC = ScaleRecord.of("AdditionalSigned",
            ScaleRecord.field("specVersion", ScaleCodecs.U32, AdditionalSigned::specVersion),
            ScaleRecord.field("transactionVersion", ScaleCodecs.U32, AdditionalSigned::transactionVersion),
            ScaleRecord.field("genesisHash", H256.CODEC, AdditionalSigned::genesisHash),
            ScaleRecord.field("eraBlockHash", H256.CODEC, AdditionalSigned::eraBlockHash),
            AdditionalSigned::new);

    /** Checks the fields. */
    public AdditionalSigned {
        if (specVersion < 0 || specVersion > 0xFFFFFFFFL || transactionVersion < 0 || transactionVersion > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("spec and transaction versions must be u32, got "
                    + specVersion + ", " + transactionVersion);
        }
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(eraBlockHash, "eraBlockHash");
    }

    /** Returns the additional data for an immortal transaction: the era block hash is the genesis hash. */
    public static AdditionalSigned immortal(long specVersion, long transactionVersion, H256 genesisHash) {
        return new AdditionalSigned(specVersion, transactionVersion, genesisHash, genesisHash);
    }

    /**
     * Returns the additional data for a transaction with {@code era}: {@code birthBlockHash} must be
     * the hash of block {@code era.birth(current)}; it is ignored (the genesis hash is used) when
     * the era is immortal.
     */
    public static AdditionalSigned forEra(long specVersion, long transactionVersion, H256 genesisHash, Era era,
            H256 birthBlockHash) {
        return new AdditionalSigned(specVersion, transactionVersion, genesisHash,
                era.isImmortal() ? genesisHash : birthBlockHash);
    }
}
