package io.zklayer.zk.ml;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.ModelInputException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.LinearCombination;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The witness of one model run for a {@link ModelCircuit}: every wire value, the public signals and the
 * output bytes. The output and every layer's activations come from {@link ReferenceExecutor}; the
 * circuit's own values are checked against them layer by layer, and the finished witness is checked to
 * satisfy the circuit's constraint system. A disagreement is a bug and throws
 * {@link IllegalStateException}; a bad input throws {@link ModelInputException} as the reference does.
 */
public final class ModelWitness {
    private final Fr[] values;
    private final List<Fr> publicSignals;
    private final byte[] output;
    private final List<List<LinearCombination>> layerOutputs;

    private ModelWitness(Fr[] values, List<Fr> publicSignals, byte[] output, List<List<LinearCombination>> layerOutputs) {
        this.values = values;
        this.publicSignals = publicSignals;
        this.output = output;
        this.layerOutputs = layerOutputs;
    }

    /**
     * Returns the witness of {@code model} on {@code input} for {@code circuit}.
     *
     * @throws IllegalArgumentException if the model's architecture is not the circuit's
     * @throws ModelInputException if the input has the wrong length or a value out of range
     */
    public static ModelWitness of(ModelCircuit circuit, QuantizedModel model, byte[] input) {
        if (!ModelCircuit.architectureOf(model).equals(circuit.architecture())) {
            throw new IllegalArgumentException("witness: the model's architecture differs from the circuit's");
        }
        int[] x = ReferenceExecutor.decodeInput(model.input(), input);
        byte[] output = ReferenceExecutor.infer(model, input);
        List<Fr> signals = ModelPublicSignals.of(model.output(), output, WeightCommitment.of(model), input);
        ModelSynthesis.Result r = ModelSynthesis.run(model, x, signals);
        CircuitWriter c = r.writer();
        for (int l = 0; l < model.layers().size(); l++) {
            if (model.layers().get(l) instanceof Dense) {
                QuantizedModel prefix = new QuantizedModel(model.input(), model.layers().subList(0, l + 1), new OutputSpec.Logits());
                int[] expected = ReferenceExecutor.activations(prefix, x);
                List<LinearCombination> got = r.layerOutputs().get(l);
                for (int j = 0; j < expected.length; j++) {
                    BigInteger v = c.signedValue(got.get(j));
                    if (!v.equals(BigInteger.valueOf(expected[j]))) {
                        throw new IllegalStateException("witness: layer " + l + " output " + j + " is " + v
                                + " in the circuit but " + expected[j] + " in the reference executor");
                    }
                }
            }
        }
        Fr[] values = c.witness();
        if (values.length != circuit.wireCount()) {
            throw new IllegalStateException("witness: " + values.length + " wires but the circuit has " + circuit.wireCount());
        }
        Optional<Integer> bad = circuit.system().firstViolation(values);
        if (bad.isPresent()) {
            throw new IllegalStateException("witness: violates constraint " + bad.get() + " of the circuit");
        }
        return new ModelWitness(values, signals, output, r.layerOutputs());
    }

    /** Returns a copy of all wire values (wire 0 = 1, then the public signals, then private wires). */
    public Fr[] values() {
        return values.clone();
    }

    /** Returns the public signals (outputs, weight commitment, input commitment). */
    public List<Fr> publicSignals() {
        return publicSignals;
    }

    /** Returns the output bytes, as {@link ReferenceExecutor#infer} returns them. */
    public byte[] output() {
        return output.clone();
    }

    /** Returns, per layer, the combinations holding that layer's outputs (for tests that tamper with them). */
    List<List<LinearCombination>> layerOutputs() {
        return layerOutputs;
    }
}
