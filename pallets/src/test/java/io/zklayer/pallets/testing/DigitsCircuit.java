package io.zklayer.pallets.testing;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import io.zklayer.zk.ml.ModelCircuit;
import io.zklayer.zk.ml.ModelCircuitKeys;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The shipped digits model, its data set (both in {@code src/test/resources/ml}, see the README
 * there) and the Groth16 keys of its circuit from one seeded, INSECURE test setup. The setup takes
 * about 20–30 s on 2 cores, so it is built lazily once per test JVM and shared by every test class
 * that proves digits inferences (the registry's backtests and the market's workloads).
 */
public final class DigitsCircuit {
    /** The seed of the shared test setup. */
    public static final long SETUP_SEED = 6006;

    /**
     * One labelled sample of the data set.
     *
     * @param row its row in the file
     * @param pixels the 64 pixels, 0…16
     * @param label the digit it shows
     */
    public record Sample(int row, byte[] pixels, int label) {}

    private static QuantizedModel model;
    private static List<Sample> samples;
    private static ModelCircuitKeys keys;

    private DigitsCircuit() {}

    /** Returns the digits model. */
    public static synchronized QuantizedModel model() {
        if (model == null) {
            model = ModelCodec.decode(resource("digits.zkm"));
        }
        return model;
    }

    /** Returns the labelled samples in file order. */
    public static synchronized List<Sample> samples() {
        if (samples == null) {
            samples = List.copyOf(readSamples());
        }
        return samples;
    }

    /** Returns the keys of the digits circuit (seeded, INSECURE test setup), made on first use. */
    public static synchronized ModelCircuitKeys keys() {
        if (keys == null) {
            long t0 = System.nanoTime();
            keys = ModelCircuitKeys.testSetup(ModelCircuit.of(model()), SETUP_SEED);
            System.out.printf("digits circuit: seeded setup %d ms (once per test JVM)%n", (System.nanoTime() - t0) / 1_000_000);
        }
        return keys;
    }

    /** Returns the bytes of test resource {@code /ml/name}. */
    public static byte[] resource(String name) {
        try (InputStream in = DigitsCircuit.class.getResourceAsStream("/ml/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /ml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
