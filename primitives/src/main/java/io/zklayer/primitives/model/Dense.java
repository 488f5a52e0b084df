package io.zklayer.primitives.model;

import java.util.Arrays;

/**
 * A fully connected layer over int8 weights with integer requantization. For output {@code j}:
 *
 * <pre>
 *   acc_j = bias[j] + Σ_i weights[j·inputs + i] · x[i]                  (int64, checked)
 *   t_j   = acc_j · multiplier                                         (int64, checked)
 *   y_j   = shift == 0 ? t_j : (t_j + 2^(shift-1)) >> shift             (arithmetic shift)
 *   y_j   = relu ? max(y_j, 0) : y_j
 *   out_j = min(max(y_j, clampMin), clampMax)
 * </pre>
 *
 * <p>The shift step is {@code floor(t / 2^shift + 1/2)}: rounding to nearest with halves rounded
 * up (towards +∞), e.g. {@code t = 6, shift = 2} → 2 and {@code t = -6, shift = 2} → -1. The
 * effective real scale is {@code multiplier / 2^shift}.
 */
public final class Dense implements Layer {
    /** Largest number of inputs or outputs of one layer. */
    public static final int MAX_WIDTH = 4096;

    private final int inputs;
    private final int outputs;
    private final byte[] weights;
    private final int[] bias;
    private final int multiplier;
    private final int shift;
    private final boolean relu;
    private final int clampMin;
    private final int clampMax;

    /**
     * Creates the layer, checking sizes and parameter ranges.
     *
     * @param inputs number of inputs, 1…4096
     * @param outputs number of outputs, 1…4096
     * @param weights {@code outputs × inputs} int8 weights, row-major by output (copied)
     * @param bias {@code outputs} int32 biases in accumulator scale (copied)
     * @param multiplier requantization multiplier, ≥ 0
     * @param shift requantization right shift, 0…62
     * @param relu whether negative results become 0
     * @param clampMin lower clamp, ≤ clampMax
     * @param clampMax upper clamp
     */
    public Dense(int inputs, int outputs, byte[] weights, int[] bias, int multiplier, int shift, boolean relu,
            int clampMin, int clampMax) {
        if (inputs < 1 || inputs > MAX_WIDTH || outputs < 1 || outputs > MAX_WIDTH) {
            throw new ModelFormatException("dense: inputs " + inputs + " and outputs " + outputs + " must be in [1, "
                    + MAX_WIDTH + "]");
        }
        if (weights.length != inputs * outputs) {
            throw new ModelFormatException("dense: " + weights.length + " weights but inputs × outputs = "
                    + inputs * outputs);
        }
        if (bias.length != outputs) {
            throw new ModelFormatException("dense: " + bias.length + " biases but " + outputs + " outputs");
        }
        if (multiplier < 0) {
            throw new ModelFormatException("dense: multiplier " + multiplier + " is negative");
        }
        if (shift < 0 || shift > 62) {
            throw new ModelFormatException("dense: shift " + shift + " is outside [0, 62]");
        }
        if (clampMin > clampMax) {
            throw new ModelFormatException("dense: clamp [" + clampMin + ", " + clampMax + "] is empty");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.multiplier = multiplier;
        this.shift = shift;
        this.relu = relu;
        this.clampMin = clampMin;
        this.clampMax = clampMax;
    }

    /** Returns the number of inputs. */
    public int inputs() {
        return inputs;
    }

    /** Returns the number of outputs. */
    public int outputs() {
        return outputs;
    }

    /** Returns a copy of the weights, row-major by output. */
    public byte[] weights() {
        return weights.clone();
    }

    /** Returns a copy of the biases. */
    public int[] bias() {
        return bias.clone();
    }

    /** Returns weight {@code (output j, input i)}. */
    public int weight(int j, int i) {
        return weights[j * inputs + i];
    }

    /** Returns bias {@code j}. */
    public int bias(int j) {
        return bias[j];
    }

    /** Returns the requantization multiplier. */
    public int multiplier() {
        return multiplier;
    }

    /** Returns the requantization shift. */
    public int shift() {
        return shift;
    }

    /** Returns whether ReLU is applied. */
    public boolean relu() {
        return relu;
    }

    /** Returns the lower clamp. */
    public int clampMin() {
        return clampMin;
    }

    /** Returns the upper clamp. */
    public int clampMax() {
        return clampMax;
    }

    /**
     * Returns the requantized, activated and clamped output for accumulator {@code acc}; the
     * single definition of the requantization step.
     */
    public long requantize(long acc) {
        long t = Math.multiplyExact(acc, (long) multiplier);
        long y = shift == 0 ? t : Math.addExact(t, 1L << (shift - 1)) >> shift;
        if (relu && y < 0) {
            y = 0;
        }
        return Math.min(Math.max(y, clampMin), clampMax);
    }

    /** Returns the largest {@code |bias_j|}. */
    long maxAbsBias() {
        long best = 0;
        for (int b : bias) {
            best = Math.max(best, Math.abs((long) b));
        }
        return best;
    }

    /** Returns the largest {@code Σ_i |w_ji|} over outputs, without biases. */
    long maxAbsWeightRowSum() {
        long best = 0;
        for (int j = 0; j < outputs; j++) {
            long s = 0;
            for (int i = 0; i < inputs; i++) {
                s += Math.abs(weights[j * inputs + i]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dense d && d.inputs == inputs && d.outputs == outputs && d.multiplier == multiplier
                && d.shift == shift && d.relu == relu && d.clampMin == clampMin && d.clampMax == clampMax
                && Arrays.equals(d.weights, weights) && Arrays.equals(d.bias, bias);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(bias)) + multiplier * 7 + shift;
    }

    @Override
    public String toString() {
        return "Dense[" + inputs + " -> " + outputs + ", multiplier=" + multiplier + ", shift=" + shift + ", relu="
                + relu + ", clamp=[" + clampMin + ", " + clampMax + "]]";
    }
}
