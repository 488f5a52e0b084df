package io.zklayer.zk.ml;

import io.zklayer.primitives.model.ModelCodec;
import io.zklayer.primitives.model.QuantizedModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The digits model and data set copied into {@code src/test/resources/ml} (see the README there). */
final class MlTestData {
    private static QuantizedModel digits;
    private static List<byte[]> samples;

    private MlTestData() {}

    /** Returns the shipped digits model. */
    static synchronized QuantizedModel digitsModel() {
        if (digits == null) {
            digits = ModelCodec.decode(resource("digits.zkm"));
        }
        return digits;
    }

    /** Returns the 1797 digits samples, 64 pixel bytes (0..16) each, in file order. */
    static synchronized List<byte[]> digitsSamples() {
        if (samples == null) {
            samples = readSamples();
        }
        return samples;
    }

    private static List<byte[]> readSamples() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                new java.io.ByteArrayInputStream(resource("digits.csv.gz"))), StandardCharsets.US_ASCII))) {
            List<byte[]> out = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                byte[] x = new byte[64];
                for (int i = 0; i < 64; i++) {
                    x[i] = (byte) Math.round(Double.parseDouble(f[i]));
                }
                out.add(x);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = MlTestData.class.getResourceAsStream("/ml/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /ml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
