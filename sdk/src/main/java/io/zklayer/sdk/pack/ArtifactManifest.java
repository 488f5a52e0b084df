package io.zklayer.sdk.pack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zklayer.primitives.Hex;
import io.zklayer.sdk.Evaluation;
import io.zklayer.zk.field.Fr;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} of a model artifact directory: which file is what (with its blake2b-256),
 * the Poseidon weight commitment, the circuit's size, how the keys were made and, optionally, the
 * held-out accuracy. Example (digits, abridged):
 *
 * <pre>
 * {
 *   "format": "zklayer-model-artifact",
 *   "version": 1,
 *   "name": "digits",
 *   "files": {
 *     "model":        {"path": "model.zkm", "blake2b256": "0x…"},
 *     "modelJson":    {"path": "model.json", "blake2b256": "0x…"},
 *     "contract":     {"path": "contract.wasm", "blake2b256": "0x…"},
 *     "circuit":      {"path": "circuit.r1cs", "blake2b256": "0x…"},
 *     "verifyingKey": {"path": "verification_key.json", "blake2b256": "0x…"},
 *     "provingKey":   {"path": "proving_key.zkey", "blake2b256": "0x…"}     (optional)
 *   },
 *   "weightCommitment": "0x0c3a…",                  (Fr, 32 bytes big-endian)
 *   "circuit": {"constraints": 31347, "wires": 31191, "publicSignals": 3, "outputSignals": 1, "domainSize": 32768},
 *   "setup": {"kind": "dev-seeded", "seed": "0x5a4b4c5f44455631", "note": "INSECURE …"},
 *            (or {"kind": "ptau", "ptauBlake2b256": "0x…", "power": 16})
 *   "evaluation": {"samples": 359, "floatCorrect": 353, "quantizedCorrect": 352}   (optional)
 * }
 * </pre>
 *
 * <p>The reader is strict: unknown or missing fields, malformed hashes and file paths that are not
 * plain file names (no {@code /}, {@code \}, or leading dot) are errors naming the JSON path.
 */
public record ArtifactManifest(
        String name,
        FileEntry model,
        FileEntry modelJson,
        FileEntry contract,
        FileEntry circuit,
        FileEntry verifyingKey,
        Optional<FileEntry> provingKey,
        Fr weightCommitment,
        CircuitInfo circuitInfo,
        SetupInfo setup,
        Optional<Evaluation> evaluation) {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "zklayer-model-artifact";
    /** Name of the manifest file in an artifact directory. */
    public static final String FILE_NAME = "manifest.json";
    /** Longest manifest accepted, in characters. */
    public static final int MAX_CHARS = 64 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks the fields. */
    public ArtifactManifest {
        requireName(name);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelJson, "modelJson");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(verifyingKey, "verifyingKey");
        Objects.requireNonNull(provingKey, "provingKey");
        Objects.requireNonNull(weightCommitment, "weightCommitment");
        Objects.requireNonNull(circuitInfo, "circuitInfo");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(evaluation, "evaluation");
    }

    /** Fails unless {@code name} is 1..64 characters of {@code a-z 0-9 _ -}, starting with a letter or digit. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ArtifactException("artifact: model name \"" + name
                    + "\" must be 1 to 64 characters of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * One file of the artifact.
     *
     * @param path the file name inside the artifact directory
     * @param blake2b256 its blake2b-256, 32 bytes
     */
    public record FileEntry(String path, byte[] blake2b256) {
        /** Checks the path is a plain file name and the hash 32 bytes. */
        public FileEntry {
            if (path == null || !FILE.matcher(path).matches()) {
                throw new ArtifactException("artifact: file path \"" + path + "\" must be a plain file name (no directories)");
            }
            if (blake2b256 == null || blake2b256.length != 32) {
                throw new ArtifactException("artifact: the hash of " + path + " must be 32 bytes");
            }
            blake2b256 = blake2b256.clone();
        }

        @Override
        public byte[] blake2b256() {
            return blake2b256.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FileEntry f && f.path.equals(path) && java.util.Arrays.equals(f.blake2b256, blake2b256);
        }

        @Override
        public int hashCode() {
            return path.hashCode() * 31 + java.util.Arrays.hashCode(blake2b256);
        }

        @Override
        public String toString() {
            return path + " (" + Hex.shortForm(blake2b256) + ")";
        }
    }

    /**
     * The size of the model circuit.
     *
     * @param constraints number of R1CS constraints
     * @param wires number of wires including the constant wire
     * @param publicSignals number of public signals (outputs + 2 commitments)
     * @param outputSignals number of output signals
     * @param domainSize the Groth16 evaluation domain (power of two)
     */
    public record CircuitInfo(int constraints, int wires, int publicSignals, int outputSignals, int domainSize) {
        /** Checks the counts are consistent. */
        public CircuitInfo {
            if (constraints < 1 || wires < 1 || publicSignals < 3 || outputSignals < 1 || outputSignals + 2 != publicSignals
                    || domainSize < 8 || Integer.bitCount(domainSize) != 1) {
                throw new ArtifactException("artifact: inconsistent circuit sizes: " + constraints + " constraints, " + wires
                        + " wires, " + publicSignals + " public, " + outputSignals + " outputs, domain " + domainSize);
            }
        }
    }

    /**
     * How the keys were made (see {@link io.zklayer.sdk.keys.KeySetup}).
     *
     * @param kind {@code "dev-seeded"} or {@code "ptau"}
     * @param seed the dev seed (for {@code dev-seeded})
     * @param ptauHash blake2b-256 of the phase-1 file (for {@code ptau})
     * @param power powers in the phase-1 file (for {@code ptau})
     */
    public record SetupInfo(String kind, long seed, Optional<byte[]> ptauHash, int power) {
        /** Kind of a deterministic dev setup. */
        public static final String DEV_SEEDED = "dev-seeded";
        /** Kind of a phase-1 file plus a phase-2 contribution. */
        public static final String PTAU = "ptau";
        /** The warning written beside a dev seed. */
        public static final String DEV_NOTE = "INSECURE: the setup secrets derive from this public seed; anyone can forge proofs. Dev chains only.";

        /** Checks the kind. */
        public SetupInfo {
            if (!DEV_SEEDED.equals(kind) && !PTAU.equals(kind)) {
                throw new ArtifactException("artifact: setup.kind must be \"dev-seeded\" or \"ptau\", got \"" + kind + "\"");
            }
            Objects.requireNonNull(ptauHash, "ptauHash");
        }

        /** Returns the setup info of a dev setup with {@code seed}. */
        public static SetupInfo dev(long seed) {
            return new SetupInfo(DEV_SEEDED, seed, Optional.empty(), 0);
        }

        /** Returns whether the keys can be regenerated from the manifest alone. */
        public boolean isDevSeeded() {
            return DEV_SEEDED.equals(kind);
        }
    }

    /** Returns the manifest as pretty-printed JSON (deterministic field order). */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("name", name);
        ObjectNode files = root.putObject("files");
        file(files, "model", model);
        file(files, "modelJson", modelJson);
        file(files, "contract", contract);
        file(files, "circuit", circuit);
        file(files, "verifyingKey", verifyingKey);
        provingKey.ifPresent(f -> file(files, "provingKey", f));
        root.put("weightCommitment", Hex.encode(weightCommitment.toBytesBE()));
        ObjectNode c = root.putObject("circuit");
        c.put("constraints", circuitInfo.constraints());
        c.put("wires", circuitInfo.wires());
        c.put("publicSignals", circuitInfo.publicSignals());
        c.put("outputSignals", circuitInfo.outputSignals());
        c.put("domainSize", circuitInfo.domainSize());
        ObjectNode s = root.putObject("setup");
        s.put("kind", setup.kind());
        if (setup.isDevSeeded()) {
            s.put("seed", "0x" + String.format("%016x", setup.seed()));
            s.put("note", SetupInfo.DEV_NOTE);
        } else {
            s.put("ptauBlake2b256", Hex.encode(setup.ptauHash().orElseThrow()));
            s.put("power", setup.power());
        }
        evaluation.ifPresent(e -> {
            ObjectNode ev = root.putObject("evaluation");
            ev.put("samples", e.samples());
            ev.put("floatCorrect", e.floatCorrect());
            ev.put("quantizedCorrect", e.quantizedCorrect());
        });
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serializing a JSON tree cannot fail", e);
        }
    }

    private static void file(ObjectNode files, String key, FileEntry f) {
        ObjectNode n = files.putObject(key);
        n.put("path", f.path());
        n.put("blake2b256", Hex.encode(f.blake2b256()));
    }

    /** Returns the manifest in {@code json}; errors name the JSON path. */
    public static ArtifactManifest parse(String json) {
        if (json.length() > MAX_CHARS) {
            throw new ArtifactException("manifest: longer than " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ArtifactException("manifest: not JSON: " + e.getOriginalMessage());
        }
        object(root, "manifest", Set.of("format", "version", "name", "files", "weightCommitment", "circuit", "setup"),
                Set.of("evaluation"));
        if (!FORMAT.equals(text(root, "format", "manifest"))) {
            throw new ArtifactException("manifest.format: expected \"" + FORMAT + "\"");
        }
        if (integer(root, "version", "manifest") != 1) {
            throw new ArtifactException("manifest.version: only version 1 is known");
        }
        String name = requireName(text(root, "name", "manifest"));
        JsonNode files = root.get("files");
        object(files, "manifest.files", Set.of("model", "modelJson", "contract", "circuit", "verifyingKey"), Set.of("provingKey"));
        JsonNode c = root.get("circuit");
        object(c, "manifest.circuit", Set.of("constraints", "wires", "publicSignals", "outputSignals", "domainSize"), Set.of());
        CircuitInfo info = new CircuitInfo(integer(c, "constraints", "manifest.circuit"), integer(c, "wires", "manifest.circuit"),
                integer(c, "publicSignals", "manifest.circuit"), integer(c, "outputSignals", "manifest.circuit"),
                integer(c, "domainSize", "manifest.circuit"));
        byte[] wc = hash(text(root, "weightCommitment", "manifest"), "manifest.weightCommitment");
        Fr weightCommitment;
        try {
            weightCommitment = Fr.fromBytesBE(wc, 0);
        } catch (RuntimeException e) {
            throw new ArtifactException("manifest.weightCommitment: not a field element below r");
        }
        Optional<Evaluation> evaluation = Optional.empty();
        if (root.has("evaluation")) {
            JsonNode ev = root.get("evaluation");
            object(ev, "manifest.evaluation", Set.of("samples", "floatCorrect", "quantizedCorrect"), Set.of());
            int samples = integer(ev, "samples", "manifest.evaluation");
            int fc = integer(ev, "floatCorrect", "manifest.evaluation");
            int qc = integer(ev, "quantizedCorrect", "manifest.evaluation");
            if (samples < 1 || fc < 0 || qc < 0 || fc > samples || qc > samples) {
                throw new ArtifactException("manifest.evaluation: counts must satisfy 0 <= correct <= samples, samples >= 1");
            }
            evaluation = Optional.of(new Evaluation(samples, fc, qc));
        }
        return new ArtifactManifest(name, entry(files, "model"), entry(files, "modelJson"), entry(files, "contract"),
                entry(files, "circuit"), entry(files, "verifyingKey"),
                files.has("provingKey") ? Optional.of(entry(files, "provingKey")) : Optional.empty(),
                weightCommitment, info, setup(root.get("setup")), evaluation);
    }

    private static SetupInfo setup(JsonNode s) {
        object(s, "manifest.setup", Set.of("kind"), Set.of("seed", "note", "ptauBlake2b256", "power"));
        String kind = text(s, "kind", "manifest.setup");
        if (SetupInfo.DEV_SEEDED.equals(kind)) {
            object(s, "manifest.setup", Set.of("kind", "seed"), Set.of("note"));
            String seed = text(s, "seed", "manifest.setup");
            if (!seed.matches("0x[0-9a-f]{16}")) {
                throw new ArtifactException("manifest.setup.seed: must be 0x and 16 lower-case hex digits, got \"" + seed + "\"");
            }
            return SetupInfo.dev(Long.parseUnsignedLong(seed.substring(2), 16));
        }
        if (SetupInfo.PTAU.equals(kind)) {
            object(s, "manifest.setup", Set.of("kind", "ptauBlake2b256", "power"), Set.of());
            int power = integer(s, "power", "manifest.setup");
            if (power < 1 || power > 28) {
                throw new ArtifactException("manifest.setup.power: must be in 1..28, got " + power);
            }
            return new SetupInfo(kind, 0, Optional.of(hash(text(s, "ptauBlake2b256", "manifest.setup"), "manifest.setup.ptauBlake2b256")), power);
        }
        throw new ArtifactException("manifest.setup.kind: must be \"dev-seeded\" or \"ptau\", got \"" + kind + "\"");
    }

    private static FileEntry entry(JsonNode files, String key) {
        String where = "manifest.files." + key;
        JsonNode f = files.get(key);
        object(f, where, Set.of("path", "blake2b256"), Set.of());
        return new FileEntry(text(f, "path", where), hash(text(f, "blake2b256", where), where + ".blake2b256"));
    }

    private static void object(JsonNode node, String where, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            throw new ArtifactException(where + ": must be a JSON object");
        }
        for (String r : required) {
            if (!node.has(r)) {
                throw new ArtifactException(where + "." + r + ": missing");
            }
        }
        Set<String> known = new LinkedHashSet<>(required);
        known.addAll(optional);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new ArtifactException(where + "." + f + ": unknown field");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ArtifactException(where + "." + field + ": must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ArtifactException(where + "." + field + ": must be an integer");
        }
        return v.asInt();
    }

    private static byte[] hash(String text, String where) {
        if (!text.matches("0x[0-9a-fA-F]{64}")) {
            throw new ArtifactException(where + ": must be 0x and 64 hex digits");
        }
        return Hex.decode(text);
    }
}
