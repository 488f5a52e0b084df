package io.zklayer.sdk;

/**
 * Held-out accuracy of a model before and after quantization.
 *
 * @param samples number of held-out samples
 * @param floatCorrect samples the float model classifies correctly
 * @param quantizedCorrect samples the quantized model (reference executor) classifies correctly
 */
public record Evaluation(int samples, int floatCorrect, int quantizedCorrect) {
    /** Returns the float model's accuracy in [0, 1]. */
    public double floatAccuracy() {
        return (double) floatCorrect / samples;
    }

    /** Returns the quantized model's accuracy in [0, 1]. */
    public double quantizedAccuracy() {
        return (double) quantizedCorrect / samples;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "held-out accuracy on %d samples: float %.2f%%, quantized %.2f%%",
                samples, 100 * floatAccuracy(), 100 * quantizedAccuracy());
    }
}
