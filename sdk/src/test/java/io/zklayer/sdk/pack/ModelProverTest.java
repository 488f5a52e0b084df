package io.zklayer.sdk.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.SdkTestData;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.groth16.VerificationResult;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prover on the prepared key gives the plain key's proofs (one small-model key setup for the class). */
class ModelProverTest {
    private static final byte[] INPUT = {3, 0, 16, 9};
    private static final QuantizedModel MODEL = SdkTestData.smallModel(21);
    @TempDir
    static Path shared;
    private static ModelProver plain;

    @BeforeAll
    static void packageOnce() {
        ModelArtifact a = ModelPackager.write(MODEL, "small", shared.resolve("small"), KeySetup.dev(), Optional.empty(), Progress.none());
        plain = a.prover(new ProvingKeyCache(shared.resolve("unused-cache")), Progress.none());
    }

    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
        rng.setSeed(seed); // seeded before first use: the same stream of blinding factors every time
        return rng;
    }

    @Test
    void anArtifactsProverStartsOnThePlainKey() {
        assertThat(plain.isPrepared()).isFalse();
    }

    @Test
    void thePreparedProverGivesThePlainProversProofByteForByteForTheSameRandomnessAndItVerifies() throws Exception {
        ModelProver prepared = plain.prepared();
        assertThat(prepared.isPrepared()).isTrue();
        assertThat(prepared.circuit()).isSameAs(plain.circuit());

        ProvedInference fromPlain = plain.prove(INPUT, seeded(7));
        ProvedInference fromPrepared = prepared.prove(INPUT, seeded(7));
        assertThat(fromPrepared.proof().toBytes()).isEqualTo(fromPlain.proof().toBytes());
        assertThat(fromPrepared.output()).isEqualTo(fromPlain.output()).isEqualTo(ReferenceExecutor.infer(MODEL, INPUT));
        assertThat(fromPrepared.publicSignals()).isEqualTo(fromPlain.publicSignals());
        assertThat(prepared.verify(INPUT, fromPrepared.output(), fromPrepared.proof())).isInstanceOf(VerificationResult.Valid.class);
        assertThat(plain.verify(INPUT, fromPrepared.output(), fromPrepared.proof())).isInstanceOf(VerificationResult.Valid.class);

        ProvedInference otherRandomness = prepared.prove(INPUT, seeded(8));
        assertThat(otherRandomness.proof().toBytes()).isNotEqualTo(fromPrepared.proof().toBytes());
        assertThat(prepared.verify(INPUT, otherRandomness.output(), otherRandomness.proof())).isInstanceOf(VerificationResult.Valid.class);
    }

    @Test
    void preparingAPreparedProverReturnsItWithoutBuildingAnotherTable() {
        ModelProver prepared = plain.prepared();
        assertThat(prepared.prepared()).isSameAs(prepared);
    }

    @Test
    void theTableEstimateIs1620BytesPerDomainPoint() {
        int domain = Groth16Setup.domainSize(plain.circuit().system());
        assertThat(plain.preparedKeyBytes()).isEqualTo(1620L * domain)
                .isEqualTo(plain.prepared().preparedKeyBytes());
    }
}
