package io.zklayer.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Verifier;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.r1cs.WtnsFile;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code model} commands on the iris data set (150 samples, trains in well under a second). */
class ModelCommandsTest {
    @TempDir
    static Path shared;
    private static Path iris;
    private static Path trained;
    private static String trainOutput;

    @BeforeAll
    static void trainOnce() throws IOException {
        iris = shared.resolve("iris.csv");
        try (InputStream in = ModelCommandsTest.class.getResourceAsStream("/data/iris.csv")) {
            Files.write(iris, in.readAllBytes());
        }
        trained = shared.resolve("iris-model");
        CliHarness cli = new CliHarness(shared);
        int code = cli.run("model", "train", "--data", iris.toString(), "--feature-scale", "10", "--hidden", "8", "--seed", "1",
                "--out", trained.toString());
        assertThat(code).as(cli.err()).isZero();
        trainOutput = cli.out();
    }

    private static CliHarness run(int expectedCode, String... args) {
        CliHarness cli = new CliHarness(shared);
        assertThat(cli.run(args)).as("stdout: %s%nstderr: %s", cli.out(), cli.err()).isEqualTo(expectedCode);
        return cli;
    }

    @Test
    void trainReportsTheDataAndAccuracyAndWritesAReproducibleModel(@TempDir Path tmp) throws IOException {
        assertThat(trainOutput).contains("data: 150 samples, 4 features, 3 classes from " + iris + " (features 1…79)")
                .contains("train: MLP 4 → 8 → 3, 40 epochs, seed 1").contains("train: done in")
                .containsPattern("held-out accuracy on 30 samples: float \\d+\\.\\d\\d%, quantized \\d+\\.\\d\\d%");
        assertThat(trained.resolve("model.json")).exists();
        assertThat(Files.readString(trained.resolve("training.json"))).contains("\"featureScale\" : 10", "\"quantizedCorrect\"");
        run(0, "model", "train", "--data", iris.toString(), "--feature-scale", "10", "--hidden", "8", "--seed", "1", "--out", tmp.toString());
        assertThat(Files.readAllBytes(tmp.resolve("model.zkm"))).isEqualTo(Files.readAllBytes(trained.resolve("model.zkm")));
    }

    @Test
    void evaluateReportsAccuracyAndThatTheContractAgreesWithTheReference() {
        CliHarness cli = run(0, "model", "evaluate", "--model", trained.toString(), "--data", iris.toString(), "--feature-scale", "10");
        assertThat(cli.out()).contains("held-out split (seed 2024, fraction 0.2): 30 samples")
                .containsPattern("quantized accuracy: \\d+\\.\\d\\d% \\(\\d+ of 30\\)")
                .containsPattern("wasm contract: same output as the reference on 30 of 30 samples, \\d+ gas per inference");
        CliHarness all = run(0, "model", "evaluate", "--model", trained.resolve("model.zkm").toString(), "--data", iris.toString(),
                "--feature-scale", "10", "--all");
        assertThat(all.out()).contains("all samples: 150 samples").contains("class 2:");
    }

    @Test
    void packageWritesAnArtifactThatLoadsInspectShowsItAndProveWritesSnarkjsFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("iris-artifact");
        CliHarness cli = run(0, "model", "package", "--model", trained.toString(), "--name", "iris", "--out", out.toString());
        assertThat(cli.out()).contains("circuit: compiling the model circuit", "setup: Groth16 keys", "setup: done in",
                "artifact: " + out, "weight commitment: 0x");
        assertThat(cli.err()).contains("warning: dev setup");
        ModelArtifact a = ModelArtifact.load(out);
        assertThat(a.name()).isEqualTo("iris");
        assertThat(a.manifest().provingKey()).isPresent();
        assertThat(a.manifest().evaluation()).as("accuracy from training.json").isPresent();

        CliHarness inspect = run(0, "model", "inspect", out.toString());
        assertThat(inspect.out()).contains("model: iris (artifact " + out + ")", "input: shape [4], values 1…79 (4 bytes)",
                "layers: dense 4→8 relu clamp 0…127; dense 8→3", "output: argmax class index (u32 LE), 4 bytes",
                "parameters: 67 (56 int8 weights, 11 int32 biases)",
                "keys: dev setup, seed 0x5a4b4c5f44455631", "proving_key.zkey", "files (hashes checked):", "circuit.r1cs")
                .containsPattern("accuracy: held-out \\d+ of 30 quantized");

        CliHarness again = run(2, "model", "package", "--model", trained.toString(), "--name", "iris", "--out", out.toString());
        assertThat(again.err()).contains("already holds an artifact (pass --force to overwrite it)");

        Path proofDir = tmp.resolve("proof");
        CliHarness prove = run(0, "model", "prove", "--artifact", out.toString(), "--sample", "0", "--data", iris.toString(),
                "--feature-scale", "10", "--out", proofDir.toString(), "--wtns", "--key-cache", tmp.resolve("keys").toString());
        assertThat(prove.out()).contains("prove: Groth16 proof of iris", "prove: done in", "verified against");
        Proof proof = SnarkjsJson.readProof(Files.readString(proofDir.resolve("proof.json")));
        List<Fr> signals = SnarkjsJson.readPublicSignals(Files.readString(proofDir.resolve("public.json")));
        assertThat(signals).hasSize(3);
        assertThat(signals.get(1)).isEqualTo(a.weightCommitment());
        assertThat(Groth16Verifier.verify(PreparedVerifyingKey.of(a.verifyingKey()), proof, signals))
                .isInstanceOf(VerificationResult.Valid.class);
        Fr[] witness = WtnsFile.read(Files.readAllBytes(proofDir.resolve("witness.wtns")));
        assertThat(a.circuit().system().isSatisfiedBy(witness)).isTrue();
    }

    @Test
    void inspectOfAPlainModelFileCompilesItsCircuit() {
        CliHarness cli = run(0, "model", "inspect", trained.resolve("model.zkm").toString());
        assertThat(cli.out()).contains("weight commitment (Poseidon): 0x").containsPattern("circuit: [\\d,]+ constraints");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        assertThat(run(2, "model", "train", "--data", shared.resolve("missing.csv").toString(), "--hidden", "8", "--out", "x").err())
                .contains("--data " + shared.resolve("missing.csv") + ": no such file");
        assertThat(run(2, "model", "train", "--data", iris.toString(), "--feature-scale", "10", "--hidden", "0", "--out", "x").err())
                .contains("--hidden must be 1…127, got 0");
        assertThat(run(2, "model", "train", "--data", iris.toString(), "--feature-scale", "100", "--hidden", "4", "--out", "x").err())
                .contains("features span 10…790 after --feature-scale 100, outside the int8 inputs");
        assertThat(run(1, "model", "train", "--data", iris.toString(), "--hidden", "4", "--out", "x").err())
                .contains("is not an integer").contains("(decimal features need --feature-scale)");
        assertThat(run(2, "model", "package", "--model", trained.toString(), "--name", "Iris!", "--out", "x").err())
                .contains("--name: model name \"Iris!\"");
        assertThat(run(2, "model", "package", "--model", trained.toString(), "--name", "iris", "--out", "x", "--setup", "ptau").err())
                .contains("--setup ptau needs --ptau <file>");
        assertThat(run(2, "model", "inspect", shared.resolve("nothing").toString()).err()).contains("no such file or directory");
        assertThat(run(2, "model").err()).contains("model: missing subcommand");
    }

    @Test
    void ptauOptionsAreCheckedBeforeAnyWork() throws IOException {
        Path notPtau = shared.resolve("not.ptau");
        Files.write(notPtau, new byte[64]);
        assertThat(run(2, "model", "package", "--model", trained.toString(), "--name", "iris", "--out", "x", "--setup", "ptau",
                "--ptau", notPtau.toString()).err()).contains("--ptau " + notPtau + ": ptau: wrong magic");
        assertThat(run(2, "model", "package", "--model", trained.toString(), "--name", "iris", "--out", "x", "--ptau",
                notPtau.toString()).err()).contains("--ptau needs --setup ptau");
    }
}
