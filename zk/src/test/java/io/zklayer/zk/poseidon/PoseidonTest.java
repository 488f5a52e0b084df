package io.zklayer.zk.poseidon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zklayer.zk.Vectors;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.CircuitBuilder;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.LinearCombination;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseidonTest {
    private static final JsonNode CASES = Vectors.json("poseidon/poseidon_bn254.json");

    private static List<Fr> inputs(JsonNode c) {
        List<Fr> in = new ArrayList<>();
        c.get("inputs").forEach(v -> in.add(Fr.fromDecimal(v.asText())));
        return in;
    }

    @Test
    void nativeHashMatchesCircomlibjsForAll95Cases() {
        assertThat(CASES.size()).isEqualTo(95);
        List<String> mismatches = new ArrayList<>();
        for (JsonNode c : CASES) {
            Fr out = Poseidon.hash(inputs(c));
            if (!out.toString().equals(c.get("output").asText())) {
                mismatches.add(c.get("name").asText());
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(Poseidon.hash(Fr.of(1), Fr.of(2)).toString())
                .isEqualTo("7853200120776062878684798364095072458815029376092732009249414926327459813530");
    }

    @Test
    void gadgetWitnessSatisfiesItsConstraintsAndOutputsTheNativeHashForAll95Cases() {
        for (JsonNode c : CASES) {
            List<Fr> in = inputs(c);
            Fr expected = Fr.fromDecimal(c.get("output").asText());
            CircuitBuilder b = new CircuitBuilder();
            LinearCombination pub = b.publicInput(expected);
            List<LinearCombination> wires = new ArrayList<>();
            in.forEach(v -> wires.add(b.privateInput(v)));
            LinearCombination out = PoseidonGadget.hash(b, wires);
            b.assertEqual(out, pub);
            assertThat(b.value(out)).as(c.get("name").asText()).isEqualTo(expected);
            ConstraintSystem cs = b.system();
            assertThat(cs.firstViolation(b.witness())).as(c.get("name").asText()).isEmpty();
        }
    }

    @Test
    void gadgetRejectsAWitnessWithAWrongOutput() {
        CircuitBuilder b = new CircuitBuilder();
        LinearCombination pub = b.publicInput(Poseidon.hash(Fr.of(1), Fr.of(2)).add(Fr.ONE));
        LinearCombination out = PoseidonGadget.hash(b, List.of(b.privateInput(Fr.of(1)), b.privateInput(Fr.of(2))));
        b.assertEqual(out, pub);
        ConstraintSystem cs = b.system();
        assertThat(cs.constraints()).hasSize(3 * (8 * 3 + 57) + 3 * 64 + 1 + 1);
        assertThat(cs.firstViolation(b.witness())).contains(cs.constraints().size() - 1);
        Fr[] w = b.witness();
        w[5] = w[5].add(Fr.ONE); // corrupt an internal wire
        assertThat(cs.isSatisfiedBy(w)).isFalse();
    }
}
