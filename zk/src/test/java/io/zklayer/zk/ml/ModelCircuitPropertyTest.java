package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Flatten;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ModelCircuitPropertyTest {
    private static void assertCircuitAgreesWithReference(QuantizedModel model, byte[] input) {
        assertCircuitAgreesWithReference(ModelCircuit.of(model), model, input);
    }

    private static void assertCircuitAgreesWithReference(ModelCircuit circuit, QuantizedModel model, byte[] input) {
        ModelWitness w = ModelWitness.of(circuit, model, input);
        byte[] expected = ReferenceExecutor.infer(model, input);
        assertThat(circuit.system().isSatisfiedBy(w.values())).isTrue();
        assertThat(w.output()).isEqualTo(expected);
        assertThat(circuit.system().publicSignals(w.values()))
                .isEqualTo(ModelPublicSignals.of(model.output(), expected, WeightCommitment.of(model), input));
    }

    @Property(tries = 60, seed = "6005")
    void smallRandomModelsAgreeWithTheReferenceExecutorOnRandomInputs(@ForAll long seed) {
        RandomModels random = new RandomModels(seed);
        QuantizedModel model = random.model();
        ModelCircuit circuit = ModelCircuit.of(model);
        for (int k = 0; k < 6; k++) {
            byte[] input = random.input(model.input());
            ModelWitness w = ModelWitness.of(circuit, model, input);
            byte[] expected = ReferenceExecutor.infer(model, input);
            assertThat(circuit.system().isSatisfiedBy(w.values())).isTrue();
            assertThat(w.output()).as("model %s input %s", model, java.util.Arrays.toString(input)).isEqualTo(expected);
            assertThat(circuit.system().publicSignals(w.values()))
                    .isEqualTo(ModelPublicSignals.of(model.output(), expected, WeightCommitment.of(model), input));
        }
    }

    @Property(tries = 15, seed = "6006")
    void noWireOrLinearPairOfARandomModelWitnessCanChangeUnnoticed(@ForAll long seed) {
        RandomModels random = new RandomModels(seed);
        QuantizedModel model = random.model();
        ModelCircuit circuit = ModelCircuit.of(model);
        ModelWitness w = ModelWitness.of(circuit, model, random.input(model.input()));
        assertThat(Tampering.wiresFreeToChange(circuit.system(), w.values())).isEmpty();
        assertThat(Tampering.linearPairsFreeToChange(circuit.system(), w.values())).isEmpty();
    }

    private static Dense dense(int in, int out, byte[] w, int[] b, int mult, int shift, boolean relu, int lo, int hi) {
        return new Dense(in, out, w, b, mult, shift, relu, lo, hi);
    }

    @Test
    void roundingHalvesUpForNegativeAndPositiveAccumulators() {
        // acc = x, t = 3x, y = (3x + 2) >> 2: x = 2 → 2 (6/4 = 1.5 rounds up), x = -2 → -1 (-1.5 rounds up)
        QuantizedModel model = new QuantizedModel(new InputSpec(List.of(1), -128, 127),
                List.of(dense(1, 1, new byte[] {1}, new int[] {0}, 3, 2, false, -1000, 1000)), new OutputSpec.Logits());
        ModelCircuit circuit = ModelCircuit.of(model);
        for (int x = -128; x <= 127; x++) {
            assertCircuitAgreesWithReference(circuit, model, new byte[] {(byte) x});
        }
        assertThat(ReferenceExecutor.infer(model, new byte[] {-2})).containsExactly(0xff, 0xff, 0xff, 0xff);
    }

    @Test
    void reluWithANegativeClampMaxAlwaysGivesClampMax() {
        QuantizedModel model = new QuantizedModel(new InputSpec(List.of(2), -5, 5),
                List.of(dense(2, 2, new byte[] {100, -100, -128, 127}, new int[] {3, -3}, 1, 0, true, -10, -4)),
                new OutputSpec.Logits());
        for (byte[] x : List.of(new byte[] {-5, 5}, new byte[] {5, -5}, new byte[] {0, 0})) {
            assertCircuitAgreesWithReference(model, x);
            assertThat(ReferenceExecutor.infer(model, x)).containsExactly(-4, -1, -1, -1, -4, -1, -1, -1);
        }
    }

    @Test
    void argmaxOfTiedClassesIsTheFirstAndThresholdIsInclusive() {
        // identical rows tie; the clamp saturates so ties are certain at the extremes
        byte[] w = {3, -2, 3, -2, -3, 2};
        QuantizedModel argmax = new QuantizedModel(new InputSpec(List.of(2, 1), -128, 127),
                List.of(new Flatten(), dense(2, 3, w, new int[] {1, 1, 1}, 1, 0, false, -20, 20)), new OutputSpec.ArgMax());
        for (byte[] x : List.of(new byte[] {0, 0}, new byte[] {100, -100}, new byte[] {-100, 100}, new byte[] {1, 1})) {
            assertCircuitAgreesWithReference(argmax, x);
        }
        assertThat(ReferenceExecutor.infer(argmax, new byte[] {0, 0})).containsExactly(0, 0, 0, 0);
        assertThat(ReferenceExecutor.infer(argmax, new byte[] {-100, 100})).containsExactly(2, 0, 0, 0);
        QuantizedModel threshold = new QuantizedModel(new InputSpec(List.of(1), -128, 127),
                List.of(dense(1, 1, new byte[] {1}, new int[] {0}, 1, 0, false, -128, 127)), new OutputSpec.Threshold(0, 7));
        for (int x : new int[] {-128, 6, 7, 8, 127}) {
            assertCircuitAgreesWithReference(threshold, new byte[] {(byte) x});
        }
        assertThat(ReferenceExecutor.infer(threshold, new byte[] {7})).containsExactly(1);
    }

    @Test
    void extremeParametersStayExact() {
        // full int32 biases and clamps, shift 0 and 62-free large multipliers, multiplier 0
        QuantizedModel model = new QuantizedModel(new InputSpec(List.of(3), -128, 127), List.of(
                dense(3, 2, new byte[] {-128, -128, -128, 127, 127, 127}, new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, 1, 0,
                        false, Integer.MIN_VALUE, Integer.MAX_VALUE),
                dense(2, 2, new byte[] {-128, 127, 1, -1}, new int[] {0, 5}, 65_535, 40, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
                dense(2, 1, new byte[] {9, 9}, new int[] {-7}, 0, 3, true, -1, 1)), new OutputSpec.Logits());
        for (byte[] x : List.of(new byte[] {-128, -128, -128}, new byte[] {127, 127, 127}, new byte[] {0, -1, 1})) {
            assertCircuitAgreesWithReference(model, x);
        }
    }

    @Test
    void modelWithoutDenseLayersOutputsItsInput() {
        QuantizedModel model = new QuantizedModel(new InputSpec(List.of(2, 2), -3, 9), List.of(new Flatten()), new OutputSpec.Logits());
        assertCircuitAgreesWithReference(model, new byte[] {-3, 9, 0, 4});
    }
}
