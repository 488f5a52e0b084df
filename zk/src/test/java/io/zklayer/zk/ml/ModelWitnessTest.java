package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.InputSpec;
import io.zklayer.primitives.model.ModelInputException;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.field.Fr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelWitnessTest {
    private final RandomModels random = new RandomModels(808);
    private final QuantizedModel model = random.model();
    private final ModelCircuit circuit = ModelCircuit.of(model);

    @Test
    void refusesAModelWhoseArchitectureIsNotTheCircuits() {
        QuantizedModel other = new RandomModels(809).model();
        assertThat(ModelCircuit.architectureOf(other)).isNotEqualTo(circuit.architecture());
        assertThatThrownBy(() -> ModelWitness.of(circuit, other, random.input(other.input())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("architecture differs from the circuit's");
    }

    @Test
    void acceptsOtherWeightsWithTheSameArchitecture() {
        QuantizedModel other = random.withOneParameterChanged(model);
        ModelWitness w = ModelWitness.of(circuit, other, random.input(model.input()));
        assertThat(w.publicSignals().get(circuit.weightCommitmentIndex())).isEqualTo(WeightCommitment.of(other))
                .isNotEqualTo(WeightCommitment.of(model));
    }

    @Test
    void refusesInputsTheReferenceExecutorRefuses() {
        QuantizedModel digits = MlTestData.digitsModel();
        ModelCircuit digitsCircuit = ModelCircuit.of(digits);
        byte[] x = MlTestData.digitsSamples().get(0).clone();
        x[5] = 17;
        assertThatThrownBy(() -> ModelWitness.of(digitsCircuit, digits, x))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("input[5] = 17 is outside [0, 16]");
        assertThatThrownBy(() -> ModelWitness.of(digitsCircuit, digits, new byte[63]))
                .isInstanceOf(ModelInputException.class).hasMessageContaining("input length 63");
    }

    @Test
    void valuesAreACopy() {
        ModelWitness w = ModelWitness.of(circuit, model, random.input(model.input()));
        Fr[] values = w.values();
        values[1] = values[1].add(Fr.ONE);
        assertThat(circuit.system().isSatisfiedBy(w.values())).isTrue();
        assertThat(circuit.system().isSatisfiedBy(values)).isFalse();
    }

    @Test
    void refusesToCompileAModelBeyondTheConstraintLimitBeforeBuildingIt() {
        Dense wide = new Dense(4096, 4096, new byte[4096 * 4096], new int[4096], 1, 0, false, -1, 1);
        QuantizedModel huge = new QuantizedModel(new InputSpec(List.of(4096), 0, 1), List.of(wide), new OutputSpec.ArgMax());
        assertThatThrownBy(() -> ModelCircuit.of(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 151126016 constraints, more than the limit of 8388608");
    }
}
