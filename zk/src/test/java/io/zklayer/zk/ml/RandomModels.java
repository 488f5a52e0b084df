package io.zklayer.zk.ml;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Flatten;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.ModelFormatException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded builder of small random quantized models that stress the circuit: 2–3 dense layers, int8
 * weights over the full range (−128 and 127 included), small and full-range int32 biases, shifts from 0,
 * multipliers from 0, ReLU on and off, clamps that are tight, negative-only, empty after ReLU
 * (clampMax &lt; 0) or the whole int32 range, input ranges with negative values, and every output spec.
 */
final class RandomModels {
    private final Random random;

    RandomModels(long seed) {
        this.random = new Random(seed);
    }

    /** Returns a random valid model (models that could overflow int64 are redrawn). */
    QuantizedModel model() {
        while (true) {
            try {
                return draw();
            } catch (ModelFormatException overflow) {
                // the model builder's int64 bound rejected this draw: try another
            }
        }
    }

    private QuantizedModel draw() {
        int min = pick(-128, -128, -20, 0, -1, -128 + random.nextInt(200));
        int max = pick(127, 127, 16, Math.min(127, min + random.nextInt(40)), min, Math.max(min, random.nextInt(128)));
        if (max < min) {
            max = min;
        }
        List<Layer> layers = new ArrayList<>();
        InputSpec input;
        int width;
        if (random.nextBoolean()) {
            int a = 1 + random.nextInt(3);
            int b = 1 + random.nextInt(3);
            input = new InputSpec(List.of(a, b), min, max);
            layers.add(new Flatten());
            width = a * b;
        } else {
            width = 1 + random.nextInt(6);
            input = new InputSpec(List.of(width), min, max);
        }
        int dense = 2 + random.nextInt(2);
        for (int l = 0; l < dense; l++) {
            int outputs = 1 + random.nextInt(5);
            layers.add(dense(width, outputs));
            width = outputs;
        }
        OutputSpec output = switch (random.nextInt(3)) {
            case 0 -> new OutputSpec.Logits();
            case 1 -> new OutputSpec.ArgMax();
            default -> new OutputSpec.Threshold(random.nextInt(width), random.nextInt(401) - 200);
        };
        return new QuantizedModel(input, layers, output);
    }

    private Dense dense(int inputs, int outputs) {
        byte[] w = new byte[inputs * outputs];
        for (int k = 0; k < w.length; k++) {
            w[k] = (byte) pick(-128, 127, 0, random.nextInt(256) - 128, random.nextInt(256) - 128, random.nextInt(256) - 128);
        }
        boolean wideBias = random.nextInt(5) == 0;
        int[] bias = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            bias[j] = wideBias ? random.nextInt() : random.nextInt(4001) - 2000;
        }
        int multiplier = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1 << (1 + random.nextInt(16)));
        int shift = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(24);
        boolean relu = random.nextBoolean();
        int[] clamp = switch (random.nextInt(6)) {
            case 0 -> new int[] {-128, 127};
            case 1 -> new int[] {0, 127};
            case 2 -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case 3 -> new int[] {-50, -3};
            case 4 -> new int[] {-32768, 32767};
            default -> {
                int a = random.nextInt(601) - 300;
                yield new int[] {a, a + random.nextInt(300)};
            }
        };
        return new Dense(inputs, outputs, w, bias, multiplier, shift, relu, clamp[0], clamp[1]);
    }

    /** Returns a random input for {@code spec}; every fourth is all-min or all-max. */
    byte[] input(InputSpec spec) {
        byte[] x = new byte[spec.size()];
        int kind = random.nextInt(8);
        for (int i = 0; i < x.length; i++) {
            int v = kind == 0 ? spec.min() : kind == 1 ? spec.max() : spec.min() + random.nextInt(spec.max() - spec.min() + 1);
            x[i] = (byte) v;
        }
        return x;
    }

    /** Returns a copy of {@code model} with one weight or bias changed (the architecture is kept). */
    QuantizedModel withOneParameterChanged(QuantizedModel model) {
        List<Layer> layers = new ArrayList<>(model.layers());
        List<Integer> dense = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l) instanceof Dense) {
                dense.add(l);
            }
        }
        int l = dense.get(random.nextInt(dense.size()));
        Dense d = (Dense) layers.get(l);
        byte[] w = d.weights();
        int[] b = d.bias();
        if (random.nextBoolean()) {
            int k = random.nextInt(w.length);
            w[k] = (byte) (w[k] == 127 ? 126 : w[k] + 1);
        } else {
            int j = random.nextInt(b.length);
            b[j] = b[j] == Integer.MAX_VALUE ? b[j] - 1 : b[j] + 1;
        }
        layers.set(l, new Dense(d.inputs(), d.outputs(), w, b, d.multiplier(), d.shift(), d.relu(), d.clampMin(), d.clampMax()));
        return new QuantizedModel(model.input(), layers, model.output());
    }

    private int pick(int... options) {
        return options[random.nextInt(options.length)];
    }
}
