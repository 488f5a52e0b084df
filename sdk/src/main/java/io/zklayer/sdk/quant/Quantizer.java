package io.zklayer.sdk.quant;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Flatten;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.train.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-training quantization of an {@link Mlp} to a {@link QuantizedModel}.
 *
 * <p>Inputs stay the integer features (real value {@code x / inputDivisor}). Each weight matrix is
 * quantized symmetrically per layer to int8 with scale {@code max|W| / 127}; each bias to int32 in
 * the accumulator's scale. The hidden activations are calibrated on the given data: their largest
 * value maps to 127 (uint7 after ReLU, clamp [0, 127]); the logits' largest magnitude maps to
 * 16384 (clamp to int16, leaving headroom for unseen inputs). Each layer's requantization scale
 * {@code accumulatorScale / outputScale} becomes a {@link Requantization}. The output is the
 * argmax class.
 */
public final class Quantizer {
    /** Largest quantized hidden activation. */
    public static final int HIDDEN_MAX = 127;
    /** Quantized value of the largest calibration logit. */
    public static final int LOGIT_TARGET = 16384;

    private Quantizer() {
    }

    /**
     * Quantizes {@code mlp}, calibrating activation ranges on {@code calibration}.
     *
     * @param inputShape shape of the integer input (e.g. [8, 8]); a flatten layer is added for rank
     *     above 1
     * @param inputMin smallest feature value (int8)
     * @param inputMax largest feature value (int8)
     */
    public static QuantizedModel quantize(Mlp mlp, Dataset calibration, List<Integer> inputShape, int inputMin,
            int inputMax) {
        double inputScale = 1.0 / mlp.inputDivisor();
        double[][] w1 = mlp.w1();
        double[][] w2 = mlp.w2();
        double hiddenMax = 0;
        double logitMax = 0;
        for (int[] x : calibration.features()) {
            double[] h = mlp.hiddenActivations(x);
            for (double v : h) {
                hiddenMax = Math.max(hiddenMax, v);
            }
            for (double z : mlp.logits(h)) {
                logitMax = Math.max(logitMax, Math.abs(z));
            }
        }
        if (!(hiddenMax > 0) || !(logitMax > 0)) {
            throw new IllegalStateException("calibration: activations are all zero; the model did not train");
        }
        double hiddenScale = hiddenMax / HIDDEN_MAX;
        double logitScale = logitMax / LOGIT_TARGET;

        double w1Scale = maxAbs(w1) / 127;
        double acc1Scale = w1Scale * inputScale;
        Dense first = dense(w1, mlp.b1(), w1Scale, acc1Scale, Requantization.of(acc1Scale / hiddenScale), true, 0,
                HIDDEN_MAX);
        double w2Scale = maxAbs(w2) / 127;
        double acc2Scale = w2Scale * hiddenScale;
        Dense second = dense(w2, mlp.b2(), w2Scale, acc2Scale, Requantization.of(acc2Scale / logitScale), false,
                Short.MIN_VALUE, Short.MAX_VALUE);
        List<Layer> layers = new ArrayList<>();
        if (inputShape.size() > 1) {
            layers.add(new Flatten());
        }
        layers.add(first);
        layers.add(second);
        return new QuantizedModel(new InputSpec(inputShape, inputMin, inputMax), layers, new OutputSpec.ArgMax());
    }

    private static Dense dense(double[][] w, double[] b, double wScale, double accScale, Requantization rq,
            boolean relu, int lo, int hi) {
        int outputs = w.length;
        int inputs = w[0].length;
        byte[] q = new byte[outputs * inputs];
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < inputs; i++) {
                q[j * inputs + i] = (byte) clamp(Math.round(w[j][i] / wScale), -127, 127);
            }
        }
        int[] bias = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = (int) clamp(Math.round(b[j] / accScale), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return new Dense(inputs, outputs, q, bias, rq.multiplier(), rq.shift(), relu, lo, hi);
    }

    private static double maxAbs(double[][] w) {
        double m = 0;
        for (double[] row : w) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        if (!(m > 0)) {
            throw new IllegalStateException("quantization: a weight matrix is all zero");
        }
        return m;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
