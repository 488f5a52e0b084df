package io.zklayer.node.cli;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.model.Dense;
import io.zklayer.primitives.model.Flatten;
import io.zklayer.primitives.model.Layer;
import io.zklayer.primitives.model.OutputSpec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.Evaluation;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer model inspect <file|dir>}: what a model is (input, layers, output, parameter count),
 * its Poseidon weight commitment and circuit size, and for an artifact directory its files (each
 * checked against the manifest's hash), key setup and recorded accuracy.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a model file or artifact directory: input, layers, output, weight commitment, circuit size,",
                "and for an artifact its files (checked against the manifest), key setup and accuracy."})
final class ModelInspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file|dir>", description = "A model file (.zkm or .json), a `model train` directory or an artifact directory.")
    Path path;

    @Override
    public Integer call() throws IOException {
        ModelSource source = TxCommands.checked(spec, () -> ModelSource.load(path));
        QuantizedModel m = source.model();
        PrintWriter o = spec.commandLine().getOut();
        Optional<ModelArtifact> artifact = source.artifact();
        o.println("model: " + artifact.map(a -> a.name() + " (artifact " + path + ")").orElse(path.toString()));
        o.println("input: " + describeInput(m));
        o.println("layers: " + String.join("; ", layers(m)));
        o.println("output: " + describeOutput(m));
        long weights = 0;
        long biases = 0;
        for (Layer l : m.layers()) {
            if (l instanceof Dense d) {
                weights += (long) d.inputs() * d.outputs();
                biases += d.outputs();
            }
        }
        o.printf(Locale.ROOT, "parameters: %,d (%,d int8 weights, %,d int32 biases)%n", weights + biases, weights, biases);
        o.println("model hash (blake2b-256 of model.zkm): " + Hex.encode(m.commitment()));
        if (artifact.isPresent()) {
            ArtifactManifest mf = artifact.get().manifest();
            o.println("weight commitment (Poseidon): " + Hex.encode(mf.weightCommitment().toBytesBE()));
            ArtifactManifest.CircuitInfo c = mf.circuitInfo();
            o.printf(Locale.ROOT, "circuit: %,d constraints, %,d wires, %d public signals (%d output + 2 commitments), domain 2^%d%n",
                    c.constraints(), c.wires(), c.publicSignals(), c.outputSignals(), Integer.numberOfTrailingZeros(c.domainSize()));
            if (mf.setup().isDevSeeded()) {
                o.printf(Locale.ROOT, "keys: dev setup, seed 0x%016x (%s)%n", mf.setup().seed(), ArtifactManifest.SetupInfo.DEV_NOTE);
            } else {
                o.println("keys: phase 1 from a .ptau file with 2^" + mf.setup().power() + " powers (blake2b-256 "
                        + Hex.encode(mf.setup().ptauHash().orElseThrow()) + ") plus a random phase-2 contribution");
            }
            o.println("proving key: " + mf.provingKey().map(f -> f.path()).orElse("not in the artifact; regenerated from the dev seed on first use and cached"));
            mf.evaluation().ifPresent(e -> o.println("accuracy: " + describe(e)));
            o.println("files (hashes checked):");
            List<ArtifactManifest.FileEntry> files = new ArrayList<>(List.of(mf.model(), mf.modelJson(), mf.contract(), mf.circuit(),
                    mf.verifyingKey()));
            mf.provingKey().ifPresent(files::add);
            for (ArtifactManifest.FileEntry f : files) {
                o.printf(Locale.ROOT, "  %-22s %,12d bytes  %s%n", f.path(), Files.size(artifact.get().dir().resolve(f.path())),
                        Hex.encode(f.blake2b256()));
            }
        } else {
            o.println("weight commitment (Poseidon): " + Hex.encode(WeightCommitment.of(m).toBytesBE()));
            ModelCircuit c = ModelCircuit.of(m);
            o.printf(Locale.ROOT, "circuit: %,d constraints, %,d wires, %d public signals, domain 2^%d%n", c.constraintCount(), c.wireCount(),
                    c.publicCount(), Integer.numberOfTrailingZeros(Groth16Setup.domainSize(c.system())));
            source.evaluation().ifPresent(e -> o.println("accuracy: " + describe(e)));
        }
        o.flush();
        return 0;
    }

    static String describeInput(QuantizedModel m) {
        return "shape " + m.input().shape() + ", values " + m.input().min() + "…" + m.input().max() + " (" + m.input().size() + " bytes)";
    }

    static String describeOutput(QuantizedModel m) {
        OutputSpec s = m.output();
        String kind = s instanceof OutputSpec.ArgMax ? "argmax class index (u32 LE)"
                : s instanceof OutputSpec.Logits ? m.finalSize() + " logits (i32 LE)"
                : "threshold: 1 if value[" + ((OutputSpec.Threshold) s).index() + "] >= " + ((OutputSpec.Threshold) s).threshold();
        return kind + ", " + m.outputByteLength() + " bytes";
    }

    static List<String> layers(QuantizedModel m) {
        List<String> out = new ArrayList<>();
        for (Layer l : m.layers()) {
            if (l instanceof Flatten) {
                out.add("flatten");
            } else if (l instanceof Dense d) {
                out.add("dense " + d.inputs() + "→" + d.outputs() + (d.relu() ? " relu" : "") + " clamp " + d.clampMin() + "…" + d.clampMax());
            }
        }
        return out;
    }

    static String describe(Evaluation e) {
        return String.format(Locale.ROOT, "held-out %d of %d quantized (%.2f%%), float %.2f%%", e.quantizedCorrect(), e.samples(),
                100 * e.quantizedAccuracy(), 100 * e.floatAccuracy());
    }
}
