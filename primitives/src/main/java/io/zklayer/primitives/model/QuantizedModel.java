package io.zklayer.primitives.model;

import io.zklayer.primitives.hashing.Hashing;
import java.util.ArrayList;
import java.util.List;

/**
 * A quantized model: input spec, layers, output spec. Construction checks that the shapes chain
 * ({@code [8, 8]} → Flatten → {@code [64]} → Dense 64→32 → Dense 32→10), that the final tensor is
 * one-dimensional, and that no int64 intermediate of the {@link ReferenceExecutor} can overflow for
 * any input in range: for each dense layer with input bound {@code B} (the largest {@code |x|}),
 * {@code (max_j Σ_i |w_ji| · B + |bias|) · multiplier + 2^(shift-1) < 2^63}. The Wasm contract and
 * the circuit may therefore use plain wrapping i64 arithmetic.
 *
 * <p>Binary form: {@link ModelCodec}; commitment: {@link #commitment()}.
 *
 * @param input the input spec
 * @param layers 1 to 64 layers
 * @param output the output spec
 */
public record QuantizedModel(InputSpec input, List<Layer> layers, OutputSpec output) {
    /** Largest number of layers. */
    public static final int MAX_LAYERS = 64;

    /** Checks shapes, the output spec and the overflow bound. */
    public QuantizedModel {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw new ModelFormatException("model: must have 1 to " + MAX_LAYERS + " layers, got " + layers.size());
        }
        List<Integer> shape = new ArrayList<>(input.shape());
        long bound = Math.max(Math.abs(input.min()), Math.abs(input.max()));
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer instanceof Flatten) {
                int n = shape.stream().reduce(1, (a, b) -> a * b);
                shape = new ArrayList<>(List.of(n));
            } else if (layer instanceof Dense d) {
                if (shape.size() != 1) {
                    throw new ModelFormatException("model: layer " + l + " (dense) needs a 1-dimensional input but gets "
                            + shape + "; add a flatten layer first");
                }
                if (shape.get(0) != d.inputs()) {
                    throw new ModelFormatException("model: layer " + l + " (dense) expects " + d.inputs()
                            + " inputs but the previous layer gives " + shape.get(0));
                }
                long acc = Math.addExact(Math.multiplyExact(d.maxAbsWeightRowSum(), bound), d.maxAbsBias());
                long round = d.shift() == 0 ? 0 : 1L << (d.shift() - 1);
                if (d.multiplier() != 0 && acc > (Long.MAX_VALUE - round) / d.multiplier()) {
                    throw new ModelFormatException("model: layer " + l + " (dense) accumulator bound " + acc
                            + " times multiplier " + d.multiplier() + " may overflow int64");
                }
                bound = Math.max(Math.abs((long) d.clampMin()), Math.abs((long) d.clampMax()));
                shape = new ArrayList<>(List.of(d.outputs()));
            }
        }
        if (shape.size() != 1) {
            throw new ModelFormatException("model: the final tensor must be 1-dimensional, got " + shape
                    + "; end with a flatten or dense layer");
        }
        if (output instanceof OutputSpec.Threshold t && t.index() >= shape.get(0)) {
            throw new ModelFormatException("output: threshold index " + t.index() + " is outside the " + shape.get(0)
                    + " final values");
        }
    }

    /** Returns the number of values in the final activation vector. */
    public int finalSize() {
        for (int l = layers.size() - 1; l >= 0; l--) {
            if (layers.get(l) instanceof Dense d) {
                return d.outputs();
            }
        }
        return input.size();
    }

    /** Returns the number of bytes the model's output encodes to. */
    public int outputByteLength() {
        return output.byteLength(finalSize());
    }

    /** Returns the model's binary form (see {@link ModelCodec}). */
    public byte[] toBytes() {
        return ModelCodec.encode(this);
    }

    /** Returns blake2b-256 of the binary form: the commitment registered on chain. */
    public byte[] commitment() {
        return Hashing.blake2b256(toBytes());
    }
}
