package io.zklayer.sdk;

import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.quant.Quantizer;
import io.zklayer.sdk.train.Mlp;
import io.zklayer.sdk.train.MlpTrainer;
import io.zklayer.sdk.train.TrainingConfig;
import java.util.List;

/**
 * The model developer's pipeline in one call: split, train, quantize, evaluate.
 *
 * <pre>{@code
 * ModelKit.Result r = ModelKit.build(data, new TrainingConfig(32, 40, 32, 0.003, 1), 2024, 0.2, List.of(8, 8), 0, 16);
 * byte[] modelFile = r.model().toBytes();
 * }</pre>
 */
public final class ModelKit {
    private ModelKit() {
    }

    /**
     * The outcome of a build.
     *
     * @param mlp the trained float model
     * @param model the quantized model
     * @param evaluation held-out accuracy of both
     */
    public record Result(Mlp mlp, QuantizedModel model, Evaluation evaluation) {
    }

    /**
     * Splits {@code data} with {@code splitSeed} ({@code testFraction} held out), trains on the rest,
     * quantizes with the training set as calibration data and evaluates on the held-out part.
     */
    public static Result build(Dataset data, TrainingConfig config, long splitSeed, double testFraction,
            List<Integer> inputShape, int inputMin, int inputMax) {
        Dataset.Split split = data.split(splitSeed, testFraction);
        Mlp mlp = MlpTrainer.train(split.train(), config);
        QuantizedModel model = Quantizer.quantize(mlp, split.train(), inputShape, inputMin, inputMax);
        return new Result(mlp, model, evaluate(mlp, model, split.test()));
    }

    /** Returns the accuracy of {@code mlp} and of {@code model} (an argmax model) on {@code test}. */
    public static Evaluation evaluate(Mlp mlp, QuantizedModel model, Dataset test) {
        if (!(model.output() instanceof OutputSpec.ArgMax)) {
            throw new IllegalArgumentException("evaluation needs an argmax model, got " + model.output());
        }
        int floatCorrect = 0;
        int quantCorrect = 0;
        for (int s = 0; s < test.size(); s++) {
            int[] x = test.features()[s];
            int label = test.labels()[s];
            if (mlp.predict(x) == label) {
                floatCorrect++;
            }
            if (predict(model, x) == label) {
                quantCorrect++;
            }
        }
        return new Evaluation(test.size(), floatCorrect, quantCorrect);
    }

    /** Returns the class the quantized argmax model gives for integer features {@code x}. */
    public static int predict(QuantizedModel model, int[] x) {
        byte[] in = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = (byte) x[i];
        }
        byte[] out = ReferenceExecutor.infer(model, in);
        return (out[0] & 0xFF) | (out[1] & 0xFF) << 8 | (out[2] & 0xFF) << 16 | (out[3] & 0xFF) << 24;
    }
}
