package io.zklayer.sdk.pack;

import io.zklayer.primitives.Hex;
import io.zklayer.primitives.hashing.Hashing;
import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.Progress;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.keys.ProvingKeyCache;
import io.zklayer.sdk.keys.R1csWriter;
import io.zklayer.sdk.keys.ZkeyWriter;
import io.zklayer.wasm.model.ModelWasmCompiler;
import io.zklayer.zk.ZkFormatException;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Groth16Setup;
import io.zklayer.zk.groth16.PreparedVerifyingKey;
import io.zklayer.zk.groth16.ProvingKey;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import io.zklayer.zk.groth16.ZkeyFile;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A model artifact directory, loaded and checked: the files named in its {@code manifest.json} exist
 * and have the hashes it states, the model file and its JSON form agree, the Wasm contract is what the
 * model compiles to, the weight commitment is the Poseidon commitment of the model's weights, and the
 * verifying key has one input per public signal of the circuit. The circuit is compiled on first use
 * and checked against {@code circuit.r1cs}; the proving key is read from the artifact, or from a
 * {@link ProvingKeyCache}, or (dev setups only) regenerated, and in every case checked to match the
 * verifying key.
 *
 * <p>Layout, as {@link ModelPackager} writes it:
 * <pre>
 * digits/
 *   manifest.json            names, hashes, weight commitment, circuit size, setup
 *   model.zkm  model.json    the quantized model (binary and readable)
 *   contract.wasm            the metered Wasm contract
 *   circuit.r1cs             the circuit (circom r1cs v1)
 *   verification_key.json    snarkjs verifying key: what is registered on chain
 *   proving_key.zkey         snarkjs proving key (optional for dev setups: regenerated and cached)
 * </pre>
 */
public final class ModelArtifact {
    /** Largest file of an artifact read into memory: 1 GiB (proving keys of 2^22-constraint circuits). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private final Path dir;
    private final ArtifactManifest manifest;
    private final QuantizedModel model;
    private final byte[] contract;
    private final VerifyingKey verifyingKey;
    private ModelCircuit circuit;

    private ModelArtifact(Path dir, ArtifactManifest manifest, QuantizedModel model, byte[] contract, VerifyingKey verifyingKey) {
        this.dir = dir;
        this.manifest = manifest;
        this.model = model;
        this.contract = contract;
        this.verifyingKey = verifyingKey;
    }

    /**
     * Returns the artifact in {@code dir}, checked as described above (except the circuit and proving
     * key, checked on first use).
     *
     * @throws ArtifactException naming the file and the rule it breaks
     */
    public static ModelArtifact load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path manifestPath = dir.resolve(ArtifactManifest.FILE_NAME);
        ArtifactManifest m;
        try {
            if (Files.size(manifestPath) > ArtifactManifest.MAX_CHARS * 4L) {
                throw new ArtifactException("artifact " + dir + ": manifest.json is larger than " + ArtifactManifest.MAX_CHARS * 4 + " bytes");
            }
            m = ArtifactManifest.parse(Files.readString(manifestPath, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ArtifactException("artifact " + dir + ": no manifest.json (is this a model artifact directory?)");
        } catch (IOException e) {
            throw new ArtifactException("artifact " + dir + ": cannot read manifest.json: " + e.getMessage(), e);
        }
        String where = "artifact " + m.name();
        QuantizedModel model;
        try {
            model = ModelCodec.decode(read(dir, m.model(), where));
        } catch (RuntimeException e) {
            throw new ArtifactException(where + ": " + m.model().path() + " is not a model file: " + e.getMessage(), e);
        }
        QuantizedModel fromJson;
        try {
            fromJson = ModelJson.read(new String(read(dir, m.modelJson(), where), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new ArtifactException(where + ": " + m.modelJson().path() + " is not a model JSON file: " + e.getMessage(), e);
        }
        if (!fromJson.equals(model)) {
            throw new ArtifactException(where + ": " + m.modelJson().path() + " describes another model than " + m.model().path());
        }
        byte[] contract = read(dir, m.contract(), where);
        if (!Arrays.equals(contract, ModelWasmCompiler.compile(model).wasm())) {
            throw new ArtifactException(where + ": " + m.contract().path() + " is not the contract the model compiles to");
        }
        Fr commitment = WeightCommitment.of(model);
        if (!commitment.equals(m.weightCommitment())) {
            throw new ArtifactException(where + ": weightCommitment " + Hex.encode(m.weightCommitment().toBytesBE())
                    + " is not the Poseidon commitment of the model's weights (" + Hex.encode(commitment.toBytesBE()) + ")");
        }
        VerifyingKey vk;
        try {
            vk = SnarkjsJson.readVerifyingKey(new String(read(dir, m.verifyingKey(), where), StandardCharsets.UTF_8));
        } catch (ZkFormatException e) {
            throw new ArtifactException(where + ": " + m.verifyingKey().path() + ": " + e.getMessage(), e);
        }
        if (vk.publicCount() != m.circuitInfo().publicSignals()) {
            throw new ArtifactException(where + ": the verifying key takes " + vk.publicCount() + " public signals, the circuit has "
                    + m.circuitInfo().publicSignals());
        }
        return new ModelArtifact(dir, m, model, contract, vk);
    }

    static byte[] read(Path dir, ArtifactManifest.FileEntry entry, String where) {
        Path p = dir.resolve(entry.path());
        byte[] bytes;
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new ArtifactException(where + ": " + entry.path() + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new ArtifactException(where + ": " + entry.path() + " is missing from " + dir);
        } catch (IOException e) {
            throw new ArtifactException(where + ": cannot read " + entry.path() + ": " + e.getMessage(), e);
        }
        byte[] hash = Hashing.blake2b256(bytes);
        if (!Arrays.equals(hash, entry.blake2b256())) {
            throw new ArtifactException(where + ": " + entry.path() + " has blake2b-256 " + Hex.shortForm(hash)
                    + " but the manifest says " + Hex.shortForm(entry.blake2b256()));
        }
        return bytes;
    }

    /** Returns the directory. */
    public Path dir() {
        return dir;
    }

    /** Returns the manifest. */
    public ArtifactManifest manifest() {
        return manifest;
    }

    /** Returns the model's name. */
    public String name() {
        return manifest.name();
    }

    /** Returns the quantized model. */
    public QuantizedModel model() {
        return model;
    }

    /** Returns the Wasm contract's bytes. */
    public byte[] contract() {
        return contract.clone();
    }

    /** Returns the verifying key (what the registry stores). */
    public VerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** Returns the Poseidon weight commitment (public signal of every proof). */
    public Fr weightCommitment() {
        return manifest.weightCommitment();
    }

    /** Returns blake2b-256 of the circuit description ({@code circuit.r1cs}) as 64 hex digits. */
    public String circuitHashHex() {
        return Hex.encodeNoPrefix(manifest.circuit().blake2b256());
    }

    /**
     * Returns the circuit, compiled from the model on first use and checked against {@code circuit.r1cs}.
     *
     * @throws ArtifactException if the compiled circuit differs from the artifact's
     */
    public synchronized ModelCircuit circuit() {
        if (circuit == null) {
            ModelCircuit c = ModelCircuit.of(model);
            byte[] r1cs = R1csWriter.write(c.system(), c.outputSignalCount());
            if (!Arrays.equals(Hashing.blake2b256(r1cs), manifest.circuit().blake2b256())) {
                throw new ArtifactException("artifact " + name() + ": the model compiles to another circuit than "
                        + manifest.circuit().path() + " (built by another compiler version?)");
            }
            ArtifactManifest.CircuitInfo info = manifest.circuitInfo();
            if (info.constraints() != c.constraintCount() || info.wires() != c.wireCount() || info.publicSignals() != c.publicCount()
                    || info.outputSignals() != c.outputSignalCount() || info.domainSize() != Groth16Setup.domainSize(c.system())) {
                throw new ArtifactException("artifact " + name() + ": manifest circuit sizes " + info + " differ from the circuit " + c);
            }
            circuit = c;
        }
        return circuit;
    }

    /**
     * Returns a prover for this artifact. Its proving key comes from the artifact directory when the
     * manifest lists one; else from {@code cache}; else, for a dev setup, it is regenerated (slow: about
     * 20 s for digits, reported through {@code progress}) and stored in {@code cache}. Every key is
     * checked to belong to the artifact's verifying key.
     *
     * @throws ArtifactException if no matching proving key can be found or made
     */
    public ModelProver prover(ProvingKeyCache cache, Progress progress) {
        ModelCircuit c = progress.timed("circuit", "compiling " + name() + " (" + manifest.circuitInfo().constraints() + " constraints)",
                this::circuit);
        PreparedVerifyingKey prepared = PreparedVerifyingKey.of(verifyingKey);
        ProvingKey pk;
        if (manifest.provingKey().isPresent()) {
            ArtifactManifest.FileEntry entry = manifest.provingKey().get();
            byte[] zkey = read(dir, entry, "artifact " + name());
            pk = readZkey(zkey, entry.path());
            requireMatch(pk, entry.path());
        } else if (!manifest.setup().isDevSeeded()) {
            throw new ArtifactException("artifact " + name() + ": no proving key in the artifact, and keys from a .ptau setup cannot"
                    + " be regenerated: copy proving_key.zkey from the model developer");
        } else {
            KeySetup.DevSeeded setup = new KeySetup.DevSeeded(manifest.setup().seed());
            pk = cache.load(circuitHashHex(), setup.id()).map(z -> {
                ProvingKey cached = readZkey(z, cache.path(circuitHashHex(), setup.id()).toString());
                if (!cached.verifyingKey().equals(verifyingKey)) {
                    progress.report("keys: cached proving key does not match the verifying key; regenerating");
                    cache.evict(circuitHashHex(), setup.id());
                    return null;
                }
                progress.report("keys: proving key from cache " + cache.path(circuitHashHex(), setup.id()));
                return cached;
            }).orElse(null);
            if (pk == null) {
                ProvingKey made = progress.timed("setup", setup.describe() + ", " + c.constraintCount() + " constraints",
                        () -> setup.run(c).provingKey());
                requireMatch(made, "the regenerated proving key (dev seed 0x" + Long.toHexString(setup.seed()) + ")");
                Path stored = cache.store(circuitHashHex(), setup.id(), ZkeyWriter.write(made));
                progress.report("keys: proving key cached at " + stored);
                pk = made;
            }
        }
        return new ModelProver(model, c, pk, prepared, weightCommitment());
    }

    private ProvingKey readZkey(byte[] zkey, String where) {
        try {
            return ZkeyFile.read(zkey);
        } catch (ZkFormatException e) {
            throw new ArtifactException("artifact " + name() + ": " + where + ": " + e.getMessage(), e);
        }
    }

    private void requireMatch(ProvingKey pk, String what) {
        if (pk.wireCount() != circuit.wireCount() || pk.domainSize() != manifest.circuitInfo().domainSize()) {
            throw new ArtifactException("artifact " + name() + ": " + what + " is for a circuit of " + pk.wireCount() + " wires and domain "
                    + pk.domainSize() + ", not this one (" + circuit.wireCount() + " wires, domain " + manifest.circuitInfo().domainSize() + ")");
        }
        if (!pk.verifyingKey().equals(verifyingKey)) {
            throw new ArtifactException("artifact " + name() + ": " + what + " does not match verification_key.json");
        }
    }

    @Override
    public String toString() {
        return "ModelArtifact[" + name() + " in " + dir + "]";
    }
}
