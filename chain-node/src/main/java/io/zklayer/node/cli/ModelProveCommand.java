package io.zklayer.node.cli;

import io.zklayer.node.worker.PoolWorkerLauncher;
import io.zklayer.primitives.Hex;
import io.zklayer.sdk.DigitsModel;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelProver;
import io.zklayer.sdk.pack.ProvedInference;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerificationResult;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.r1cs.WtnsFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer model prove}: proves one run of a packaged model locally, with progress during the
 * slow steps (a dev artifact's first proving-key regeneration, the proof), verifies the proof against
 * the artifact's verifying key and writes it in snarkjs's shapes, so that
 * {@code snarkjs groth16 verify verification_key.json public.json proof.json} checks it too:
 * {@code proof.json}, {@code public.json} (outputs, weight commitment, input commitment) and, with
 * {@code --wtns}, the full witness as {@code witness.wtns} (for {@code snarkjs wtns check} and
 * {@code snarkjs groth16 prove} with the artifact's {@code proving_key.zkey}).
 */
@Command(name = "prove", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prove one run of a packaged model locally and write proof.json and public.json (snarkjs shapes).",
                "The proof is verified against the artifact's verification_key.json before it is written."})
final class ModelProveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--artifact", required = true, paramLabel = "<dir>", description = "The artifact directory (from model package).")
    Path artifact;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--input", paramLabel = "<file>", description = "A text file of input values (-128…127), separated by commas or white space.")
        Path file;

        @Option(names = "--sample", paramLabel = "<n>", description = "Row n of --data (or of the shipped digits data for a digits artifact).")
        Integer sample;
    }

    @Option(names = "--data", paramLabel = "<csv>", description = "With --sample: the data set.")
    Path data;

    @Option(names = "--feature-scale", paramLabel = "<n>", defaultValue = "1", description = "With --data: multiply features by n. Default: ${DEFAULT-VALUE}.")
    int featureScale;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Where to write proof.json and public.json.")
    Path out;

    @Option(names = "--wtns", description = "Also write the witness as witness.wtns (snarkjs's format).")
    boolean wtns;

    @Option(names = "--key-cache", paramLabel = "<dir>",
            description = "Where regenerated dev proving keys are cached. Default: $XDG_CACHE_HOME/zklayer/proving-keys (~/.cache/…).")
    Path keyCache;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(artifact.resolve(ArtifactManifest.FILE_NAME))) {
            throw new ParameterException(spec.commandLine(), "--artifact " + artifact + " is not an artifact directory (no manifest.json)");
        }
        ModelArtifact a = ModelArtifact.load(artifact);
        byte[] x = input.file != null ? TxCommands.checked(spec, () -> WorkloadCommands.readInput(input.file)) : sample(a);
        if (x.length != a.model().input().size()) {
            throw new ParameterException(spec.commandLine(), "the input has " + x.length + " values but model " + a.name() + " takes "
                    + a.model().input().size());
        }
        Path cache = keyCache != null ? keyCache
                : PoolWorkerLauncher.keyCache(Path.of("."), true, System.getenv(), System.getProperty("user.home"));
        Progress progress = ModelCommands.progress(spec);
        ModelProver prover = a.prover(new ProvingKeyCache(cache), progress);
        ProvedInference run = progress.timed("prove", "Groth16 proof of " + a.name() + " (" + a.manifest().circuitInfo().constraints()
                + " constraints)", () -> prover.prove(x, new SecureRandom()));
        VerificationResult check = prover.verify(x, run.output(), run.proof());
        PrintWriter o = spec.commandLine().getOut();
        if (!(check instanceof VerificationResult.Valid)) {
            spec.commandLine().getErr().println("error: the proof does not verify: " + check);
            return 1;
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("proof.json"), SnarkjsJson.writeProof(run.proof()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("public.json"), SnarkjsJson.writePublicSignals(run.publicSignals()) + "\n", StandardCharsets.UTF_8);
        if (wtns) {
            Files.write(out.resolve("witness.wtns"), WtnsFile.write(ModelWitness.of(prover.circuit(), a.model(), x).values()));
        }
        o.printf(Locale.ROOT, "output: %s%n", Hex.encode(run.output()));
        o.printf(Locale.ROOT, "witness %d ms, proof %d ms; verified against %s%n", run.witnessNanos() / 1_000_000,
                run.proveNanos() / 1_000_000, artifact.resolve("verification_key.json"));
        o.println("wrote " + out.resolve("proof.json") + " and public.json" + (wtns ? " and witness.wtns" : ""));
        o.flush();
        return 0;
    }

    private byte[] sample(ModelArtifact a) {
        Dataset d;
        if (data != null) {
            CsvDataOptions csv = new CsvDataOptions();
            csv.data = data;
            csv.featureScale = featureScale;
            csv.header = "auto";
            d = csv.read(spec);
        } else if (a.name().equals("digits")) {
            d = DigitsModel.dataset();
        } else {
            throw new ParameterException(spec.commandLine(), "--sample: give --data <csv> for model " + a.name());
        }
        if (input.sample < 0 || input.sample >= d.size()) {
            throw new ParameterException(spec.commandLine(), "--sample must be 0…" + (d.size() - 1) + ", got " + input.sample);
        }
        return ModelCommands.toBytes(d.features()[input.sample]);
    }
}
