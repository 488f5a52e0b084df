package io.zklayer.pallets.models;

import io.zklayer.pallets.verifier.EncodedVerifyingKey;
import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.primitives.model.ReferenceExecutor;
import io.zklayer.wasm.model.ModelWasmCompiler;
import io.zklayer.zk.field.Fr;
import io.zklayer.zk.groth16.Proof;
import io.zklayer.zk.ml.InputCommitment;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import io.zklayer.zk.ml.ModelWitness;
import io.zklayer.zk.ml.WeightCommitment;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The digits model and data set copied into {@code src/test/resources/ml} (see the README there), with
 * Groth16 keys from a seeded test setup (about 20 s on 2 cores, made once per JVM and shared by the test
 * classes that need proofs).
 */
final class DigitsFixture {
    /** One labelled sample of the data set. */
    record Sample(int row, byte[] pixels, int label) {}

    private static QuantizedModel model;
    private static List<Sample> samples;
    private static ModelCircuitKeys keys;

    private DigitsFixture() {}

    static synchronized QuantizedModel model() {
        if (model == null) {
            model = ModelCodec.decode(resource("digits.zkm"));
        }
        return model;
    }

    static synchronized List<Sample> samples() {
        if (samples == null) {
            samples = readSamples();
        }
        return samples;
    }

    /** Returns the keys of the digits circuit (seeded, INSECURE test setup). */
    static synchronized ModelCircuitKeys keys() {
        if (keys == null) {
            keys = ModelCircuitKeys.testSetup(ModelCircuit.of(model()), 6006);
        }
        return keys;
    }

    static Fr weightCommitment() {
        return WeightCommitment.of(model());
    }

    /** Returns the class the model predicts for {@code pixels}. */
    static int predict(byte[] pixels) {
        byte[] out = ReferenceExecutor.infer(model(), pixels);
        return out[0] & 0xff;
    }

    /** Returns the argmax output encoding of class {@code c}: {@code c 00 00 00}. */
    static byte[] classBytes(long c) {
        return new byte[] {(byte) c, 0, 0, 0};
    }

    /** Returns a deterministic proof of the model's output on {@code pixels} (blinding from {@code seed}). */
    static byte[] prove(byte[] pixels, int seed) {
        ModelWitness w = ModelWitness.of(keys().circuit(), model(), pixels);
        Proof proof = keys().prove(w, Fr.of(1000L + seed), Fr.of(2000L + seed));
        return proof.toBytes();
    }

    static Fr inputCommitment(byte[] pixels) {
        return InputCommitment.of(pixels);
    }

    /** Returns the registration of the digits model with {@code key}, its public Wasm code and the given price. */
    static ModelsCall.RegisterModel registration(String name, EncodedVerifyingKey key, BigInteger price) {
        ModelIo io = new ModelIo(model().input(), model().output(), 10);
        return new ModelsCall.RegisterModel(name, "8x8 handwritten digits, 10 classes", io,
                new ModelCircuitSpec(weightCommitment(), key), Optional.of(ModelWasmCompiler.compile(model()).wasm()),
                new ModelPricing(price, 100));
    }

    private static List<Sample> readSamples() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new ByteArrayInputStream(resource("digits.csv.gz"))), StandardCharsets.US_ASCII))) {
            List<Sample> out = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                byte[] x = new byte[64];
                for (int i = 0; i < 64; i++) {
                    x[i] = (byte) Math.round(Double.parseDouble(f[i]));
                }
                out.add(new Sample(out.size(), x, (int) Math.round(Double.parseDouble(f[64]))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = DigitsFixture.class.getResourceAsStream("/ml/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /ml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
