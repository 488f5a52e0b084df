package io.zklayer.node.cli;

import io.zklayer.primitives.Hex;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.pack.ArtifactManifest;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelPackager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code zklayer model package}: writes a model artifact directory (model, Wasm contract, circuit,
 * Groth16 keys, Poseidon weight commitment, manifest; see {@link ModelArtifact}) with progress lines
 * during the circuit compilation and the key setup.
 *
 * <p>Keys come from the deterministic dev setup by default (reproducible and INSECURE: the seed is
 * public) or, with {@code --setup ptau --ptau FILE}, from a phase-1 file plus a random phase-2
 * contribution (see {@link KeySetup}).
 */
@Command(name = "package", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Package a model as an artifact directory: model.zkm, model.json, contract.wasm, circuit.r1cs,",
                "verification_key.json, proving_key.zkey and manifest.json (hashes, Poseidon weight commitment, setup).",
                "Keys: --setup dev (default; deterministic from a public seed: INSECURE, dev chains only) or",
                "--setup ptau --ptau FILE (phase 1 from a .ptau file with at least the circuit's domain in powers,",
                "plus one random phase-2 contribution)."})
final class ModelPackageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<file|dir>",
            description = "A model file (.zkm or .json), a `model train` directory or an artifact directory.")
    Path model;

    @Option(names = "--name", required = true, paramLabel = "<name>",
            description = "Model name: 1…64 of a-z, 0-9, '_' and '-'.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Artifact directory to write.")
    Path out;

    @Option(names = "--setup", paramLabel = "<dev|ptau>", defaultValue = "dev",
            description = "How the Groth16 keys are made. Default: ${DEFAULT-VALUE}.")
    String setup;

    @Option(names = "--ptau", paramLabel = "<file>", description = "With --setup ptau: the prepared phase-1 file.")
    Path ptau;

    @Option(names = "--dev-seed", paramLabel = "<0x16 hex digits>",
            description = "With --setup dev: the public seed. Default: 0x5a4b4c5f44455631 (the shipped models' seed).")
    String devSeed;

    @Option(names = "--force", description = "Overwrite an existing artifact in --out.")
    boolean force;

    private final CliEnvironment env;

    ModelPackageCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        try {
            ArtifactManifest.requireName(name);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--name: " + e.getMessage().replace("artifact: ", ""));
        }
        KeySetup keys = keySetup();
        if (!force && Files.exists(out.resolve(ArtifactManifest.FILE_NAME))) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " already holds an artifact (pass --force to overwrite it)");
        }
        ModelSource source = TxCommands.checked(spec, () -> ModelSource.load(model));
        ModelArtifact a = ModelPackager.write(source.model(), name, out, keys, source.evaluation(), ModelCommands.progress(spec));
        PrintWriter o = spec.commandLine().getOut();
        ArtifactManifest m = a.manifest();
        o.println("artifact: " + out);
        o.println("weight commitment: " + Hex.encode(m.weightCommitment().toBytesBE()));
        o.printf(Locale.ROOT, "circuit: %,d constraints, %,d public signals, domain 2^%d%n", m.circuitInfo().constraints(),
                m.circuitInfo().publicSignals(), Integer.numberOfTrailingZeros(m.circuitInfo().domainSize()));
        o.println("keys: " + keys.describe());
        o.flush();
        if (keys instanceof KeySetup.DevSeeded) {
            spec.commandLine().getErr().println("warning: dev setup: anyone who knows the seed can forge proofs for this model;"
                    + " use --setup ptau for a real network");
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private KeySetup keySetup() {
        switch (setup.toLowerCase(Locale.ROOT)) {
            case "dev" -> {
                if (ptau != null) {
                    throw new ParameterException(spec.commandLine(), "--ptau needs --setup ptau");
                }
                if (devSeed == null) {
                    return KeySetup.dev();
                }
                if (!devSeed.matches("0x[0-9a-fA-F]{1,16}")) {
                    throw new ParameterException(spec.commandLine(), "--dev-seed must be 0x and 1…16 hex digits, got '" + devSeed + "'");
                }
                return new KeySetup.DevSeeded(Long.parseUnsignedLong(devSeed.substring(2), 16));
            }
            case "ptau" -> {
                if (ptau == null) {
                    throw new ParameterException(spec.commandLine(), "--setup ptau needs --ptau <file>");
                }
                if (devSeed != null) {
                    throw new ParameterException(spec.commandLine(), "--dev-seed needs --setup dev");
                }
                try {
                    KeySetup.FromPtau k = new KeySetup.FromPtau(Files.readAllBytes(ptau), secureRandom());
                    k.power();
                    return k;
                } catch (NoSuchFileException e) {
                    throw new ParameterException(spec.commandLine(), "--ptau " + ptau + ": no such file");
                } catch (IOException e) {
                    throw new UncheckedIOException("--ptau " + ptau + ": cannot read: " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    throw new ParameterException(spec.commandLine(), "--ptau " + ptau + ": " + e.getMessage());
                }
            }
            default -> throw new ParameterException(spec.commandLine(), "--setup must be dev or ptau, got '" + setup + "'");
        }
    }

    // The phase-2 secret must be unpredictable: the environment's randomness when it is a SecureRandom
    // (always, outside tests), else a fresh SecureRandom.
    private SecureRandom secureRandom() {
        return env.random() instanceof SecureRandom s ? s : new SecureRandom();
    }
}
