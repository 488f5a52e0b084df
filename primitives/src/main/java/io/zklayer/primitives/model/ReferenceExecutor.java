package io.zklayer.primitives.model;

/**
 * Runs a {@link QuantizedModel} in exact integer arithmetic. This is the definition of model
 * semantics: the model's Wasm contract and circuit must give byte-identical outputs.
 *
 * <p>Input: one signed byte per element (row-major), each within the input range. Each layer
 * works on a vector of int32 values: Flatten keeps it, {@link Dense} computes
 * {@link Dense#requantize(long)} of {@code bias_j + Σ_i w_ji · x_i}. The output is encoded as
 * {@link OutputSpec} says. All arithmetic is checked ({@code Math.*Exact}); model validation
 * guarantees it never overflows for inputs in range.
 */
public final class ReferenceExecutor {
    private ReferenceExecutor() {
    }

    /** Returns the encoded output of {@code model} for the encoded {@code input}. */
    public static byte[] infer(QuantizedModel model, byte[] input) {
        return encodeOutput(model.output(), activations(model, decodeInput(model.input(), input)));
    }

    /**
     * Checks and widens the input bytes to values.
     *
     * @throws ModelInputException naming the wrong length or the first value out of range
     */
    public static int[] decodeInput(InputSpec spec, byte[] input) {
        if (input.length != spec.size()) {
            throw new ModelInputException("input length " + input.length + " does not match the model input size "
                    + spec.size());
        }
        int[] x = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            int v = input[i];
            if (v < spec.min() || v > spec.max()) {
                throw new ModelInputException("input[" + i + "] = " + v + " is outside [" + spec.min() + ", "
                        + spec.max() + "]");
            }
            x[i] = v;
        }
        return x;
    }

    /** Returns the final activation vector for checked input values. */
    public static int[] activations(QuantizedModel model, int[] input) {
        int[] x = input.clone();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                x = dense(d, x);
            }
        }
        return x;
    }

    private static int[] dense(Dense d, int[] x) {
        int[] y = new int[d.outputs()];
        for (int j = 0; j < d.outputs(); j++) {
            long acc = d.bias(j);
            for (int i = 0; i < d.inputs(); i++) {
                acc = Math.addExact(acc, Math.multiplyExact((long) d.weight(j, i), (long) x[i]));
            }
            y[j] = (int) d.requantize(acc);
        }
        return y;
    }

    /** Encodes the final activations as {@code spec} says. */
    public static byte[] encodeOutput(OutputSpec spec, int[] a) {
        if (spec instanceof OutputSpec.Logits) {
            byte[] out = new byte[4 * a.length];
            for (int k = 0; k < a.length; k++) {
                putIntLe(out, 4 * k, a[k]);
            }
            return out;
        }
        if (spec instanceof OutputSpec.ArgMax) {
            int best = 0;
            for (int k = 1; k < a.length; k++) {
                if (a[k] > a[best]) {
                    best = k;
                }
            }
            byte[] out = new byte[4];
            putIntLe(out, 0, best);
            return out;
        }
        OutputSpec.Threshold t = (OutputSpec.Threshold) spec;
        return new byte[] {(byte) (a[t.index()] >= t.threshold() ? 1 : 0)};
    }

    private static void putIntLe(byte[] out, int off, int v) {
        out[off] = (byte) v;
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) (v >>> 16);
        out[off + 3] = (byte) (v >>> 24);
    }
}
