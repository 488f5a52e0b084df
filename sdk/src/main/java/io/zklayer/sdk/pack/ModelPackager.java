package io.zklayer.sdk.pack;

import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.Evaluation;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.R1csWriter;
import io.zklayer.sdk.keys.ZkeyWriter;
import io.zklayer.wasm.model.ModelWasmCompiler;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a model artifact directory (layout in {@link ModelArtifact}): the model file and its JSON
 * form, the Wasm contract, the circuit ({@code .r1cs}), the Groth16 keys ({@code verification_key.json},
 * {@code proving_key.zkey}) and {@code manifest.json} with the hashes, the Poseidon weight commitment
 * and the setup. The manifest is written last, so a directory without one is an unfinished package.
 * Slow steps (circuit compilation, key setup, writing the proving key) report progress.
 *
 * <pre>{@code
 * ModelArtifact a = ModelPackager.write(model, "digits", Path.of("out/digits"), KeySetup.dev(),
 *         Optional.of(evaluation), Progress.to(System.out));
 * }</pre>
 */
public final class ModelPackager {
    /** File name of the binary model in an artifact. */
    public static final String MODEL_FILE = "model.zkm";
    /** File name of the model's JSON form. */
    public static final String MODEL_JSON = "model.json";
    /** File name of the Wasm contract. */
    public static final String CONTRACT = "contract.wasm";
    /** File name of the circuit description. */
    public static final String CIRCUIT = "circuit.r1cs";
    /** File name of the verifying key. */
    public static final String VERIFYING_KEY = "verification_key.json";
    /** File name of the proving key. */
    public static final String PROVING_KEY = "proving_key.zkey";

    private ModelPackager() {
    }

    /**
     * Packages {@code model} as {@code name} into {@code dir} with keys from {@code setup}, including the
     * proving key, and returns the loaded artifact.
     */
    public static ModelArtifact write(QuantizedModel model, String name, Path dir, KeySetup setup, Optional<Evaluation> evaluation,
            Progress progress) {
        ArtifactManifest.requireName(name);
        Written base = writeModelAndCircuit(model, name, dir, progress);
        ModelCircuit circuit = base.circuit();
        ModelCircuitKeys keys = progress.timed("setup", "Groth16 keys, " + setup.describe() + ", " + circuit.constraintCount()
                + " constraints (domain " + Groth16Setup.domainSize(circuit.system()) + ")", () -> setup.run(circuit));
        ArtifactManifest.FileEntry vk = writeFile(dir, VERIFYING_KEY, verifyingKeyJson(keys.verifyingKey()).getBytes(StandardCharsets.UTF_8));
        ArtifactManifest.FileEntry pk = progress.timed("proving key", "writing " + PROVING_KEY,
                () -> writeFile(dir, PROVING_KEY, ZkeyWriter.write(keys.provingKey())));
        ArtifactManifest.SetupInfo info = setup instanceof KeySetup.DevSeeded d ? ArtifactManifest.SetupInfo.dev(d.seed())
                : new ArtifactManifest.SetupInfo(ArtifactManifest.SetupInfo.PTAU, 0, Optional.of(((KeySetup.FromPtau) setup).ptauHash()),
                        ((KeySetup.FromPtau) setup).power());
        return finish(model, name, dir, base, vk, Optional.of(pk), info, evaluation, progress);
    }

    /**
     * Packages {@code model} with a verifying key made earlier by the dev setup {@code setup} and no
     * proving key: users of the artifact regenerate the proving key (and the check that it matches
     * {@code verifyingKey}) on first use. This is how the shipped digits model is packaged, so that
     * nodes and genesis need no 20-second setup to know its key.
     */
    public static ModelArtifact writeWithoutProvingKey(QuantizedModel model, String name, Path dir, KeySetup.DevSeeded setup,
            VerifyingKey verifyingKey, Optional<Evaluation> evaluation, Progress progress) {
        ArtifactManifest.requireName(name);
        Written base = writeModelAndCircuit(model, name, dir, progress);
        if (verifyingKey.publicCount() != base.circuit().publicCount()) {
            throw new ArtifactException("artifact " + name + ": the verifying key takes " + verifyingKey.publicCount()
                    + " public signals, the circuit has " + base.circuit().publicCount());
        }
        ArtifactManifest.FileEntry vk = writeFile(dir, VERIFYING_KEY, verifyingKeyJson(verifyingKey).getBytes(StandardCharsets.UTF_8));
        return finish(model, name, dir, base, vk, Optional.empty(), ArtifactManifest.SetupInfo.dev(setup.seed()), evaluation, progress);
    }

    /** Returns snarkjs's {@code verification_key.json} text for {@code vk} (with {@code vk_alphabeta_12}). */
    public static String verifyingKeyJson(VerifyingKey vk) {
        return SnarkjsJson.writeVerifyingKey(vk, PreparedVerifyingKey.of(vk).alphaBeta()) + "\n";
    }

    private record Written(ArtifactManifest.FileEntry model, ArtifactManifest.FileEntry json, ArtifactManifest.FileEntry contract,
            ArtifactManifest.FileEntry circuitFile, ModelCircuit circuit) {
    }

    private static Written writeModelAndCircuit(QuantizedModel model, String name, Path dir, Progress progress) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(ArtifactManifest.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("package: cannot prepare " + dir, e);
        }
        progress.report("package: " + name + " into " + dir);
        ArtifactManifest.FileEntry m = writeFile(dir, MODEL_FILE, model.toBytes());
        ArtifactManifest.FileEntry j = writeFile(dir, MODEL_JSON, ModelJson.write(model).getBytes(StandardCharsets.UTF_8));
        ArtifactManifest.FileEntry w = writeFile(dir, CONTRACT, ModelWasmCompiler.compile(model).wasm());
        progress.report("contract: " + CONTRACT + " written");
        ModelCircuit circuit = progress.timed("circuit", "compiling the model circuit", () -> ModelCircuit.of(model));
        progress.report("circuit: " + circuit.constraintCount() + " constraints, " + circuit.wireCount() + " wires, "
                + circuit.publicCount() + " public signals");
        ArtifactManifest.FileEntry r = writeFile(dir, CIRCUIT, R1csWriter.write(circuit.system(), circuit.outputSignalCount()));
        return new Written(m, j, w, r, circuit);
    }

    private static ModelArtifact finish(QuantizedModel model, String name, Path dir, Written base, ArtifactManifest.FileEntry vk,
            Optional<ArtifactManifest.FileEntry> pk, ArtifactManifest.SetupInfo setup, Optional<Evaluation> evaluation, Progress progress) {
        ModelCircuit c = base.circuit();
        ArtifactManifest manifest = new ArtifactManifest(name, base.model(), base.json(), base.contract(), base.circuitFile(), vk, pk,
                WeightCommitment.of(model),
                new ArtifactManifest.CircuitInfo(c.constraintCount(), c.wireCount(), c.publicCount(), c.outputSignalCount(),
                        Groth16Setup.domainSize(c.system())),
                setup, evaluation);
        writeFile(dir, ArtifactManifest.FILE_NAME, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        progress.report("package: done, weight commitment " + io.zklayer.primitives.Hex.encode(manifest.weightCommitment().toBytesBE()));
        return ModelArtifact.load(dir);
    }

    private static ArtifactManifest.FileEntry writeFile(Path dir, String name, byte[] bytes) {
        Path target = dir.resolve(name);
        try {
            Path tmp = Files.createTempFile(dir, ".partial-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("package: cannot write " + target, e);
        }
        return new ArtifactManifest.FileEntry(name, Hashing.blake2b256(bytes));
    }
}
