package io.zklayer.zk.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.Vectors;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.VerificationResult;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Groth16 over the digits circuit with a seeded test setup. The setup (about 20 s on 2 cores, mostly
 * G2 multiplications in {@code Groth16Setup.insecureSetupForTests}) is made once; 21 proofs follow
 * (about 0.8 s each). Timings go to standard output.
 */
class ModelCircuitProofTest {
    private static QuantizedModel model;
    private static ModelCircuit circuit;
    private static ModelCircuitKeys keys;
    private static Fr registered;

    @BeforeAll
    static void setup() {
        model = MlTestData.digitsModel();
        circuit = ModelCircuit.of(model);
        registered = WeightCommitment.of(model);
        long t0 = System.nanoTime();
        keys = ModelCircuitKeys.testSetup(circuit, 6005);
        System.out.printf("digits model circuit: %d constraints, %d wires, domain 2^%d; test setup %d ms%n",
                circuit.constraintCount(), circuit.wireCount(), Integer.numberOfTrailingZeros(Groth16Setup.domainSize(circuit.system())),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static SecureRandom blinding(long seed) {
        try {
            SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
            rng.setSeed(seed); // seeded so the test is reproducible
            return rng;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Proof timedProof(ModelWitness w, long seed) {
        long t0 = System.nanoTime();
        Proof proof = keys.prove(w, blinding(seed));
        System.out.printf("digits model circuit: prove %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return proof;
    }

    private static byte[] classBytes(int c) {
        return new byte[] {(byte) c, 0, 0, 0};
    }

    @Test
    void twentyDigitsProofsVerifyAndFailForAnotherClassAnotherWeightCommitmentOrAnotherInput() {
        List<byte[]> samples = ModelCircuitDigitsTest.twentySamples();
        for (int i = 0; i < samples.size(); i++) {
            byte[] x = samples.get(i);
            ModelWitness w = ModelWitness.of(circuit, model, x);
            Proof proof = Proof.fromBytes(timedProof(w, i).toBytes());
            List<Fr> signals = ModelPublicSignals.of(new OutputSpec.ArgMax(), w.output(), registered, x);
            long t0 = System.nanoTime();
            assertThat(keys.verify(proof, signals)).isEqualTo(VerificationResult.VALID);
            System.out.printf("digits model circuit: verify %.2f ms%n", (System.nanoTime() - t0) / 1e6);

            int predicted = w.output()[0];
            for (int other = 0; other < 10; other++) {
                if (other != predicted) {
                    List<Fr> lie = ModelPublicSignals.of(new OutputSpec.ArgMax(), classBytes(other), registered, x);
                    assertThat(keys.verify(proof, lie).isValid()).as("sample %d claimed class %d", i, other).isFalse();
                }
            }
            Fr otherWeights = WeightCommitment.of(new RandomModels(i).withOneParameterChanged(model));
            assertThat(keys.verify(proof, ModelPublicSignals.of(new OutputSpec.ArgMax(), w.output(), otherWeights, x)))
                    .isInstanceOf(VerificationResult.Invalid.class);
            byte[] otherInput = x.clone();
            otherInput[10] = (byte) (otherInput[10] == 16 ? 15 : otherInput[10] + 1);
            assertThat(keys.verify(proof, ModelPublicSignals.of(new OutputSpec.ArgMax(), w.output(), registered, otherInput)).isValid())
                    .isFalse();
        }
    }

    @Test
    void proofMadeWithOtherWeightsVerifiesOnlyAgainstThoseWeightsNotTheRegisteredOnes() {
        QuantizedModel swapped = new RandomModels(77).withOneParameterChanged(model);
        byte[] x = MlTestData.digitsSamples().get(42);
        ModelWitness w = ModelWitness.of(circuit, swapped, x);
        Proof proof = timedProof(w, 42);
        assertThat(keys.verify(proof, w.publicSignals()).isValid()).isTrue();
        List<Fr> claimed = ModelPublicSignals.of(new OutputSpec.ArgMax(), w.output(), registered, x);
        assertThat(keys.verify(proof, claimed).isValid()).isFalse();
    }

    @Test
    void keysFromAPtauFileWithAContributionProveASmallRandomModel() {
        RandomModels random = new RandomModels(404);
        QuantizedModel small = random.model();
        ModelCircuit c = ModelCircuit.of(small);
        assertThat(Groth16Setup.domainSize(c.system())).isLessThanOrEqualTo(1 << 12);
        ModelCircuitKeys k = ModelCircuitKeys.fromPtau(c, Vectors.sharedBytes("snarkjs/ptau/pot12_final.ptau"), Fr.of(0x5eed));
        for (int n = 0; n < 2; n++) {
            byte[] x = random.input(small.input());
            ModelWitness w = ModelWitness.of(c, small, x);
            Proof proof = k.prove(w, Fr.of(11 + n), Fr.of(13 + n));
            assertThat(k.verify(proof, ModelPublicSignals.of(small.output(), w.output(), WeightCommitment.of(small), x)))
                    .isEqualTo(VerificationResult.VALID);
            List<Fr> wrong = new java.util.ArrayList<>(w.publicSignals());
            wrong.set(0, wrong.get(0).add(Fr.ONE));
            assertThat(k.verify(proof, wrong).isValid()).isFalse();
        }
        assertThat(k.verifyingKey().publicCount()).isEqualTo(c.publicCount());
    }
}
