package io.zklayer.sdk.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zklayer.primitives.RepoPaths;
import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.sdk.Evaluation;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.SdkTestData;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.wasm.engine.CallOutcome;
import io.zklayer.wasm.engine.ContractEngine;
import io.zklayer.wasm.engine.EngineConfig;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.WeightCommitment;
import io.zklayer.zk.r1cs.R1csFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackagerTest {
    private static final byte[] INPUT = {3, 0, 16, 9};
    private static final QuantizedModel MODEL = SdkTestData.smallModel(21);
    private static final List<String> PACKAGE_LINES = new CopyOnWriteArrayList<>();
    @TempDir
    static Path shared;
    private static ModelArtifact full;
    private static ModelArtifact otherSeed;

    // One key setup per seed for the whole class: setups are the slow part.
    @BeforeAll
    static void packageOnce() {
        full = ModelPackager.write(MODEL, "small", shared.resolve("full"), KeySetup.dev(), Optional.of(new Evaluation(10, 9, 8)),
                PACKAGE_LINES::add);
        otherSeed = ModelPackager.write(MODEL, "small", shared.resolve("other"), new KeySetup.DevSeeded(99), Optional.empty(),
                Progress.none());
    }

    private static Path copyOf(ModelArtifact a, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(a.dir())) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static ModelArtifact lean(Path dir, io.zklayer.zk.groth16.VerifyingKey vk) {
        return ModelPackager.writeWithoutProvingKey(MODEL, "small", dir, KeySetup.dev(), vk, Optional.empty(), Progress.none());
    }

    @Test
    void writesEveryFileAndTheLoadedArtifactProvesRunsThatVerify() throws Exception {
        QuantizedModel model = MODEL;
        List<String> lines = PACKAGE_LINES;
        ModelArtifact a = full;
        Path dir = a.dir();

        assertThat(ModelCodec.decode(Files.readAllBytes(dir.resolve("model.zkm")))).isEqualTo(model);
        assertThat(ModelJson.read(Files.readString(dir.resolve("model.json")))).isEqualTo(model);
        assertThat(R1csFile.read(Files.readAllBytes(dir.resolve("circuit.r1cs"))).system()).isEqualTo(a.circuit().system());
        assertThat(a.weightCommitment()).isEqualTo(WeightCommitment.of(model));
        assertThat(a.manifest().evaluation()).contains(new Evaluation(10, 9, 8));
        assertThat(a.manifest().setup().isDevSeeded()).isTrue();
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"kind\" : \"dev-seeded\"", "INSECURE");
        assertThat(lines).anyMatch(l -> l.startsWith("setup: Groth16 keys")).anyMatch(l -> l.startsWith("setup: done in"))
                .anyMatch(l -> l.startsWith("circuit: ") && l.contains("constraints"));

        try (ContractEngine engine = new ContractEngine(EngineConfig.defaults())) {
            CallOutcome out = engine.call(a.contract(), INPUT, 10_000_000);
            assertThat(((CallOutcome.Success) out).output()).isEqualTo(ReferenceExecutor.infer(model, INPUT));
        }
        ModelProver prover = ModelArtifact.load(dir).prover(new ProvingKeyCache(shared.resolve("unused-cache")), Progress.none());
        ProvedInference run = prover.prove(INPUT, new SecureRandom());
        assertThat(run.output()).isEqualTo(ReferenceExecutor.infer(model, INPUT));
        assertThat(prover.verify(INPUT, run.output(), run.proof())).isInstanceOf(VerificationResult.Valid.class);
        byte[] otherOutput = run.output().clone();
        otherOutput[0] ^= 1;
        assertThat(prover.verify(INPUT, otherOutput, run.proof())).isInstanceOf(VerificationResult.Invalid.class);
        assertThat(Files.exists(shared.resolve("unused-cache"))).as("a packaged proving key needs no cache").isFalse();
    }

    @Test
    void anArtifactWithoutProvingKeyRegeneratesItOnceThenReadsItFromTheCache(@TempDir Path tmp) {
        ModelArtifact lean = lean(tmp.resolve("lean"), full.verifyingKey());
        assertThat(lean.manifest().provingKey()).isEmpty();
        assertThat(Files.exists(tmp.resolve("lean/proving_key.zkey"))).isFalse();

        ProvingKeyCache cache = new ProvingKeyCache(tmp.resolve("cache"));
        List<String> first = new CopyOnWriteArrayList<>();
        lean.prover(cache, first::add).prove(INPUT, new SecureRandom());
        assertThat(first).anyMatch(l -> l.startsWith("setup: ")).anyMatch(l -> l.startsWith("keys: proving key cached at"));
        assertThat(cache.path(lean.circuitHashHex(), KeySetup.dev().id())).exists();

        List<String> second = new CopyOnWriteArrayList<>();
        ProvedInference run = ModelArtifact.load(tmp.resolve("lean")).prover(cache, second::add).prove(INPUT, new SecureRandom());
        assertThat(second).noneMatch(l -> l.startsWith("setup: ")).anyMatch(l -> l.startsWith("keys: proving key from cache"));
        assertThat(full.prover(cache, Progress.none()).verify(INPUT, run.output(), run.proof())).isInstanceOf(VerificationResult.Valid.class);
    }

    @Test
    void aCachedKeyOfAnotherSetupIsDiscardedAndRegenerated(@TempDir Path tmp) throws Exception {
        ModelArtifact lean = lean(tmp.resolve("lean"), full.verifyingKey());
        ModelArtifact other = otherSeed;
        ProvingKeyCache cache = new ProvingKeyCache(tmp.resolve("cache"));
        cache.store(lean.circuitHashHex(), KeySetup.dev().id(), Files.readAllBytes(other.dir().resolve("proving_key.zkey")));
        List<String> lines = new CopyOnWriteArrayList<>();
        lean.prover(cache, lines::add).prove(INPUT, new SecureRandom());
        assertThat(lines).anyMatch(l -> l.contains("does not match the verifying key; regenerating"));
    }

    @Test
    void aVerifyingKeyThatTheDevSeedDoesNotReproduceIsRefusedWhenTheProvingKeyIsRegenerated(@TempDir Path tmp) {
        ModelArtifact lean = lean(tmp.resolve("lean"), otherSeed.verifyingKey());
        assertThatThrownBy(() -> lean.prover(new ProvingKeyCache(tmp.resolve("cache")), Progress.none()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("the regenerated proving key (dev seed 0x5a4b4c5f44455631) does not match verification_key.json");
    }

    @Test
    void aPtauSetupRecordsTheFileAndItsKeysCannotBeRegenerated(@TempDir Path tmp) throws Exception {
        QuantizedModel model = MODEL;
        byte[] ptau = Files.readAllBytes(RepoPaths.root().resolve("../shared/vectors/snarkjs/ptau/pot12_final.ptau"));
        KeySetup.FromPtau setup = new KeySetup.FromPtau(ptau, new SecureRandom());
        ModelArtifact a = ModelPackager.write(model, "small", tmp.resolve("a"), setup, Optional.empty(), Progress.none());
        assertThat(a.manifest().setup().kind()).isEqualTo("ptau");
        assertThat(a.manifest().setup().power()).isEqualTo(12);
        assertThat(a.manifest().setup().ptauHash()).hasValueSatisfying(h -> assertThat(h).isEqualTo(setup.ptauHash()));
        ProvedInference run = a.prover(new ProvingKeyCache(tmp.resolve("cache")), Progress.none()).prove(INPUT, new SecureRandom());
        assertThat(run.output()).isEqualTo(ReferenceExecutor.infer(model, INPUT));

        Path noKey = tmp.resolve("a");
        String manifest = Files.readString(noKey.resolve("manifest.json"));
        String stripped = manifest.replaceAll(",\\s*\"provingKey\" : \\{[^}]*\\}", "");
        assertThat(stripped).doesNotContain("provingKey");
        Files.writeString(noKey.resolve("manifest.json"), stripped);
        assertThatThrownBy(() -> ModelArtifact.load(noKey).prover(new ProvingKeyCache(tmp.resolve("cache")), Progress.none()))
                .hasMessageContaining("keys from a .ptau setup cannot be regenerated");
    }

    @Test
    void loadingNamesTheFileThatDisagreesWithTheManifest(@TempDir Path tmp) throws Exception {
        Path dir = copyOf(full, tmp.resolve("copy"));
        byte[] wasm = Files.readAllBytes(dir.resolve("contract.wasm"));
        wasm[wasm.length - 1] ^= 1;
        Files.write(dir.resolve("contract.wasm"), wasm);
        assertThatThrownBy(() -> ModelArtifact.load(dir)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("artifact small: contract.wasm has blake2b-256").hasMessageContaining("but the manifest says");
        Files.delete(dir.resolve("contract.wasm"));
        assertThatThrownBy(() -> ModelArtifact.load(dir)).hasMessageContaining("contract.wasm is missing");
        assertThatThrownBy(() -> ModelArtifact.load(dir.resolve("nowhere"))).hasMessageContaining("no manifest.json");
    }

    @Test
    void aManifestWhoseWeightCommitmentIsNotTheModelsIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = copyOf(full, tmp.resolve("copy"));
        ModelArtifact a = ModelArtifact.load(dir);
        ArtifactManifest m = a.manifest();
        ArtifactManifest forged = new ArtifactManifest(m.name(), m.model(), m.modelJson(), m.contract(), m.circuit(), m.verifyingKey(),
                m.provingKey(), m.weightCommitment().add(io.zklayer.zk.field.Fr.ONE), m.circuitInfo(), m.setup(), m.evaluation());
        Files.writeString(dir.resolve("manifest.json"), forged.toJson(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelArtifact.load(dir)).hasMessageContaining("is not the Poseidon commitment of the model's weights");
    }

    @Test
    void aProvingKeyOfAnotherCircuitIsRefused(@TempDir Path tmp) throws Exception {
        ModelArtifact a = ModelArtifact.load(copyOf(full, tmp.resolve("a")));
        QuantizedModel bigger = new QuantizedModel(a.model().input(),
                List.of(new io.zklayer.primitives.model.ModelTestData(3).dense(4, 5, true)), a.model().output());
        ModelArtifact b = ModelPackager.write(bigger, "small", tmp.resolve("b"), KeySetup.dev(), Optional.empty(), Progress.none());
        byte[] otherKey = Files.readAllBytes(b.dir().resolve("proving_key.zkey"));
        Files.write(a.dir().resolve("proving_key.zkey"), otherKey);
        ArtifactManifest m = a.manifest();
        ArtifactManifest swapped = new ArtifactManifest(m.name(), m.model(), m.modelJson(), m.contract(), m.circuit(), m.verifyingKey(),
                b.manifest().provingKey(), m.weightCommitment(), m.circuitInfo(), m.setup(), m.evaluation());
        Files.writeString(a.dir().resolve("manifest.json"), swapped.toJson(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModelArtifact.load(a.dir()).prover(new ProvingKeyCache(tmp.resolve("c")), Progress.none()))
                .hasMessageContaining("proving_key.zkey is for a circuit of");
    }
}
