package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.PublicSignals;
import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
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
    public static final ScaleCodec<ModelInfo> CODEC = ScaleCodecs.of("ModelInfo",
            32 + 1 + 4 + 1 + ModelIo.CODEC.minEncodedSize() + 32 + 32 + 1 + 16 + 8 + 4 + 1,
            (w, m) -> {
                AccountId32.CODEC.encode(w, m.owner());
                w.string(m.name()).u32(m.version()).string(m.description());
                ModelIo.CODEC.encode(w, m.io());
                PublicSignals.FR.encode(w, m.weightCommitment());
                H256.CODEC.encode(w, m.keyId());
                ScaleCodecs.option(H256.CODEC).encode(w, m.codeHash());
                w.u128(m.pricePerInference()).u64(m.computeUnits()).u32(m.registeredAt());
                ScaleCodecs.option(ScaleCodecs.U32).encode(w, m.deprecatedAt());
            },
            r -> new ModelInfo(
                    ScaleCodecs.decodeWithin("ModelInfo.owner", AccountId32.CODEC, r),
                    ScaleCodecs.decodeWithin("ModelInfo.name", ScaleCodecs.STRING, r),
                    ScaleCodecs.decodeWithin("ModelInfo.version", ScaleCodecs.U32, r),
                    ScaleCodecs.decodeWithin("ModelInfo.description", ScaleCodecs.STRING, r),
                    ScaleCodecs.decodeWithin("ModelInfo.io", ModelIo.CODEC, r),
                    ScaleCodecs.decodeWithin("ModelInfo.weight_commitment", PublicSignals.FR, r),
                    ScaleCodecs.decodeWithin("ModelInfo.key_id", H256.CODEC, r),
                    ScaleCodecs.decodeWithin("ModelInfo.code_hash", ScaleCodecs.option(H256.CODEC), r),
                    ScaleCodecs.decodeWithin("ModelInfo.price_per_inference", ScaleCodecs.U128, r),
                    ScaleCodecs.decodeWithin("ModelInfo.compute_units", ScaleCodecs.U64, r),
                    ScaleCodecs.decodeWithin("ModelInfo.registered_at", ScaleCodecs.U32, r),
                    ScaleCodecs.decodeWithin("ModelInfo.deprecated_at", ScaleCodecs.option(ScaleCodecs.U32), r)));

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
