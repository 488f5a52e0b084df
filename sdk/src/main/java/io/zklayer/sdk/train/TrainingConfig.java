package io.zklayer.sdk.train;

/**
 * Hyper-parameters of {@link MlpTrainer}. The same config and data give byte-identical weights:
 * every random choice comes from {@code seed} and the arithmetic uses {@link StrictMath}.
 *
 * @param hidden hidden units
 * @param epochs passes over the training set
 * @param batchSize samples per Adam step
 * @param learningRate Adam step size
 * @param seed seed of weight initialisation and shuffling
 */
public record TrainingConfig(int hidden, int epochs, int batchSize, double learningRate, long seed) {
    /** Checks the values are usable. */
    public TrainingConfig {
        if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("training config: hidden, epochs, batchSize and learningRate must be positive");
        }
    }
}
