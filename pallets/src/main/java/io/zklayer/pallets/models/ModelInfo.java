package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.types.AccountId32;
import io.zklayer.primitives.types.H256;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.ModelPublicSignals;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A registered model version, as {@code Models.Models} stores it and other pallets read it through
 * {@link ModelLookup}. Weights stay private: the chain holds their Poseidon commitment, which every proof
 * of the model's circuit names as a public signal, and the id of the circuit's verifying key in the
 * {@code verifier} pallet.
 *
 * <p>SCALE: {@code owner ‖ name: String ‖ version: u32 ‖ description: String ‖ io: ModelIo ‖
 * weight_commitment: [u8; 32] ‖ key_id: H256 ‖ code_hash: Option<H256> ‖ price_per_inference: u128 ‖
 * compute_units: u64 ‖ registered_at: u32 ‖ deprecated_at: Option<u32>}.
 *
 * @param owner the account that registered it (and may deprecate it)
 * @param name the model's name, shared by its versions
 * @param version 1 for the first registration of a name, then 2, 3, …
 * @param description free text
 * @param io input and output format
 * @param weightCommitment the Poseidon commitment to the weights (see {@code WeightCommitment})
 * @param keyId the id of the circuit's verifying key in the verifier pallet
 * @param codeHash blake2b-256 of the public Wasm code in {@code Models.ModelCode}, for public models
 * @param pricePerInference what a user pays per inference
 * @param computeUnits the compute units one inference consumes from a pool node's capacity
 * @param registeredAt the block of registration
 * @param deprecatedAt the block of deprecation; a deprecated model takes no new workloads or backtests
 */
public record ModelInfo(AccountId32 owner, String name, long version, String description, ModelIo io,
                        Fr weightCommitment, H256 keyId, Optional<H256> codeHash, BigInteger pricePerInference,
                        long computeUnits, long registeredAt, Optional<Long> deprecatedAt) {

    /** SCALE codec (see the class comment). */
    public static final ScaleRecord<ModelInfo> CODEC = ScaleRecord.ofFields("ModelInfo",
            v -> new ModelInfo((AccountId32) v[0], (String) v[1], (Long) v[2], (String) v[3], (ModelIo) v[4],
                    (Fr) v[5], (H256) v[6], optionalHash(v[7]), (BigInteger) v[8], (Long) v[9], (Long) v[10],
                    optionalLong(v[11])),
            ScaleRecord.field("owner", AccountId32.CODEC, ModelInfo::owner),
            ScaleRecord.field("name", ScaleCodecs.STRING, ModelInfo::name),
            ScaleRecord.field("version", ScaleCodecs.U32, ModelInfo::version),
            ScaleRecord.field("description", ScaleCodecs.STRING, ModelInfo::description),
            ScaleRecord.field("io", ModelIo.CODEC, ModelInfo::io),
            ScaleRecord.field("weight_commitment", PublicSignals.FR, ModelInfo::weightCommitment),
            ScaleRecord.field("key_id", H256.CODEC, ModelInfo::keyId),
            ScaleRecord.field("code_hash", ScaleCodecs.option(H256.CODEC), ModelInfo::codeHash),
            ScaleRecord.field("price_per_inference", ScaleCodecs.U128, ModelInfo::pricePerInference),
            ScaleRecord.field("compute_units", ScaleCodecs.U64, ModelInfo::computeUnits),
            ScaleRecord.field("registered_at", ScaleCodecs.U32, ModelInfo::registeredAt),
            ScaleRecord.field("deprecated_at", ScaleCodecs.option(ScaleCodecs.U32), ModelInfo::deprecatedAt));

    @SuppressWarnings("unchecked")
    private static Optional<H256> optionalHash(Object decoded) {
        return (Optional<H256>) decoded;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Long> optionalLong(Object decoded) {
        return (Optional<Long>) decoded;
    }

    /** Returns whether the model takes new workloads and backtests (it is not deprecated). */
    public boolean active() {
        return deprecatedAt.isEmpty();
    }

    /** Returns whether the model has public Wasm code (and can run on chain). */
    public boolean hasPublicCode() {
        return codeHash.isPresent();
    }

    /** Returns the model deprecated at block {@code at}. */
    public ModelInfo deprecated(long at) {
        return new ModelInfo(owner, name, version, description, io, weightCommitment, keyId, codeHash, pricePerInference,
                computeUnits, registeredAt, Optional.of(at));
    }

    /**
     * Returns the public signals a proof of this model's circuit must verify for the claimed
     * {@code output} on the input committed to by {@code inputCommitment} ({@code InputCommitment.of(input)}):
     * the output signals, the weight commitment, the input commitment (see {@link ModelPublicSignals}).
     *
     * @throws ZkFormatException if {@code output} is not a valid output of this model (length, encoding)
     */
    public List<Fr> publicSignals(byte[] output, Fr inputCommitment) {
        if (output.length != io.outputLength()) {
            throw new ZkFormatException("model output: " + name + " v" + version + " returns " + io.outputLength()
                    + " bytes, got " + output.length);
        }
        List<Fr> signals = new ArrayList<>(ModelPublicSignals.outputSignals(io.output(), output));
        signals.add(weightCommitment);
        signals.add(inputCommitment);
        return List.copyOf(signals);
    }

    /** Returns the number of public signals of the model's circuit: output signals + 2. */
    public int publicSignalCount() {
        return io.outputSignalCount() + 2;
    }
}
