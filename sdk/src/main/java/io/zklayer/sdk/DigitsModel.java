package io.zklayer.sdk;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.sdk.data.Dataset;
import io.zklayer.sdk.keys.KeySetup;
import io.zklayer.sdk.pack.ModelArtifact;
import io.zklayer.sdk.pack.ModelJson;
import io.zklayer.sdk.pack.ModelPackager;
import io.zklayer.sdk.train.TrainingConfig;
import io.zklayer.zk.groth16.SnarkjsJson;
import io.zklayer.zk.groth16.VerifyingKey;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The recipe of the shipped digits model ({@code models/digits.zkm}): the UCI handwritten digits
 * (8×8 pixels in 0..16, 10 classes, resource {@code data/digits.csv.gz}), 20% held out with split
 * seed 2024, an MLP 64 → 32 → 10 trained 40 epochs with Adam (batch 32, step 0.003, seed 1), then
 * quantized. Its verifying key comes from the dev setup ({@link KeySetup#dev()}), so anyone can
 * regenerate the proving key and check it against the shipped key. Run {@code main} with an output
 * directory to regenerate the shipped files.
 */
public final class DigitsModel {
    /** Training hyper-parameters of the shipped model. */
    public static final TrainingConfig CONFIG = new TrainingConfig(32, 40, 32, 0.003, 1);
    /** Seed of the train/test split. */
    public static final long SPLIT_SEED = 2024;
    /** Fraction of samples held out. */
    public static final double TEST_FRACTION = 0.2;
    /** Class-path resource of the model file. */
    public static final String MODEL_RESOURCE = "/models/digits.zkm";
    /** Class-path resource of the verifying key (dev setup). */
    public static final String VERIFYING_KEY_RESOURCE = "/models/digits.verification_key.json";

    private DigitsModel() {
    }

    /** Returns the digits data set from the sdk's resources. */
    public static Dataset dataset() {
        try (InputStream in = DigitsModel.class.getResourceAsStream("/data/digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("resource /data/digits.csv.gz is missing from the sdk jar");
            }
            return Dataset.readCsv(in, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains, quantizes and evaluates the digits model from scratch. */
    public static ModelKit.Result build() {
        return ModelKit.build(dataset(), CONFIG, SPLIT_SEED, TEST_FRACTION, List.of(8, 8), 0, 16);
    }

    /** Returns the shipped quantized digits model ({@code models/digits.zkm}). */
    public static QuantizedModel model() {
        return ModelCodec.decode(resource(MODEL_RESOURCE));
    }

    /** Returns the Poseidon commitment to the shipped model's weights (what the registry stores). */
    public static Fr weightCommitment() {
        return WeightCommitment.of(model());
    }

    /**
     * Returns the shipped verifying key of the digits circuit ({@code models/digits.verification_key.json}),
     * made by {@link KeySetup#dev()}: dev chains only (see {@link KeySetup.DevSeeded}).
     */
    public static VerifyingKey verifyingKey() {
        return SnarkjsJson.readVerifyingKey(new String(resource(VERIFYING_KEY_RESOURCE), StandardCharsets.UTF_8));
    }

    /**
     * Writes the shipped digits model as an artifact directory without a proving key (the model, its
     * contract, circuit and the shipped verifying key); {@link ModelArtifact#prover} regenerates the
     * proving key with the dev setup on first use and checks it against the shipped key.
     */
    public static ModelArtifact writeArtifact(Path dir, Progress progress) {
        return ModelPackager.writeWithoutProvingKey(model(), "digits", dir, KeySetup.dev(), verifyingKey(), Optional.empty(), progress);
    }

    /**
     * Regenerates the shipped files into the directory given as the only argument: {@code digits.zkm},
     * {@code digits.json} (training, about a minute) and {@code digits.verification_key.json} (dev setup,
     * about 20 s).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DigitsModel <output-directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        ModelKit.Result r = build();
        Files.write(dir.resolve("digits.zkm"), r.model().toBytes());
        Files.writeString(dir.resolve("digits.json"), ModelJson.write(r.model()), StandardCharsets.UTF_8);
        System.out.println(r.evaluation());
        ModelCircuit circuit = ModelCircuit.of(r.model());
        VerifyingKey vk = Progress.to(System.out).timed("setup", KeySetup.dev().describe(), () -> KeySetup.dev().run(circuit))
                .verifyingKey();
        Files.writeString(dir.resolve("digits.verification_key.json"), ModelPackager.verifyingKeyJson(vk), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DigitsModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the sdk jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
