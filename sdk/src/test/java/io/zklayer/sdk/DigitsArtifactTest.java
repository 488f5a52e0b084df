package io.zklayer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.keys.ZkeyWriter;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelPackager;
import io.zklayer.sdk.pack.ModelProver;
import io.zklayer.sdk.pack.ProvedInference;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped digits artifact: its verifying key is what the dev setup regenerates (one ~20 s setup per class). */
class DigitsArtifactTest {
    private static ModelCircuitKeys keys;

    @BeforeAll
    static void regenerateTheDevKeys() {
        keys = KeySetup.dev().run(ModelCircuit.of(DigitsModel.model()));
    }

    @Test
    void regeneratingTheDevSetupGivesTheShippedVerifyingKeyByteForByte() {
        assertThat(keys.verifyingKey()).isEqualTo(DigitsModel.verifyingKey());
        assertThat(ModelPackager.verifyingKeyJson(keys.verifyingKey()))
                .isEqualTo(new String(SdkTestData.resource(DigitsModel.VERIFYING_KEY_RESOURCE), StandardCharsets.UTF_8));
    }

    @Test
    void theShippedArtifactProvesSampleZeroWithACachedKeyAndTheProofVerifiesAgainstTheShippedKey(@TempDir Path tmp) {
        ModelArtifact artifact = DigitsModel.writeArtifact(tmp.resolve("digits"), Progress.none());
        assertThat(artifact.manifest().provingKey()).isEmpty();
        assertThat(artifact.manifest().circuitInfo().constraints()).isEqualTo(31_347);
        assertThat(artifact.manifest().circuitInfo().domainSize()).isEqualTo(1 << 15);
        ProvingKeyCache cache = new ProvingKeyCache(tmp.resolve("cache"));
        cache.store(artifact.circuitHashHex(), KeySetup.dev().id(), ZkeyWriter.write(keys.provingKey()));

        List<String> lines = new CopyOnWriteArrayList<>();
        ModelProver prover = artifact.prover(cache, lines::add);
        assertThat(lines).anyMatch(l -> l.startsWith("keys: proving key from cache"));
        byte[] sample = toBytes(DigitsModel.dataset().features()[0]);
        ProvedInference run = prover.prove(sample, new SecureRandom());
        assertThat(run.output()).isEqualTo(ReferenceExecutor.infer(artifact.model(), sample));
        assertThat(run.proof().toBytes()).hasSize(256);
        assertThat(prover.verify(sample, run.output(), run.proof())).isInstanceOf(VerificationResult.Valid.class);
    }

    static byte[] toBytes(int[] x) {
        byte[] b = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = (byte) x[i];
        }
        return b;
    }
}
