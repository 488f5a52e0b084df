package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelCircuitDigitsTest {
    private static QuantizedModel model;
    private static ModelCircuit circuit;

    @BeforeAll
    static void compile() {
        model = MlTestData.digitsModel();
        circuit = ModelCircuit.of(model);
    }

    /** Every 90th row of the data set: 20 samples spread over all ten classes. */
    static List<byte[]> twentySamples() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(MlTestData.digitsSamples().get(90 * i));
        }
        return out;
    }

    @Test
    void witnessesOfTwentyDigitsSatisfyTheCircuitAndTheirPublicOutputsAreTheReferenceExecutors() {
        Fr weights = WeightCommitment.of(model);
        for (byte[] x : twentySamples()) {
            ModelWitness w = ModelWitness.of(circuit, model, x);
            byte[] expected = ReferenceExecutor.infer(model, x);
            assertThat(circuit.system().isSatisfiedBy(w.values())).isTrue();
            assertThat(w.output()).isEqualTo(expected);
            assertThat(circuit.system().publicSignals(w.values())).isEqualTo(w.publicSignals());
            int predicted = expected[0];
            assertThat(w.publicSignals()).containsExactly(Fr.of(predicted), weights, InputCommitment.of(x));
        }
    }

    @Test
    void digitsCircuitHasThreePublicSignalsAndFitsADomainOfTwoToTheFifteen() {
        assertThat(circuit.publicCount()).isEqualTo(3);
        assertThat(circuit.outputSignalCount()).isEqualTo(1);
        assertThat(circuit.weightCommitmentIndex()).isEqualTo(1);
        assertThat(circuit.inputCommitmentIndex()).isEqualTo(2);
        assertThat(circuit.constraintCount()).isEqualTo(31_347);
        assertThat(circuit.wireCount()).isEqualTo(31_191);
        assertThat(Groth16Setup.domainSize(circuit.system())).isEqualTo(1 << 15);
    }

    @Test
    void constraintSystemDoesNotDependOnTheWeightsOrTheInput() {
        byte[] x = MlTestData.digitsSamples().get(5);
        ModelSynthesis.Result r = ModelSynthesis.run(model, ReferenceExecutor.decodeInput(model.input(), x),
                ModelWitness.of(circuit, model, x).publicSignals());
        assertThat(r.writer().system()).isEqualTo(circuit.system());
        QuantizedModel other = new RandomModels(3).withOneParameterChanged(model);
        assertThat(ModelCircuit.of(other).system()).isEqualTo(circuit.system());
    }

    @Test
    void changingAnyOneWireOfADigitsWitnessBreaksAConstraint() {
        ModelWitness w = ModelWitness.of(circuit, model, MlTestData.digitsSamples().get(17));
        assertThat(Tampering.wiresFreeToChange(circuit.system(), w.values())).isEmpty();
    }

    @Test
    void noPairChangeAlongALinearConstraintOfADigitsWitnessGoesUnnoticed() {
        ModelWitness w = ModelWitness.of(circuit, model, MlTestData.digitsSamples().get(29));
        assertThat(Tampering.linearPairsFreeToChange(circuit.system(), w.values())).isEmpty();
    }

    @Test
    void witnessWithATamperedHiddenActivationDoesNotSatisfyTheCircuit() {
        ModelWitness w = ModelWitness.of(circuit, model, MlTestData.digitsSamples().get(3));
        LinearCombination hidden = w.layerOutputs().get(1).get(4);
        assertThat(hidden.size()).isEqualTo(1);
        Fr[] values = w.values();
        values[hidden.wireAt(0)] = values[hidden.wireAt(0)].add(Fr.ONE);
        assertThat(circuit.system().isSatisfiedBy(values)).isFalse();
    }

    @Test
    void witnessClaimingAnotherClassDoesNotSatisfyTheCircuit() {
        byte[] x = MlTestData.digitsSamples().get(8);
        ModelWitness w = ModelWitness.of(circuit, model, x);
        Fr[] values = w.values();
        values[1] = values[1].add(Fr.ONE);
        assertThat(circuit.system().isSatisfiedBy(values)).isFalse();
    }
}
