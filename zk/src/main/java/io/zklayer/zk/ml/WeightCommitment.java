package io.zklayer.zk.ml;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The Poseidon commitment to a model's weights and biases: the public signal by which a model circuit
 * proof names the (private) parameters it used. It is the value a model developer registers next to the
 * verifying key; the circuit recomputes it from its private weights, so a proof with other weights fails.
 *
 * <p>Definition. Walk the dense layers in order; for each, take its weights row-major by output as
 * 8-bit lanes {@code w + 128} (0..255), then its biases as 32-bit lanes {@code b + 2^31}. Pack the lanes
 * into 248-bit field elements little-endian without splitting a lane (31 weights, or 7 biases, per
 * element; see {@code LanePacker}), then hash the elements with the Poseidon chain under tag
 * {@code 0x5a4b4c57} ("ZKLW") and count = number of weights + biases: {@code h₀ = tag·2^64 + count},
 * {@code h ← Poseidon([h, next ≤ 15 elements])} until all are absorbed.
 *
 * <p>Example: one dense layer with weights {@code [1, -1]} and bias {@code [5]} gives lanes 129, 127
 * and 2147483653, the single element {@code 129 + 127·2^8 + 2147483653·2^16} = 140737488715649,
 * and the commitment {@code Poseidon([0x5a4b4c57·2^64 + 3, 140737488715649])}.
 *
 * <p>The architecture (shapes, multipliers, shifts, ReLU flags, clamps) is not part of this commitment:
 * it is fixed by the circuit, hence by the verifying key.
 */
public final class WeightCommitment {
    /** Domain tag of weight commitments, ASCII "ZKLW". */
    public static final long TAG = 0x5a4b4c57L;
    /** Lane width of one weight. */
    static final int WEIGHT_BITS = 8;
    /** Lane width of one bias. */
    static final int BIAS_BITS = 32;
    /** Offset making an int8 weight a lane value in 0..255. */
    static final int WEIGHT_OFFSET = 128;
    /** Offset making an int32 bias a lane value in 0..2^32 − 1. */
    static final long BIAS_OFFSET = 1L << 31;

    private WeightCommitment() {}

    /** Returns the commitment to the weights and biases of {@code model}. */
    public static Fr of(QuantizedModel model) {
        LanePacker packer = new LanePacker();
        List<BigInteger> elements = new ArrayList<>();
        long count = 0;
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                for (byte w : d.weights()) {
                    add(packer, elements, w + WEIGHT_OFFSET, WEIGHT_BITS);
                    count++;
                }
                for (int b : d.bias()) {
                    add(packer, elements, b + BIAS_OFFSET, BIAS_BITS);
                    count++;
                }
            }
        }
        return PoseidonChain.hash(TAG, count, toField(elements));
    }

    static void add(LanePacker packer, List<BigInteger> elements, long lane, int width) {
        int offset = packer.place(width);
        if (packer.currentElement() == elements.size()) {
            elements.add(BigInteger.ZERO);
        }
        int e = packer.currentElement();
        elements.set(e, elements.get(e).add(BigInteger.valueOf(lane).shiftLeft(offset)));
    }

    static List<Fr> toField(List<BigInteger> elements) {
        List<Fr> out = new ArrayList<>(elements.size());
        for (BigInteger e : elements) {
            out.add(Fr.fromBigInteger(e));
        }
        return out;
    }
}
