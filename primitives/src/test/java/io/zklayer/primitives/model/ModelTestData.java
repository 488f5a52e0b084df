package io.zklayer.primitives.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded builder of random but valid quantized models and inputs, shared with the Wasm and sdk
 * tests through the primitives test-jar. The same seed gives the same model.
 */
public final class ModelTestData {
    private final Random random;

    /** Creates a builder whose choices all follow from {@code seed}. */
    public ModelTestData(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a random model: optional 2-D input with flatten, 1–3 dense layers, any output kind. */
    public QuantizedModel model() {
        int[][] ranges = {{0, 16}, {-8, 7}, {-128, 127}, {0, 1}, {-1, 1}};
        int[] range = ranges[random.nextInt(ranges.length)];
        List<Layer> layers = new ArrayList<>();
        InputSpec input;
        int width;
        if (random.nextBoolean()) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            input = new InputSpec(List.of(rows, cols), range[0], range[1]);
            layers.add(new Flatten());
            width = rows * cols;
        } else {
            width = 1 + random.nextInt(24);
            input = new InputSpec(List.of(width), range[0], range[1]);
        }
        int depth = 1 + random.nextInt(3);
        for (int l = 0; l < depth; l++) {
            int outputs = 1 + random.nextInt(16);
            layers.add(dense(width, outputs, l == depth - 1));
            width = outputs;
        }
        OutputSpec output = switch (random.nextInt(3)) {
            case 0 -> new OutputSpec.Logits();
            case 1 -> new OutputSpec.ArgMax();
            default -> new OutputSpec.Threshold(random.nextInt(width), random.nextInt(41) - 20);
        };
        return new QuantizedModel(input, layers, output);
    }

    /** Returns a random dense layer; the last layer of a model gets a wider int16 clamp. */
    public Dense dense(int inputs, int outputs, boolean last) {
        byte[] w = new byte[inputs * outputs];
        random.nextBytes(w);
        int[] bias = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = random.nextInt(1 << 16) - (1 << 15);
        }
        int multiplier = (1 << 14) + random.nextInt(1 << 16);
        int shift = 12 + random.nextInt(14);
        boolean relu = !last && random.nextBoolean();
        int lo = last ? -32768 : (relu ? 0 : -128);
        int hi = last ? 32767 : 127;
        return new Dense(inputs, outputs, w, bias, multiplier, shift, relu, lo, hi);
    }

    /** Returns a random in-range input for {@code spec}. */
    public byte[] input(InputSpec spec) {
        byte[] x = new byte[spec.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (spec.min() + random.nextInt(spec.max() - spec.min() + 1));
        }
        return x;
    }

    /** Returns the digits-shaped model: [8, 8] in [0, 16], flatten, dense 64→32 ReLU, dense 32→10, argmax. */
    public QuantizedModel digitsShaped() {
        return new QuantizedModel(new InputSpec(List.of(8, 8), 0, 16),
                List.of(new Flatten(), dense(64, 32, false), dense(32, 10, true)), new OutputSpec.ArgMax());
    }
}
