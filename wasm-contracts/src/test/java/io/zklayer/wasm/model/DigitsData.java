package io.zklayer.wasm.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the digits test resource: each sample as 64 pixel bytes (0..16). */
final class DigitsData {
    private DigitsData() {
    }

    static List<byte[]> samples() {
        try (InputStream raw = DigitsData.class.getResourceAsStream("/data/digits.csv.gz");
                BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                        StandardCharsets.US_ASCII))) {
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
}
