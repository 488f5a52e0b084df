package io.zklayer.zk.ml;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.zk.r1cs.ConstraintSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The R1CS of a quantized model with private weights, biases and input. It proves that the public
 * outputs are what {@link ReferenceExecutor} computes for the weights behind the public
 * {@link WeightCommitment} and the input behind the public {@link InputCommitment}. Public signals:
 * outputs, weight commitment, input commitment (see {@link ModelPublicSignals}).
 *
 * <p>The constraint system depends only on the architecture (input shape and range, layer shapes,
 * multipliers, shifts, ReLU flags, clamps, output spec): range checks are sized for worst-case int8
 * weights and int32 biases, so the verifying key reveals nothing about the weights. Requantization
 * proves {@code y·2^shift ≤ t + 2^(shift−1) < (y+1)·2^shift} with the remainder as shift bits; ReLU,
 * clamps, argmax and threshold use sign tests that add 2^k to a signed difference before decomposing it
 * into k + 1 bits. Weights cost 8 booleanity constraints each, biases 32, products one each, Poseidon
 * 697 per 15 packed elements (31 weights or 7 biases per element). The digits model (64→32→10, argmax)
 * compiles to 31,347 constraints and 31,191 wires, a Groth16 domain of 2^15.
 */
public final class ModelCircuit {
    /**
     * Largest circuit compiled, 2^23 constraints: beyond it proving keys outgrow memory and phase-1 files
     * of ordinary ceremonies. Checked up front against a lower bound (9 per weight, 32 per bias).
     */
    public static final long MAX_CONSTRAINTS = 1L << 23;

    private final QuantizedModel architecture;
    private final ConstraintSystem system;
    private final int outputSignals;

    private ModelCircuit(QuantizedModel architecture, ConstraintSystem system, int outputSignals) {
        this.architecture = architecture;
        this.system = system;
        this.outputSignals = outputSignals;
    }

    /**
     * Returns the circuit of {@code model}'s architecture (its weights are not used).
     *
     * @throws IllegalArgumentException if the circuit would exceed {@link #MAX_CONSTRAINTS}
     */
    public static ModelCircuit of(QuantizedModel model) {
        long atLeast = minimumConstraints(model);
        if (atLeast > MAX_CONSTRAINTS) {
            throw new IllegalArgumentException("circuit: the model needs at least " + atLeast
                    + " constraints, more than the limit of " + MAX_CONSTRAINTS);
        }
        QuantizedModel arch = architectureOf(model);
        byte[] input = new byte[arch.input().size()];
        Arrays.fill(input, (byte) arch.input().min());
        int[] x = ReferenceExecutor.decodeInput(arch.input(), input);
        byte[] output = ReferenceExecutor.infer(arch, input);
        ModelSynthesis.Result r = ModelSynthesis.run(arch, x,
                ModelPublicSignals.of(arch.output(), output, WeightCommitment.of(arch), input));
        return new ModelCircuit(arch, r.writer().system(), ModelSynthesis.outputSignalCount(arch));
    }

    /** Returns a lower bound on the constraint count: 8 bits and one product per weight, 32 bits per bias. */
    static long minimumConstraints(QuantizedModel model) {
        long n = 0;
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                n += 9L * d.inputs() * d.outputs() + 32L * d.outputs();
            }
        }
        return n;
    }

    /** Returns {@code model} with every weight and bias set to 0: what the circuit is built from. */
    public static QuantizedModel architectureOf(QuantizedModel model) {
        List<Layer> layers = new ArrayList<>(model.layers().size());
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense d) {
                layers.add(new Dense(d.inputs(), d.outputs(), new byte[d.inputs() * d.outputs()], new int[d.outputs()],
                        d.multiplier(), d.shift(), d.relu(), d.clampMin(), d.clampMax()));
            } else {
                layers.add(layer);
            }
        }
        return new QuantizedModel(model.input(), layers, model.output());
    }

    /** Returns the architecture (the model with zero weights and biases). */
    public QuantizedModel architecture() {
        return architecture;
    }

    /** Returns the constraint system. */
    public ConstraintSystem system() {
        return system;
    }

    /** Returns the number of constraints. */
    public int constraintCount() {
        return system.constraints().size();
    }

    /** Returns the number of wires, including the constant wire 0. */
    public int wireCount() {
        return system.wireCount();
    }

    /** Returns the number of public signals: the outputs plus the two commitments. */
    public int publicCount() {
        return system.publicCount();
    }

    /** Returns the number of output signals (the final size for logits, else 1). */
    public int outputSignalCount() {
        return outputSignals;
    }

    /** Returns the index in the public signals of the weight commitment. */
    public int weightCommitmentIndex() {
        return outputSignals;
    }

    /** Returns the index in the public signals of the input commitment. */
    public int inputCommitmentIndex() {
        return outputSignals + 1;
    }

    @Override
    public String toString() {
        return "ModelCircuit[" + constraintCount() + " constraints, " + wireCount() + " wires, " + publicCount() + " public]";
    }
}
