package io.zklayer.zk.groth16;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.zk.TestData;
import io.zklayer.zk.Vectors;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.r1cs.ConstraintSystem;
import io.zklayer.zk.r1cs.R1csFile;
import io.zklayer.zk.r1cs.WtnsFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetupTest {
    private static ConstraintSystem system(String circuit) {
        return R1csFile.read(Vectors.bytes("snarkjs/" + circuit + "/" + circuit + ".r1cs")).system();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot2", "lt"})
    void setupFromPtauReproducesTheKeyMaterialSnarkjsDerived(String circuit) {
        ConstraintSystem cs = system(circuit);
        ProvingKey ours = Groth16Setup.fromPtau(cs, Vectors.sharedBytes("snarkjs/ptau/pot12_final.ptau"));
        ProvingKey theirs = ZkeyFile.read(Vectors.bytes("snarkjs/" + circuit + "/" + circuit + "_final.zkey"));
        // phase 2 changes only δ, C and H: everything else must be identical to snarkjs's key
        assertThat(ours.domainSize()).isEqualTo(theirs.domainSize());
        assertThat(ours.alpha1()).isEqualTo(theirs.alpha1());
        assertThat(ours.beta1()).isEqualTo(theirs.beta1());
        assertThat(ours.beta2()).isEqualTo(theirs.beta2());
        assertThat(ours.gamma2()).isEqualTo(theirs.gamma2());
        assertThat(ours.ic()).containsExactly(theirs.ic());
        assertThat(ours.a()).containsExactly(theirs.a());
        assertThat(ours.b1()).containsExactly(theirs.b1());
        assertThat(ours.b2()).containsExactly(theirs.b2());
    }

    @Test
    void keysFromPtauWithTwoContributionsProveAndVerify() {
        ConstraintSystem cs = system("dot2");
        TestData d = new TestData(77);
        ProvingKey pk = Groth16Setup.fromPtau(cs, Vectors.sharedBytes("snarkjs/ptau/pot12_final.ptau"));
        pk = Groth16Setup.contribute(pk, d.fr());
        pk = Groth16Setup.contribute(pk, d.fr());
        assertProvesAndVerifies("dot2", cs, pk, d);
    }

    @Test
    void insecureTestSetupFromSeededSecretsProvesAndVerifies() {
        ConstraintSystem cs = system("lt");
        TestData d = new TestData(78);
        ProvingKey pk = Groth16Setup.insecureSetupForTests(cs, new Groth16Setup.ToxicWaste(d.fr(), d.fr(), d.fr(), d.fr(), d.fr()));
        assertProvesAndVerifies("lt", cs, pk, d);
    }

    @Test
    void aProofForAnotherSetupOfTheSameCircuitDoesNotVerify() {
        ConstraintSystem cs = system("lt");
        TestData d = new TestData(79);
        ProvingKey one = Groth16Setup.insecureSetupForTests(cs, new Groth16Setup.ToxicWaste(d.fr(), d.fr(), d.fr(), d.fr(), d.fr()));
        ProvingKey two = Groth16Setup.insecureSetupForTests(cs, new Groth16Setup.ToxicWaste(d.fr(), d.fr(), d.fr(), d.fr(), d.fr()));
        Fr[] w = WtnsFile.read(Vectors.bytes("snarkjs/lt/proofs/witness_1.wtns"));
        Proof p = Groth16Prover.prove(one, w, d.fr(), d.fr());
        assertThat(Groth16Verifier.verify(PreparedVerifyingKey.of(two.verifyingKey()), p, cs.publicSignals(w)).isValid()).isFalse();
    }

    private static void assertProvesAndVerifies(String circuit, ConstraintSystem cs, ProvingKey pk, TestData d) {
        PreparedVerifyingKey vk = PreparedVerifyingKey.of(
                SnarkjsJson.readVerifyingKey(SnarkjsJson.writeVerifyingKey(pk.verifyingKey(), io.zklayer.zk.pairing.Pairing.pair(pk.alpha1(), pk.beta2()))));
        for (int k = 1; k <= 3; k++) {
            Fr[] w = WtnsFile.read(Vectors.bytes("snarkjs/" + circuit + "/proofs/witness_" + k + ".wtns"));
            List<Fr> pub = cs.publicSignals(w);
            Proof p = Groth16Prover.prove(pk, w, d.fr(), d.fr());
            assertThat(Groth16Verifier.verify(vk, p, pub)).isEqualTo(VerificationResult.VALID);
        }
    }
}
