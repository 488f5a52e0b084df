package io.zklayer.runtime.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layouts of pallet structs whose codecs are written by hand ({@code ScaleCodecs.of}) rather
 * than with {@code ScaleRecord}, so that the metadata cannot read their fields from the codec:
 * each is listed here by its codec's type name, field by field in encoding order with SCALE type
 * names. A struct codec written as a {@code ScaleRecord} (any number of fields with
 * {@code ScaleRecord.ofFields}) needs no entry, and takes precedence over one.
 *
 * <p>These layouts must follow their codecs; the metadata tests decode real encodings with them.
 */
final class DeclaredShapes {
    /** One field: name and SCALE type name. */
    record Field(String name, String type) {}

    static final Map<String, List<Field>> STRUCTS = Map.of(
            // pallet_models: ModelIo.INPUT_SPEC
            "InputSpec", fields("shape", "Vec<u32>", "min", "i32", "max", "i32"),
            // pallet_models: ModelInfo.CODEC
            "ModelInfo", fields("owner", "AccountId32", "name", "String", "version", "u32", "description", "String",
                    "io", "ModelIo", "weight_commitment", "[u8; 32]", "key_id", "H256", "code_hash", "Option<H256>",
                    "price_per_inference", "u128", "compute_units", "u64", "registered_at", "u32",
                    "deprecated_at", "Option<u32>"),
            // pallet_inference: Workload.CODEC
            "Workload", fields("owner", "AccountId32", "model", "u32", "input", "WorkloadInput",
                    "input_commitment", "[u8; 32]", "max_price", "u128", "price", "u128", "deadline_blocks", "u32",
                    "submitted_at", "u64", "attempts", "u8", "status", "WorkloadStatus"),
            // pallet_verifier: EncodedVerifyingKey.CODEC (Groth16 key, Ethereum point encodings)
            "VerifyingKey", fields("alpha", "[u8; 64]", "beta", "[u8; 128]", "gamma", "[u8; 128]", "delta", "[u8; 128]",
                    "ic", "Vec<[u8; 64]>"));

    private DeclaredShapes() {}

    private static List<Field> fields(String... nameTypePairs) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            out.add(new Field(nameTypePairs[i], nameTypePairs[i + 1]));
        }
        return List.copyOf(out);
    }
}
