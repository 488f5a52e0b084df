package io.zklayer.pallets.models;

import io.zklayer.primitives.codec.ScaleCodec;
import io.zklayer.primitives.codec.ScaleCodecs;
import io.zklayer.primitives.codec.ScaleDecodeException;
import io.zklayer.primitives.codec.ScaleEnum;
import io.zklayer.primitives.codec.ScaleRecord;
import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelFormatException;
import io.zklayer.primitives.model.OutputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's input and output format as the registry stores it: the input's shape and range (one signed
 * byte per element, as {@link InputSpec} says), the output encoding ({@link OutputSpec}) and the number of
 * values in the model's final vector (the classes of an argmax model), which fixes the output's length.
 *
 * <p>SCALE, the same field layout as the model file ({@code .zkm}):
 * <pre>
 * input  {shape: Vec&lt;u32&gt;, min: i32, max: i32}
 * output enum {Logits = 0, ArgMax = 1, Threshold = 2 {index: u32, threshold: i32}}
 * output_values u32
 * </pre>
 * The digits model (8×8 input in 0..16, argmax over 10 classes) is {@code 08 08000000 08000000 00000000
 * 10000000 01 0a000000}.
 *
 * @param input the input format
 * @param output the output encoding
 * @param outputValues the length of the final vector, 1…4096
 */
public record ModelIo(InputSpec input, OutputSpec output, long outputValues) {
    /** Checks the output values are in 1…4096 and a threshold's index is one of them. */
    public ModelIo {
        if (outputValues < 1 || outputValues > Dense.MAX_WIDTH) {
            throw new IllegalArgumentException("model io: output_values " + outputValues + " is outside [1, "
                    + Dense.MAX_WIDTH + "]");
        }
        if (output instanceof OutputSpec.Threshold t && t.index() >= outputValues) {
            throw new IllegalArgumentException("model io: threshold index " + t.index() + " is not below output_values "
                    + outputValues);
        }
    }

    /** SCALE codec of {@link InputSpec}. */
    public static final ScaleCodec<InputSpec> INPUT_SPEC = ScaleRecord.of("InputSpec",
            ScaleRecord.field("shape", ScaleCodecs.of("Vec<u32>", 1, (w, shape) -> {
                w.compact(shape.size());
                shape.forEach(d -> w.u32(d));
            }, r -> {
                int start = r.position();
                int rank = r.length("InputSpec.shape", 4);
                if (rank > InputSpec.MAX_RANK) {
                    throw new ScaleDecodeException("InputSpec", start, "rank " + rank + " exceeds " + InputSpec.MAX_RANK);
                }
                List<Integer> shape = new ArrayList<>(rank);
                for (int i = 0; i < rank; i++) {
                    shape.add((int) Math.min(Integer.MAX_VALUE, r.u32()));
                }
                return shape;
            }), InputSpec::shape),
            ScaleRecord.field("min", ScaleCodecs.I32, InputSpec::min),
            ScaleRecord.field("max", ScaleCodecs.I32, InputSpec::max),
            (shape, min, max) -> {
                try {
                    return new InputSpec(shape, min, max);
                } catch (ModelFormatException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            });

    /** SCALE codec of {@link OutputSpec}: Logits 0, ArgMax 1, Threshold 2 {index u32, threshold i32}. */
    public static final ScaleCodec<OutputSpec> OUTPUT_SPEC = ScaleEnum.<OutputSpec>builder("OutputSpec")
            .variant(0, "Logits", OutputSpec.Logits.class, ScaleCodecs.unit("Logits", new OutputSpec.Logits()))
            .variant(1, "ArgMax", OutputSpec.ArgMax.class, ScaleCodecs.unit("ArgMax", new OutputSpec.ArgMax()))
            .variant(2, "Threshold", OutputSpec.Threshold.class, ScaleRecord.of("Threshold",
                    ScaleRecord.field("index", ScaleCodecs.U32, (OutputSpec.Threshold t) -> (long) t.index()),
                    ScaleRecord.field("threshold", ScaleCodecs.I32, OutputSpec.Threshold::threshold),
                    (index, threshold) -> {
                        if (index > Integer.MAX_VALUE) {
                            throw new IllegalArgumentException("threshold index " + index + " is too large");
                        }
                        return new OutputSpec.Threshold((int) (long) index, threshold);
                    }))
            .build();

    /** SCALE codec (see the class comment). */
    public static final ScaleCodec<ModelIo> CODEC = ScaleRecord.of("ModelIo",
            ScaleRecord.field("input", INPUT_SPEC, ModelIo::input),
            ScaleRecord.field("output", OUTPUT_SPEC, ModelIo::output),
            ScaleRecord.field("output_values", ScaleCodecs.U32, ModelIo::outputValues), ModelIo::new);

    /** Returns the input length in bytes (one per element): 64 for an 8×8 image. */
    public int inputLength() {
        return input.size();
    }

    /** Returns the output length in bytes: 4 for argmax, 1 for threshold, 4 × values for logits. */
    public int outputLength() {
        return output.byteLength((int) outputValues);
    }

    /** Returns how many public signals the model's output takes: one per logit, else one. */
    public int outputSignalCount() {
        return output instanceof OutputSpec.Logits ? (int) outputValues : 1;
    }

    /**
     * Returns the class an output names: the argmax value, the threshold bit (0 or 1), or the index of
     * the first largest logit; −1 when {@code output} is not a valid output of this format (wrong length,
     * class out of range, threshold byte other than 0 or 1).
     */
    public long predictedClass(byte[] output) {
        if (output.length != outputLength()) {
            return -1;
        }
        if (this.output instanceof OutputSpec.ArgMax) {
            long c = Integer.toUnsignedLong(intLe(output, 0));
            return c < outputValues ? c : -1;
        }
        if (this.output instanceof OutputSpec.Threshold) {
            return output[0] == 0 || output[0] == 1 ? output[0] : -1;
        }
        int best = 0;
        for (int k = 1; k < outputValues; k++) {
            if (intLe(output, 4 * k) > intLe(output, 4 * best)) {
                best = k;
            }
        }
        return best;
    }

    /** Returns the number of classes a label may name: 2 for threshold, else the output values. */
    public long classCount() {
        return output instanceof OutputSpec.Threshold ? 2 : outputValues;
    }

    private static int intLe(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
