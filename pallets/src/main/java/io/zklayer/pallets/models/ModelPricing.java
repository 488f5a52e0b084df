package io.zklayer.pallets.models;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleRecord;
import java.math.BigInteger;

/**
 * What one inference of a model costs: the price a user pays and the compute units it takes from a pool
 * node's capacity. SCALE {@code {price_per_inference: Compact<u128>, compute_units: Compact<u64>}}: price
 * 1 unit (10^12) and 100 compute units are {@code 0x070010a5d4e8 9101}.
 *
 * @param pricePerInference the price per inference, in the smallest unit
 * @param computeUnits compute units per inference, at least 1
 */
public record ModelPricing(BigInteger pricePerInference, long computeUnits) {
    /** SCALE codec. */
    public static final ScaleCodec<ModelPricing> CODEC = ScaleRecord.of("ModelPricing",
            ScaleRecord.field("price_per_inference", ScaleCodecs.COMPACT_U128, ModelPricing::pricePerInference),
            ScaleRecord.field("compute_units", ScaleCodecs.COMPACT_U64, ModelPricing::computeUnits), ModelPricing::new);
}
